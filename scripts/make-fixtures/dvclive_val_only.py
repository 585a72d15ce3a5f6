#!/usr/bin/env python3
"""Writes Tests/Fixtures/dvclive_val_only/: a real DVCLive run that logs only validation metrics.

  with Live(dir=<fixture>/dvclive, save_dvc_exp=False, report=None, monitor_system=False) as live:
      live.log_params({"lr": 0.05, "batch_size": 16, "model": {"hidden": 8, "act": "tanh"}})
      for epoch in range(5):
          ... train a tiny torch MLP one epoch ...
          live.log_metric("val/loss", val_loss)
          live.log_metric("val/acc", val_acc)
          live.summary["best_val_loss"] = min(...)
          live.next_step()
  -> dvclive/params.yaml, dvclive/metrics.json (summary), dvclive/plots/metrics/val/loss.tsv,
     dvclive/plots/metrics/val/acc.tsv, dvclive/dvc.yaml (whatever dvclive writes is kept)
  expected.json: the .tsv files read with the csv module (tab-separated), metrics.json with
  json.load, params.yaml with yaml.safe_load.

WARNING, observed with dvclive 3.49.1: when Live() starts inside a git work tree that is
not a DVC repo, dvclive's get_dvc_repo() calls dvc's Repo.init(<git root>) -- it runs
`dvc init` in the enclosing repository (creates .dvc/ and .dvcignore at the git root and
`git add`s them), even with save_dvc_exp=False. So this script runs Live() in a scratch
folder outside any git work tree (/tmp/nnreport-dvclive-fixture, checked with
`git rev-parse`), where dvclive uses no DVC at all, and then copies what it wrote
(dvclive/ and the dvc.yaml it writes in the current directory) into the fixture.
Steps and values are seeded; the .tsv files of this version have no timestamp column.

Run from the repository root:
    /work/venv/bin/python scripts/make-fixtures/dvclive_val_only.py
Tested with: dvclive 3.49.1, torch 2.15.0.
"""
import csv
import json
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _fixture_common import fresh, report, seed_everything, series, versions, write_expected  # noqa: E402

os.environ["DVCLIVE_LOGLEVEL"] = "WARNING"
os.environ.setdefault("DVC_NO_ANALYTICS", "1")

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import yaml  # noqa: E402
from dvclive import Live  # noqa: E402


def main():
    vers = versions("dvclive", "dvc", "torch")
    root = fresh("dvclive_val_only")
    seed_everything(0)
    g = torch.Generator().manual_seed(0)
    x = torch.randn(192, 4, generator=g)
    y = (x[:, 0] - x[:, 3] > 0).long()
    xt, yt, xv, yv = x[:128], y[:128], x[128:], y[128:]
    model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 2))
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    lossf = nn.CrossEntropyLoss()
    best = float("inf")
    scratch = "/tmp/nnreport-dvclive-fixture"
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    inside_git = subprocess.run(["git", "-C", scratch, "rev-parse", "--is-inside-work-tree"],
                                capture_output=True, text=True).returncode == 0
    assert not inside_git, f"{scratch} is inside a git work tree: dvclive would run `dvc init` there"
    cwd = os.getcwd()
    os.chdir(scratch)  # dvclive resolves its dir, dvc.yaml and any repo relative to the cwd
    try:
        with Live(dir="dvclive", save_dvc_exp=False, report=None, monitor_system=False) as live:
            live.log_params({"lr": 0.05, "batch_size": 16, "model": {"hidden": 8, "act": "tanh"}})
            for epoch in range(5):
                perm = torch.randperm(128, generator=g)
                for i in range(0, 128, 16):
                    idx = perm[i:i + 16]
                    loss = lossf(model(xt[idx]), yt[idx])
                    opt.zero_grad()
                    loss.backward()
                    opt.step()
                with torch.no_grad():
                    vo = model(xv)
                vl = lossf(vo, yv).item()
                va = (vo.argmax(1) == yv).float().mean().item()
                live.log_metric("val/loss", vl)
                live.log_metric("val/acc", va)
                best = min(best, vl)
                live.summary["best_val_loss"] = best
                live.next_step()
    finally:
        os.chdir(cwd)
    assert not os.path.exists(os.path.join(scratch, ".dvc")), "dvclive initialised a DVC repo"
    shutil.copytree(os.path.join(scratch, "dvclive"), os.path.join(root, "dvclive"))
    if os.path.exists(os.path.join(scratch, "dvc.yaml")):
        shutil.copy(os.path.join(scratch, "dvc.yaml"), os.path.join(root, "dvc.yaml"))
    shutil.rmtree(scratch)

    d = os.path.join(root, "dvclive")
    ser = {}
    tsv_headers = {}
    for dirpath, _, files in os.walk(os.path.join(d, "plots", "metrics")):
        for fn in sorted(files):
            p = os.path.join(dirpath, fn)
            name = os.path.relpath(p, os.path.join(d, "plots", "metrics"))[: -len(".tsv")]
            with open(p, newline="") as f:
                rows = list(csv.reader(f, delimiter="\t"))
            header, body = rows[0], rows[1:]
            tsv_headers[os.path.relpath(p, root)] = header
            si, vi = header.index("step"), header.index(name.split("/")[-1]) if name.split("/")[-1] in header else header.index(name)
            ser[name] = series("step", [(int(r[si]), float(r[vi])) for r in body])
    with open(os.path.join(d, "metrics.json")) as f:
        summary = json.load(f)
    with open(os.path.join(d, "params.yaml")) as f:
        params = yaml.safe_load(f)
    files = sorted(os.path.relpath(os.path.join(dp, fn), root) for dp, _, fs in os.walk(root) for fn in fs)
    runs = [{"name": "dvclive", "path": "dvclive", "hyperparameters": params, "series": ser,
             "summary_metrics_json": summary, "tsv_headers": tsv_headers, "files": files}]
    notes = [
        "only validation metrics are logged; the metric names contain '/', so dvclive nests them: plots/metrics/val/loss.tsv and plots/metrics/val/acc.tsv.",
        "x is dvclive's step: 0-based, incremented by next_step() (0..4 here, one per epoch).",
        "metrics.json (the summary) nests the slash names as objects: {'val': {'loss': ..., 'acc': ...}} plus 'step' (the step of the last logged values) and the manual 'best_val_loss'.",
        "params.yaml keeps the nested dict given to log_params.",
        "dvc.yaml (fixture root, written by dvclive in the working directory) lists params: dvclive/params.yaml, metrics: dvclive/metrics.json, plots: dvclive/plots/metrics with x: step.",
        "each .tsv has the header 'step<TAB><last path component of the metric name>' (e.g. 'step\tloss' for val/loss), LF line endings, no timestamp column.",
    ]
    write_expected(root, "dvclive", vers, runs, notes)
    report(root)


if __name__ == "__main__":
    main()
