"""Helpers shared by the per-tool fixture scripts in this folder (not a fixture writer itself).

Each <tool>.py script imports this module; run the scripts from the repository root, e.g.
    /work/venv/bin/python scripts/make-fixtures/hf_trainer.py
"""
import json
import math
import os
import random
import shutil
import sys
from importlib import metadata

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.normpath(os.path.join(HERE, "..", "..", "Tests", "Fixtures"))

# Never reach for the network, never phone home.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("WANDB_DISABLED", "true")
os.environ.setdefault("WANDB_MODE", "disabled")
os.environ.setdefault("DISABLE_MLFLOW_INTEGRATION", "TRUE")
os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


# With tensorflow installed in the same venv (needed for keras_tb.py), tensorboard's
# lazy `tf` import pulls TensorFlow into processes that already loaded torch, and the two
# abort with "LLVM ERROR: inconsistency in registered CommandLine options". tensorboard
# falls back to its TF stub when the module tensorboard.compat.notf is importable, so
# register an empty one unless a script needs real TensorFlow (keras_tb.py sets
# FIXTURE_ALLOW_TF=1 before importing this module).
if not os.environ.get("FIXTURE_ALLOW_TF"):
    import types

    sys.modules.setdefault("tensorboard.compat.notf", types.ModuleType("tensorboard.compat.notf"))


def fresh(name):
    """rm -rf Tests/Fixtures/<name> and recreate it; returns the absolute path."""
    path = os.path.join(FIXTURES, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def seed_everything(seed=0):
    random.seed(seed)
    try:
        import numpy as np

        np.random.seed(seed)
    except ImportError:
        pass
    try:
        import torch

        torch.manual_seed(seed)
        torch.use_deterministic_algorithms(True, warn_only=True)
    except ImportError:
        pass


def versions(*dists):
    out = {"python": sys.version.split()[0]}
    for d in dists:
        try:
            out[d] = metadata.version(d)
        except metadata.PackageNotFoundError:
            out[d] = None
    print("versions:", json.dumps(out))
    return out


def jv(v):
    """A JSON-safe value: NaN/inf as strings, numpy scalars to Python, floats kept at full repr."""
    if hasattr(v, "item") and not isinstance(v, (list, dict, str)):
        try:
            v = v.item()
        except (TypeError, ValueError):
            pass
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return v
    if isinstance(v, dict):
        return {str(k): jv(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [jv(x) for x in v]
    return v


def num(x):
    """x-axis value: int when integral and given as int, otherwise float."""
    if hasattr(x, "item"):
        x = x.item()
    return x


def series(x, points):
    return {"x": x, "points": [[jv(num(a)), jv(b)] for a, b in points]}


def write_expected(folder, tool, vers, runs, notes):
    doc = {"tool": tool, "versions": vers, "runs": runs, "notes": notes}
    path = os.path.join(folder, "expected.json")
    with open(path, "w") as f:
        json.dump(jv(doc), f, indent=1, allow_nan=False)
        f.write("\n")
    return path


def prune(folder, keep):
    """Delete every file under folder for which keep(relpath) is false; drop empty dirs."""
    for root, dirs, files in os.walk(folder, topdown=False):
        for fn in files:
            p = os.path.join(root, fn)
            rel = os.path.relpath(p, folder)
            if not keep(rel):
                os.remove(p)
        for d in dirs:
            p = os.path.join(root, d)
            if not os.listdir(p):
                os.rmdir(p)


def du(folder):
    total = 0
    for root, _, files in os.walk(folder):
        for fn in files:
            total += os.path.getsize(os.path.join(root, fn))
    return total


def report(folder, limit=200 * 1024):
    size = du(folder)
    print(f"{os.path.relpath(folder, FIXTURES)}: {size} bytes")
    for root, _, files in sorted(os.walk(folder)):
        for fn in sorted(files):
            p = os.path.join(root, fn)
            print(f"  {os.path.relpath(p, folder)}  {os.path.getsize(p)}")
    assert size < limit, f"{folder} is {size} bytes, over {limit} bytes"


def tb_scalars(logdir):
    """Every scalar in every event file directly in logdir, read with tensorboard's
    EventAccumulator: {tag: [(step, value, wall_time), ...]}. Handles both simple_value
    summaries and tensor ones written with the scalars plugin."""
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
    from tensorboard.util import tensor_util

    acc = EventAccumulator(logdir, size_guidance={"scalars": 0, "tensors": 0})
    acc.Reload()
    tags = acc.Tags()
    out = {}
    for tag in tags.get("scalars", []):
        out[tag] = [(e.step, e.value, e.wall_time) for e in acc.Scalars(tag)]
    for tag in tags.get("tensors", []):
        evs = acc.Tensors(tag)
        vals = []
        for e in evs:
            arr = tensor_util.make_ndarray(e.tensor_proto)
            if arr.ndim == 0 and arr.dtype.kind in "fiu":
                vals.append((e.step, float(arr), e.wall_time))
        if vals:
            out[tag] = vals
    return out, tags


def tb_event_dirs(root):
    """Folders under root (relative, sorted) that directly hold an events.out.tfevents.* file."""
    out = []
    for d, _, files in os.walk(root):
        if any("tfevents" in f for f in files):
            out.append(os.path.relpath(d, root))
    return sorted(out)


def tb_hparams(logdir):
    """The hparams plugin data in the event files of logdir: {'session_start_info': {...},
    'experiment': {...}} with hparam values as Python values, read with tensorboard's own
    protos (tensorboard.plugins.hparams.plugin_data_pb2)."""
    from google.protobuf import json_format
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
    from tensorboard.plugins.hparams import api_pb2, plugin_data_pb2

    acc = EventAccumulator(logdir, size_guidance={"tensors": 0, "scalars": 0})
    acc.Reload()
    out = {}
    try:
        content = acc.PluginTagToContent("hparams")
    except KeyError:
        content = {}
    for tag, raw in content.items():
        data = plugin_data_pb2.HParamsPluginData.FromString(raw)
        kind = data.WhichOneof("data")
        if kind == "session_start_info":
            ssi = data.session_start_info
            hp = {}
            for k, v in ssi.hparams.items():
                which = v.WhichOneof("kind")
                hp[k] = getattr(v, which) if which else None
            out[tag] = {"kind": kind, "hparams": hp, "group_name": ssi.group_name,
                        "start_time_secs": ssi.start_time_secs}
        elif kind == "experiment":
            exp = json_format.MessageToDict(data.experiment)
            out[tag] = {"kind": kind, "experiment": exp}
        elif kind == "session_end_info":
            out[tag] = {"kind": kind, "status": api_pb2.Status.Name(data.session_end_info.status)}
        else:
            out[tag] = {"kind": kind}
    return out


def tb_run_entries(root, x="step"):
    """One expected.json run per event-file folder under root."""
    runs = []
    for rel in tb_event_dirs(root):
        d = os.path.join(root, rel)
        scal, tags = tb_scalars(d)
        runs.append({
            "name": rel,
            "path": rel,
            "event_files": sorted(f for f in os.listdir(d) if "tfevents" in f),
            "hyperparameters": {},
            "series": {t: series(x, [(s, v) for s, v, _ in pts]) for t, pts in sorted(scal.items())},
            "tags_by_kind": {k: sorted(v) for k, v in tags.items() if isinstance(v, list) and v},
            "hparams_plugin": tb_hparams(d),
        })
    return runs
