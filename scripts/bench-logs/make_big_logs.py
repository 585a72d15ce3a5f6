#!/usr/bin/env python3
"""Writes two big training logs for scripts/bench-logs.sh, written by the real tools' own code.

    OUTDIR/tb/run/events.out.tfevents.1704067200.nnreport-bench.1.0
        A TensorBoard event file of exactly 1,000,000 scalar events: 5 tags ("train/loss",
        "train/accuracy", "val/loss", "val/accuracy", "lr") x 200,000 steps (0..199,999),
        one Event per tag and step with a float32 Summary.Value.simple_value, after the
        usual first Event(file_version="brain.Event:2").
        Written with tensorboard's own protos (tensorboard.compat.proto Event / Summary) and
        tensorboard's own TFRecord framing (tensorboard.summary.writer.record_writer.RecordWriter,
        the class EventFileWriter writes through). This is the byte layout that
        tensorboardX's SummaryWriter.add_scalar and torch.utils.tensorboard write; add_scalar
        itself was measured at ~270 s for 1,000,000 calls on this 2-core machine (over the
        brief's 3-minute limit), building the protos directly takes ~1 minute.
        EventFileWriter itself is not used because it stamps the wall-clock time, host name
        and pid into the first event and the file name; with RecordWriter the file is
        byte-for-byte the same on every machine (fixed name, fixed wall_time values).

    OUTDIR/mlflow/mlflow.db
        An MLflow SQLite tracking database made by MLflow itself (mlflow 3.17.2,
        MlflowClient with tracking_uri "sqlite:///OUTDIR/mlflow/mlflow.db", so MLflow creates
        and migrates the schema): experiment "nnreport-bench" with 2 runs ("run-a", "run-b")
        x 5 keys (same names as above) x 100,000 steps = exactly 1,000,000 rows in `metrics`,
        logged with MlflowClient.log_batch in batches of 1,000 metrics (MLflow's own write
        path, which also keeps `latest_metrics` up to date), plus a few params and tags.
        Values and timestamps are seeded / fixed; run ids (uuid4) are not deterministic.

Values come from numpy.random.default_rng(SEED): noisy exponential loss / accuracy curves and
a cosine learning-rate schedule, rounded to float32.

When both logs already exist with the right counts (and the stamp file OUTDIR/make_big_logs.json
matches this script's settings) nothing is rewritten, so repeated benchmark runs are cheap.
Each log is written under a temporary name and renamed into place when complete.

Usage: /work/venv/bin/python scripts/bench-logs/make_big_logs.py OUTDIR [--force]
"""
import argparse
import hashlib
import json
import math
import os
import shutil
import sqlite3
import struct
import sys
import time

sys.dont_write_bytecode = True
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

SEED = 20240101
TAGS = ["train/loss", "train/accuracy", "val/loss", "val/accuracy", "lr"]
TB_STEPS = 200_000  # x 5 tags = 1,000,000 scalar events
MLFLOW_RUNS = [("run-a", 1e-3, 64), ("run-b", 3e-4, 128)]  # name, lr, batch_size
MLFLOW_STEPS = 100_000  # x 5 keys x 2 runs = 1,000,000 metric rows
MLFLOW_BATCH = 1000  # metrics per log_batch call (MLflow's own per-request limit)
BASE_SECONDS = 1704067200  # 2024-01-01T00:00:00Z
TB_FILE = "events.out.tfevents.%010d.nnreport-bench.1.0" % BASE_SECONDS
STAMP_VERSION = 1


def settings():
    return {
        "version": STAMP_VERSION,
        "seed": SEED,
        "tags": TAGS,
        "tb_steps": TB_STEPS,
        "mlflow_runs": [r[0] for r in MLFLOW_RUNS],
        "mlflow_steps": MLFLOW_STEPS,
    }


def curves(rng, steps, lr0, horizon):
    """The 5 series as float32 numpy arrays of length `steps`, in TAGS order."""
    import numpy as np

    s = np.arange(steps, dtype=np.float64)
    decay = np.exp(-s / (horizon / 5))
    noise = rng.standard_normal((4, steps))
    train_loss = np.abs(2.3 * decay + 0.05 + 0.04 * noise[0])
    train_acc = np.clip(1.0 - 0.9 * decay - 0.02 + 0.01 * noise[1], 0.0, 1.0)
    val_loss = np.abs(2.3 * np.exp(-s / (horizon / 4)) + 0.08 + 0.01 * noise[2])
    val_acc = np.clip(1.0 - 0.9 * np.exp(-s / (horizon / 4)) - 0.03 + 0.005 * noise[3], 0.0, 1.0)
    lr = lr0 * 0.5 * (1.0 + np.cos(math.pi * s / horizon))
    return [a.astype(np.float32) for a in (train_loss, train_acc, val_loss, val_acc, lr)]


