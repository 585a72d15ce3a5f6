#!/usr/bin/env python3
"""Writes Tests/Fixtures/mlflow/: the same MLflow runs in a file store and in a SQLite store.

  mlflow/file/mlruns/           mlflow.set_tracking_uri("file:" + <abs path>) -> FileStore
  mlflow/sqlite/mlflow.db       mlflow.set_tracking_uri("sqlite:///<abs path>/mlflow.db")
                                (MLflow 3's default backend kind); VACUUMed after writing,
                                then rebuilt with 512-byte pages to keep it small
  mlflow/expected.json          read back with mlflow.MlflowClient: search_experiments,
                                search_runs(run_view_type=ALL), get_metric_history

Each store gets one named experiment "fixture-experiment" with 4 runs made through the real
client API (MlflowClient.create_run / log_param / log_metric / set_terminated /
delete_run):
  - baseline     lr=0.1,  batch_size=16
  - high-lr      lr=0.5,  batch_size=16   (its val_loss at epoch 3 is logged as NaN)
  - big-batch    lr=0.1,  batch_size=64
  - aborted-run  lr=1.0,  batch_size=8, 2 epochs only, then client.delete_run -> lifecycle_stage=deleted
Per epoch (step = 0-based epoch, 5 epochs): train_loss, val_loss, val_accuracy, val/f1.
Per optimizer step (step = 0-based global batch index): batch_loss (many steps).
The values come from a small numpy logistic-regression training loop (seeded).

Timestamps are deterministic: run start_time/end_time and every metric timestamp are passed
explicitly (a fixed base of 2024-01-01T00:00:00Z plus offsets). Not deterministic: run ids
(uuid4 hex), experiment ids of the file store (random 18-19 digit integers), and the
artifact_location/artifact_uri strings, which are absolute file: URIs of where the script ran.

Run from the repository root:
    /work/venv/bin/python scripts/make-fixtures/mlflow_store.py
Tested with: mlflow 3.17.2 (mlflow-skinny 3.17.2), sqlalchemy/alembic as pinned.
"""
import os
import sqlite3
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _fixture_common import fresh, report, series, versions, write_expected  # noqa: E402

os.environ["MLFLOW_DISABLE_TELEMETRY"] = "true"
# MLflow 3.17 raises MlflowException for a file: tracking URI ("maintenance mode") unless this is set
os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
os.environ["MLFLOW_TRACKING_URI"] = ""  # nothing from the environment

import numpy as np  # noqa: E402
import mlflow  # noqa: E402
from mlflow.entities import ViewType  # noqa: E402

BASE_MS = 1704067200000  # 2024-01-01T00:00:00Z
EXPERIMENT = "fixture-experiment"
RUNS = [
    # name, lr, batch_size, epochs, nan_val_loss_epoch, delete
    ("baseline", 0.1, 8, 5, None, False),
    ("high-lr", 0.5, 16, 5, 3, False),
    ("big-batch", 0.1, 32, 5, None, False),
    ("aborted-run", 1.0, 8, 2, None, True),
]


def make_data():
    g = np.random.default_rng(0)
    x = g.normal(size=(160, 4))
    w = np.array([1.5, -2.0, 0.5, 0.0])
    y = (x @ w + 0.5 * g.normal(size=160) > 0).astype(float)
    return x[:96], y[:96], x[96:], y[96:]


def bce(p, y):
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).mean())


