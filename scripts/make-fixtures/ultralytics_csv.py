#!/usr/bin/env python3
"""Writes Tests/Fixtures/ultralytics/: real Ultralytics YOLO results.csv files.

  ultralytics/train/results.csv, args.yaml
      a genuine 3-epoch training with the installed ultralytics 8.4.190: YOLO("yolov8n.yaml")
      (random init, no pretrained weights), imgsz=64, batch=4, epochs=3, plots=False,
      amp=False, device="cpu", workers=0, val=True, seed=0, deterministic=True, on a synthetic
      detection set (8 train / 4 val 64x64 PNGs with 2 coloured rectangles each, one class
      "box", YOLO txt labels, local data.yaml).
  ultralytics/legacy-8.2.103/train/results.csv, args.yaml
      the same training with ultralytics 8.2.103, whose BaseTrainer.save_metrics pads every
      cell to 23 characters ("%23s," / "%23.5g,") and has no "time" column. 8.2.103 is
      installed with `pip install --no-deps --target /tmp/nnreport-ultralytics-8.2.103
      ultralytics==8.2.103` (done by this script if missing) and put first on PYTHONPATH
      of a subprocess; it runs on the same torch/numpy as the current one.
  ultralytics/expected.json  read back with pandas.read_csv (header cells .strip()ped).

Offline: YOLO_OFFLINE=1, YOLO_CONFIG_DIR in a temp folder, and every logger integration
(mlflow, dvc, tensorboard, clearml, comet, wandb, raytune, neptune, hub sync) switched off in
that private settings file -- with mlflow/dvclive installed, Ultralytics would otherwise
log to ./mlflow.db and ./dvclive on its own. No download was needed (no fonts with
plots=False, no AMP check weights with amp=False).

Everything but results.csv and args.yaml (weights/*.pt etc.) is deleted. The training
runs in /tmp/nnreport-ultralytics-fixture, which is where args.yaml's data/project/
save_dir paths point. The "time" column (8.4) is wall-clock seconds since training start.
mAP/precision/recall are 0 in such a short from-scratch run (genuinely).

Run from the repository root:
    /work/venv/bin/python scripts/make-fixtures/ultralytics_csv.py
Tested with: ultralytics 8.4.190 and 8.2.103, torch 2.15.0, opencv-python 5.1.0.95.
"""
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _fixture_common import fresh, report, series, versions, write_expected  # noqa: E402

WORK = "/tmp/nnreport-ultralytics-fixture"
LEGACY_VERSION = "8.2.103"
LEGACY_DIR = f"/tmp/nnreport-ultralytics-{LEGACY_VERSION}"


def make_dataset(root):
    import cv2
    import numpy as np

    rng = np.random.default_rng(0)
    for split, n in (("train", 8), ("val", 4)):
        os.makedirs(f"{root}/images/{split}", exist_ok=True)
        os.makedirs(f"{root}/labels/{split}", exist_ok=True)
        for i in range(n):
            img = np.full((64, 64, 3), 40, np.uint8) + rng.integers(0, 30, (64, 64, 3), dtype=np.uint8)
            lines = []
            for k in range(2):
                w, h = rng.integers(12, 28, 2)
                x0, y0 = rng.integers(0, 64 - w), rng.integers(0, 64 - h)
                img[y0:y0 + h, x0:x0 + w] = (200, 80 + 60 * k, 50)
                lines.append(f"0 {(x0 + w / 2) / 64:.6f} {(y0 + h / 2) / 64:.6f} {w / 64:.6f} {h / 64:.6f}")
            cv2.imwrite(f"{root}/images/{split}/{i}.png", img)
            with open(f"{root}/labels/{split}/{i}.txt", "w") as f:
                f.write("\n".join(lines) + "\n")
    with open(f"{root}/data.yaml", "w") as f:
        f.write(f"path: {root}\ntrain: images/train\nval: images/val\nnames:\n  0: box\n")