# ---------------------------------------------------------------- TensorBoard


def count_tfrecords(path):
    """Number of TFRecord records in `path`, from the framing alone (length headers)."""
    n = 0
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        pos = 0
        while pos < size:
            header = f.read(12)
            if len(header) < 12:
                return -1
            (length,) = struct.unpack("<Q", header[:8])
            pos += 12 + length + 4
            f.seek(pos)
            n += 1
        if pos != size:
            return -1
    return n


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def tb_is_complete(outdir, stamp):
    run = os.path.join(outdir, "tb", "run")
    path = os.path.join(run, TB_FILE)
    if not os.path.isfile(path) or sorted(os.listdir(run)) != [TB_FILE]:
        return False
    info = stamp.get("tensorboard") or {}
    if info.get("bytes") != os.path.getsize(path) or info.get("sha256") != sha256(path):
        return False
    return count_tfrecords(path) == len(TAGS) * TB_STEPS + 1  # + the file_version event


def write_tensorboard(outdir):
    import numpy as np
    from tensorboard.compat.proto import event_pb2, summary_pb2
    from tensorboard.summary.writer.record_writer import RecordWriter

    run = os.path.join(outdir, "tb", "run")
    if os.path.isdir(run):
        shutil.rmtree(run)
    os.makedirs(run)
    final = os.path.join(run, TB_FILE)
    partial = os.path.join(outdir, "tb", "." + TB_FILE + ".partial")

    rng = np.random.default_rng(SEED)
    series = [a.tolist() for a in curves(rng, TB_STEPS, 1e-3, TB_STEPS)]
    Event, Summary, Value = event_pb2.Event, summary_pb2.Summary, summary_pb2.Summary.Value

    with open(partial, "wb") as f:
        writer = RecordWriter(f)
        # The first event, as EventFileWriter writes it (with a fixed wall_time).
        writer.write(
            Event(
                wall_time=float(BASE_SECONDS),
                file_version="brain.Event:2",
                source_metadata=event_pb2.SourceMetadata(writer="tensorboard.summary.writer.event_file_writer"),
            ).SerializeToString()
        )
        for step in range(TB_STEPS):
            wall_time = BASE_SECONDS + 1.0 + step * 0.05  # 20 steps per second
            for tag, values in zip(TAGS, series):
                event = Event(wall_time=wall_time, step=step, summary=Summary(value=[Value(tag=tag, simple_value=values[step])]))
                writer.write(event.SerializeToString())
        writer.flush()
    os.replace(partial, final)
    return {"file": os.path.relpath(final, outdir), "bytes": os.path.getsize(final), "sha256": sha256(final),
            "scalar_events": len(TAGS) * TB_STEPS}


# ---------------------------------------------------------------- MLflow


def mlflow_counts(db):
    """(metric rows, runs, latest_metrics rows, {run name: rows}) of an MLflow SQLite store, or None."""
    if not os.path.isfile(db):
        return None
    try:
        con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
        try:
            rows = con.execute("SELECT COUNT(*) FROM metrics").fetchone()[0]
            runs = con.execute("SELECT COUNT(*) FROM runs").fetchone()[0]
            latest = con.execute("SELECT COUNT(*) FROM latest_metrics").fetchone()[0]
            per_run = dict(con.execute(
                "SELECT r.name, COUNT(*) FROM metrics m JOIN runs r ON r.run_uuid = m.run_uuid GROUP BY r.name"
            ).fetchall())
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return rows, runs, latest, per_run


def mlflow_is_complete(outdir):
    counts = mlflow_counts(os.path.join(outdir, "mlflow", "mlflow.db"))
    want_per_run = {name: len(TAGS) * MLFLOW_STEPS for name, _, _ in MLFLOW_RUNS}
    return counts is not None and counts == (
        len(TAGS) * MLFLOW_STEPS * len(MLFLOW_RUNS), len(MLFLOW_RUNS), len(TAGS) * len(MLFLOW_RUNS), want_per_run)