def train(lr, batch_size, epochs):
    """Yields ('step', global_step, batch_loss) and ('epoch', epoch, dict) events."""
    xtr, ytr, xva, yva = make_data()
    w = np.zeros(4)
    b = 0.0
    g = np.random.default_rng(1)
    step = 0
    for epoch in range(epochs):
        order = g.permutation(len(xtr))
        losses = []
        for i in range(0, len(xtr), batch_size):
            idx = order[i:i + batch_size]
            p = 1 / (1 + np.exp(-(xtr[idx] @ w + b)))
            loss = bce(p, ytr[idx])
            grad = p - ytr[idx]
            w -= lr * xtr[idx].T @ grad / len(idx)
            b -= lr * grad.mean()
            losses.append(loss)
            yield "step", step, loss
            step += 1
        pv = 1 / (1 + np.exp(-(xva @ w + b)))
        pred = pv > 0.5
        tp = float((pred & (yva == 1)).sum())
        fp = float((pred & (yva == 0)).sum())
        fn = float((~pred & (yva == 1)).sum())
        yield "epoch", epoch, {
            "train_loss": float(np.mean(losses)),
            "val_loss": bce(pv, yva),
            "val_accuracy": float((pred == (yva == 1)).mean()),
            "val/f1": 2 * tp / (2 * tp + fp + fn),
        }


def populate(uri):
    mlflow.set_tracking_uri(uri)
    client = mlflow.MlflowClient()
    exp_id = client.create_experiment(EXPERIMENT, tags={"project": "nnreport-fixtures"})
    for k, (name, lr, bs, epochs, nan_epoch, delete) in enumerate(RUNS):
        start = BASE_MS + k * 3_600_000
        run = client.create_run(exp_id, start_time=start, run_name=name, tags={"model": "logreg"})
        rid = run.info.run_id
        client.log_param(rid, "lr", lr)
        client.log_param(rid, "batch_size", bs)
        client.log_param(rid, "optimizer", "sgd")
        t = start
        for kind, x, v in train(lr, bs, epochs):
            t += 100
            if kind == "step":
                client.log_metric(rid, "batch_loss", v, timestamp=t, step=x)
            else:
                for key, val in v.items():
                    if key == "val_loss" and nan_epoch == x:
                        val = float("nan")
                    client.log_metric(rid, key, val, timestamp=t, step=x)
        if delete:
            client.set_terminated(rid, status="FAILED", end_time=t + 1000)
            client.delete_run(rid)
        else:
            client.set_terminated(rid, status="FINISHED", end_time=t + 1000)
    return exp_id


def read_back(uri, root, rel):
    client = mlflow.MlflowClient(tracking_uri=uri)
    exps = client.search_experiments(view_type=ViewType.ALL)
    exp = client.get_experiment_by_name(EXPERIMENT)
    runs = client.search_runs([exp.experiment_id], run_view_type=ViewType.ALL, order_by=["attributes.start_time ASC"])
    out = []
    for r in runs:
        s = {}
        for key in sorted(r.data.metrics):
            hist = client.get_metric_history(r.info.run_id, key)
            hist = sorted(hist, key=lambda m: (m.step, m.timestamp))
            s[key] = series("step", [(m.step, m.value) for m in hist])
            s[key]["timestamps"] = [m.timestamp for m in hist]
        out.append({
            "name": r.info.run_name,
            "path": rel,
            "run_id": r.info.run_id,
            "experiment_id": r.info.experiment_id,
            "lifecycle_stage": r.info.lifecycle_stage,
            "status": r.info.status,
            "start_time": r.info.start_time,
            "end_time": r.info.end_time,
            "tags": {k: v for k, v in sorted(r.data.tags.items())},
            "hyperparameters": dict(sorted(r.data.params.items())),
            "latest_metrics": dict(sorted(r.data.metrics.items())),
            "series": s,
        })
    experiments = [{"experiment_id": e.experiment_id, "name": e.name, "lifecycle_stage": e.lifecycle_stage,
                    "artifact_location": e.artifact_location} for e in exps]
    return out, experiments