def worker(tag):
    """Runs in a subprocess: one training with whichever ultralytics is importable."""
    os.environ["YOLO_OFFLINE"] = "1"
    os.environ["YOLO_CONFIG_DIR"] = os.path.join(WORK, "config-" + tag)
    from ultralytics import YOLO, __version__, settings

    settings.update({k: False for k in ("mlflow", "dvc", "tensorboard", "wandb", "comet", "clearml",
                                        "neptune", "raytune", "hub", "sync") if k in settings})
    import ultralytics

    print("ultralytics", __version__, "from", os.path.dirname(ultralytics.__file__))
    os.chdir(WORK)
    model = YOLO("yolov8n.yaml")
    model.train(data=os.path.join(WORK, "data", "data.yaml"), epochs=3, imgsz=64, batch=4, plots=False,
                amp=False, device="cpu", workers=0, val=True, seed=0, deterministic=True,
                project=os.path.join(WORK, "runs-" + tag), name="train", exist_ok=True)
    with open(os.path.join(WORK, f"version-{tag}.txt"), "w") as f:
        f.write(__version__)


def run_worker(tag, pythonpath=None):
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath + os.pathsep + env.get("PYTHONPATH", "")
    subprocess.run([sys.executable, os.path.abspath(__file__), "--worker", tag], check=True, env=env)
    with open(os.path.join(WORK, f"version-{tag}.txt")) as f:
        return f.read().strip()


def read_csv(path):
    import pandas as pd

    df = pd.read_csv(path)
    raw_header = open(path).readline().rstrip("\n").split(",")
    df.columns = [c.strip() for c in df.columns]
    s = {}
    for col in df.columns:
        if col == "epoch":
            continue
        s[col] = series("epoch", [(int(e), float(v)) for e, v in zip(df["epoch"], df[col])])
    return s, raw_header, len(df)


def main():
    vers = versions("ultralytics", "torch", "numpy", "opencv-python", "pandas")
    root = fresh("ultralytics")
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    make_dataset(os.path.join(WORK, "data"))

    if not os.path.exists(os.path.join(LEGACY_DIR, "ultralytics", "__init__.py")):
        subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--target", LEGACY_DIR,
                        f"ultralytics=={LEGACY_VERSION}"], check=True)

    current = run_worker("current")
    legacy = run_worker("legacy", LEGACY_DIR)
    assert legacy == LEGACY_VERSION, legacy
    vers["ultralytics_legacy"] = legacy

    runs = []
    for tag, rel in (("current", "train"), ("legacy", f"legacy-{LEGACY_VERSION}/train")):
        src = os.path.join(WORK, "runs-" + tag, "train")
        dst = os.path.join(root, rel)
        os.makedirs(dst)
        for fn in ("results.csv", "args.yaml"):
            shutil.copy(os.path.join(src, fn), os.path.join(dst, fn))
        s, header, nrows = read_csv(os.path.join(dst, "results.csv"))
        import yaml

        with open(os.path.join(dst, "args.yaml")) as f:
            args = yaml.safe_load(f)
        runs.append({
            "name": rel,
            "path": rel + "/results.csv",
            "ultralytics_version": current if tag == "current" else legacy,
            "hyperparameters": {k: args[k] for k in ("model", "epochs", "batch", "imgsz", "optimizer", "lr0", "lrf",
                                                     "momentum", "weight_decay", "warmup_epochs", "seed")},
            "raw_header_cells": header,
            "rows": nrows,
            "series": s,
        })
    notes = [
        "x is the CSV 'epoch' column: 1-based (BaseTrainer.save_metrics writes self.epoch + 1).",
        f"{current}: header 'epoch,time,train/box_loss,...' with no padding, values formatted '%.6g'; 'time' = wall-clock seconds since training start (changes on regeneration).",
        f"{legacy}: every header and value cell is right-aligned to 23 characters ('%23s,' / '%23.5g,'), so column names carry leading spaces (see raw_header_cells) and values have 5 significant digits; there is no 'time' column.",
        "Column names contain '/', '(' and ')' : metrics/mAP50(B), metrics/mAP50-95(B), metrics/precision(B), metrics/recall(B), train/box_loss, val/box_loss, lr/pg0, lr/pg1, lr/pg2 (one lr per optimizer parameter group).",
        "precision/recall/mAP are 0 in these 3-epoch from-scratch runs; losses and lr vary.",
        "hyperparameters come from args.yaml (yaml.safe_load) beside results.csv.",
    ]
    write_expected(root, "ultralytics", vers, runs, notes)
    shutil.rmtree(WORK, ignore_errors=True)
    report(root)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        worker(sys.argv[2])
    else:
        main()