def write_mlflow(outdir):
    import numpy as np

    folder = os.path.join(outdir, "mlflow")
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    work = os.path.join(outdir, ".mlflow.partial")
    if os.path.isdir(work):
        shutil.rmtree(work)
    os.makedirs(work)
    db = os.path.join(work, "mlflow.db")

    os.environ["MLFLOW_TRACKING_URI"] = ""
    import mlflow
    from mlflow.entities import Metric, Param, RunTag

    client = mlflow.MlflowClient(tracking_uri="sqlite:///" + db)
    experiment = client.create_experiment("nnreport-bench", artifact_location=os.path.join(folder, "artifacts"))
    rng = np.random.default_rng(SEED + 1)
    base_ms = BASE_SECONDS * 1000
    for index, (name, lr0, batch_size) in enumerate(MLFLOW_RUNS):
        start_ms = base_ms + index * 86_400_000
        run = client.create_run(experiment, start_time=start_ms, run_name=name, tags={"purpose": "nnreport benchmark"})
        run_id = run.info.run_id
        client.log_batch(run_id, params=[Param("lr", repr(lr0)), Param("batch_size", str(batch_size)),
                                         Param("optimizer", "adam")], tags=[RunTag("seed", str(SEED))])
        series = [a.tolist() for a in curves(rng, MLFLOW_STEPS, lr0, MLFLOW_STEPS)]
        batch = []
        for step in range(MLFLOW_STEPS):
            timestamp = start_ms + 1000 + step * 50
            for key, values in zip(TAGS, series):
                batch.append(Metric(key, values[step], timestamp, step))
            if len(batch) == MLFLOW_BATCH:
                client.log_batch(run_id, metrics=batch)
                batch = []
        if batch:
            client.log_batch(run_id, metrics=batch)
        client.set_terminated(run_id, "FINISHED", end_time=start_ms + 1000 + MLFLOW_STEPS * 50)
    # Let go of MLflow's SQLAlchemy engine (and its file handles) before the rename.
    try:
        client._tracking_client.store.engine.dispose()
    except AttributeError:
        pass
    os.replace(work, folder)
    final = os.path.join(folder, "mlflow.db")
    counts = mlflow_counts(final)
    return {"file": os.path.relpath(final, outdir), "bytes": os.path.getsize(final), "metric_rows": counts[0],
            "runs": counts[1], "latest_metrics_rows": counts[2]}


# ---------------------------------------------------------------- main


def human(n):
    return "%d bytes (%.1f MiB)" % (n, n / 1048576)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("--force", action="store_true", help="rewrite both logs even when they look complete")
    args = parser.parse_args()
    outdir = os.path.abspath(args.outdir)
    os.makedirs(outdir, exist_ok=True)
    stamp_path = os.path.join(outdir, "make_big_logs.json")
    try:
        with open(stamp_path) as f:
            stamp = json.load(f)
    except (OSError, ValueError):
        stamp = {}
    if stamp.get("settings") != settings():
        stamp = {}

    def save_stamp():
        stamp["settings"] = settings()
        with open(stamp_path + ".tmp", "w") as f:
            json.dump(stamp, f, indent=2, sort_keys=True)
            f.write("\n")
        os.replace(stamp_path + ".tmp", stamp_path)

    if not args.force and tb_is_complete(outdir, stamp):
        print("tensorboard: up to date, %s: %s" % (stamp["tensorboard"]["file"], human(stamp["tensorboard"]["bytes"])))
    else:
        print("tensorboard: writing %d scalar events..." % (len(TAGS) * TB_STEPS), flush=True)
        start = time.perf_counter()
        stamp["tensorboard"] = write_tensorboard(outdir)
        stamp["tensorboard"]["seconds_to_write"] = round(time.perf_counter() - start, 1)
        save_stamp()
        print("tensorboard: wrote %s in %.1f s: %s" % (stamp["tensorboard"]["file"], stamp["tensorboard"]["seconds_to_write"],
                                                       human(stamp["tensorboard"]["bytes"])), flush=True)

    if not args.force and mlflow_is_complete(outdir):
        info = stamp.get("mlflow") or {}
        path = os.path.join(outdir, "mlflow", "mlflow.db")
        print("mlflow: up to date, mlflow/mlflow.db: %s" % human(os.path.getsize(path)))
        if not info:
            stamp["mlflow"] = {"file": "mlflow/mlflow.db", "bytes": os.path.getsize(path)}
            save_stamp()
    else:
        print("mlflow: logging %d metrics with MlflowClient.log_batch..." % (len(TAGS) * MLFLOW_STEPS * len(MLFLOW_RUNS)),
              flush=True)
        start = time.perf_counter()
        stamp["mlflow"] = write_mlflow(outdir)
        stamp["mlflow"]["seconds_to_write"] = round(time.perf_counter() - start, 1)
        save_stamp()
        if not mlflow_is_complete(outdir):
            sys.exit("mlflow: the written store does not hold the expected counts: %r"
                     % (mlflow_counts(os.path.join(outdir, "mlflow", "mlflow.db")),))
        print("mlflow: wrote mlflow/mlflow.db in %.1f s: %s" % (stamp["mlflow"]["seconds_to_write"],
                                                               human(stamp["mlflow"]["bytes"])), flush=True)


if __name__ == "__main__":
    main()