def main():
    vers = versions("mlflow", "mlflow-skinny", "sqlalchemy", "alembic", "numpy")
    root = fresh("mlflow")
    file_root = os.path.join(root, "file", "mlruns")
    os.makedirs(file_root)
    sqlite_dir = os.path.join(root, "sqlite")
    os.makedirs(sqlite_dir)
    db = os.path.join(sqlite_dir, "mlflow.db")
    # keep any default artifact root (./mlruns, ./mlartifacts) out of the repo root
    os.chdir(sqlite_dir)

    file_uri = "file:" + file_root
    sqlite_uri = "sqlite:///" + db
    populate(file_uri)
    populate(sqlite_uri)
    mlflow.set_tracking_uri(None)

    before = os.path.getsize(db)
    con = sqlite3.connect(db)
    page_size_before = con.execute("PRAGMA page_size").fetchone()[0]
    con.execute("VACUUM")
    con.close()
    vacuumed = os.path.getsize(db)
    # An empty MLflow 3.17 schema (65 tables, 152 indexes) is ~1 MB at SQLite's default
    # 4096-byte pages, almost all of it one mostly-empty page per table/index. Rebuild the
    # file with 512-byte pages (same rows, same schema; any SQLite reader opens it).
    con = sqlite3.connect(db)
    con.execute("PRAGMA page_size = 512")
    con.execute("VACUUM")
    con.close()
    after = os.path.getsize(db)
    print(f"mlflow.db: {before} bytes as written (page_size {page_size_before}), {vacuumed} after VACUUM, {after} after VACUUM with page_size 512")

    file_runs, file_exps = read_back(file_uri, root, "file/mlruns")
    sql_runs, sql_exps = read_back(sqlite_uri, root, "sqlite/mlflow.db")
    for r in file_runs:
        r["store"] = "file"
    for r in sql_runs:
        r["store"] = "sqlite"

    con = sqlite3.connect(db)
    tables = [r[0] for r in con.execute("select name from sqlite_master where type='table' order by name")]
    nan_rows = con.execute("select key, value, timestamp, step, is_nan from metrics where is_nan = 1").fetchall()
    alembic = con.execute("select version_num from alembic_version").fetchall()
    con.close()
    for p in sorted(os.listdir(sqlite_dir)):
        print("sqlite dir:", p)

    notes = [
        "runs[] holds the file-store runs (store='file', path 'file/mlruns') then the same runs from the SQLite store (store='sqlite', path 'sqlite/mlflow.db').",
        "params are strings in MLflow (both stores): hyperparameters are given exactly as MLflow returns them, e.g. lr '0.1'.",
        "series x is the MLflow metric 'step'; per-epoch metrics use step = 0-based epoch, batch_loss uses step = 0-based global batch index; 'timestamps' are the metric timestamps in ms since epoch (set explicitly, so deterministic).",
        "NaN is logged for high-lr val_loss at step 3: FileStore writes the text 'nan' in the metric line; the SQLite store writes is_nan=1 and value 0.0 (see sqlite_nan_rows).",
        "latest_metrics are what search_runs returns in run.data.metrics (the value at the largest step, ties broken by timestamp) -- for high-lr val_loss that is the step-4 value, not the NaN.",
        "aborted-run was deleted with MlflowClient.delete_run: lifecycle_stage 'deleted'; search_runs hides it unless run_view_type=ALL.",
        f"mlflow.db size: {before} bytes as written by MLflow (page_size {page_size_before}), {vacuumed} after a plain VACUUM; the shipped file is re-VACUUMed with PRAGMA page_size=512 to {after} bytes (same schema and rows).",
    ]
    doc_runs = file_runs + sql_runs
    path = write_expected(root, "mlflow", vers, doc_runs, notes)
    # extra facts beside the uniform schema
    import json
    with open(path) as f:
        doc = json.load(f)
    doc["experiments"] = {"file": file_exps, "sqlite": sql_exps}
    doc["sqlite_tables"] = tables
    doc["sqlite_alembic_version"] = [a[0] for a in alembic]
    doc["sqlite_nan_rows"] = [list(r) for r in nan_rows]
    doc["sqlite_db_bytes"] = {"as_written": before, "after_vacuum": vacuumed, "shipped_page_size_512": after}
    with open(path, "w") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")
    # the one fixture over 200 KB: the SQLite schema alone is ~170 KB even with 512-byte pages
    report(root, limit=320 * 1024)


if __name__ == "__main__":
    main()
