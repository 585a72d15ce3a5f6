#!/usr/bin/env python3
"""Writes Tests/Fixtures/hostile/: metric logs from real writers with hostile metric NAMES.

Names used (each a metric/tag): "a|b", "<script>alert(1)</script>", "**bold**",
"[link](http://x)", a 300-character name ("long_" + 295 "x"), "comma,name",
'quote"name', "ünï/λ", plus "huge" = 1e308 and "tiny" = 5e-324 (smallest subnormal double).

  hostile/keras_csv/log.csv
      keras.callbacks.CSVLogger (Keras 3, torch backend; it writes through
      csv.DictWriter with the keys sorted) driven with on_epoch_end(epoch, logs) for 3
      epochs, the way model.fit calls it.
  hostile/torch_tb/
      torch.utils.tensorboard.SummaryWriter.add_scalar with every name as the tag, steps
      0..2 (float32 simple_value: 1e308 becomes +inf, 5e-324 becomes 0.0), plus
      add_scalar("huge_f64"/"tiny_f64", ..., new_style=True, double_precision=True), which
      stores a DT_DOUBLE tensor and keeps both values exactly. torch does not rewrite tags.
  hostile/tensorboardx/
      tensorboardX.SummaryWriter.add_scalar with the same names: tensorboardX's
      summary._clean_tag replaces every character outside [-/\\w.] by "_" and strips leading
      "/" before writing, so the file holds the CLEANED tags (listed in expected.json).
  hostile/expected.json   CSV read back with the csv module, events with EventAccumulator.

Event wall times are fixed (walltime=1704067200 + step); file names still carry the
write time and hostname.

Run from the repository root:
    /work/venv/bin/python scripts/make-fixtures/hostile.py
Tested with: keras 3.15.1 (torch backend), torch 2.15.0, tensorboardX 2.6.5, tensorboard 2.21.0.
"""
import csv
import os
import sys

os.environ["KERAS_BACKEND"] = "torch"  # the numpy backend needs jax; torch is installed anyway
sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _fixture_common import fresh, report, series, tb_run_entries, versions, write_expected  # noqa: E402

LONG = "long_" + "x" * 295
NAMES = ["a|b", "<script>alert(1)</script>", "**bold**", "[link](http://x)", LONG, "comma,name", 'quote"name', "ünï/λ"]
BASE = 1704067200.0


def values(step):
    out = {name: round(0.1 * (i + 1) + 0.01 * step, 6) for i, name in enumerate(NAMES)}
    out["huge"] = 1e308
    out["tiny"] = 5e-324
    return out


class _FakeModel:
    """What CSVLogger.on_epoch_end reads from the model when logs lack val_ keys."""

    stop_training = False


def keras_csv(folder):
    import keras

    os.makedirs(folder)
    logger = keras.callbacks.CSVLogger(os.path.join(folder, "log.csv"))
    logger.set_model(_FakeModel())
    logger.on_train_begin()
    for epoch in range(3):
        logs = {"loss": 1.0 / (epoch + 1), **values(epoch)}
        logger.on_epoch_end(epoch, logs)
    logger.on_train_end()


def torch_tb(folder):
    from torch.utils.tensorboard import SummaryWriter

    w = SummaryWriter(log_dir=folder)
    for step in range(3):
        for name, v in values(step).items():
            w.add_scalar(name, v, step, walltime=BASE + step)
        w.add_scalar("huge_f64", 1e308, step, walltime=BASE + step, new_style=True, double_precision=True)
        w.add_scalar("tiny_f64", 5e-324, step, walltime=BASE + step, new_style=True, double_precision=True)
    w.close()


def tbx(folder):
    from tensorboardX import SummaryWriter

    w = SummaryWriter(logdir=folder)
    for step in range(3):
        for name, v in values(step).items():
            w.add_scalar(name, v, step, walltime=BASE + step)
    w.close()


def main():
    vers = versions("keras", "torch", "tensorboardX", "tensorboard")
    root = fresh("hostile")
    keras_csv(os.path.join(root, "keras_csv"))
    torch_tb(os.path.join(root, "torch_tb"))
    tbx(os.path.join(root, "tensorboardx"))

    runs = []
    with open(os.path.join(root, "keras_csv", "log.csv"), newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    runs.append({
        "name": "keras_csv",
        "path": "keras_csv/log.csv",
        "hyperparameters": {},
        "csv_header": header,
        "csv_raw_cells": body,
        # Keras writes NA for keys missing from an epoch's logs; such cells are left out
        "series": {h: series("epoch", [(int(r[0]), float(r[i])) for r in body if r[i] != "NA"])
                   for i, h in enumerate(header) if h != "epoch"},
    })
    for r in tb_run_entries(root):
        r["name"] = r["path"]
        runs.append(r)
    from tensorboardX.summary import _clean_tag

    notes = [
        "keras_csv: Keras 3's CSVLogger, seeing no 'val_' key in the first logs, appends a 'val_<key>' column for EVERY key (val_loss, val_a|b, val_<script>..., val_huge, ...) and fills them with NA in every row: those series are empty here.",
        "keras_csv: header is 'epoch' then the log keys in sorted() order; csv.DictWriter quotes 'comma,name' and 'quote\"name' (\"\"-escaped); '<', '|', '*', '[' are written bare; floats are str(float): 1e+308 and 5e-324. x = the 0-based 'epoch' column.",
        "torch_tb: tags exactly as given (no rewriting). simple_value is float32: 'huge' reads back as inf (written as 'inf' here) and 'tiny' as 0.0; 'huge_f64'/'tiny_f64' are DT_DOUBLE rank-0 tensors (plugin 'scalars', listed under 'tensors') holding 1e308 and 5e-324 exactly.",
        "tensorboardx: tensorboardX rewrote the tags before writing: " + "; ".join(f"{n[:40]!r}{'...' if len(n) > 40 else ''} -> {_clean_tag(n)[:40]!r}{'...' if len(_clean_tag(n)) > 40 else ''}" for n in NAMES),
        "the 300-character name is 'long_' followed by 295 'x'.",
        "TensorBoard event steps are 0, 1, 2; wall_time = 1704067200 + step.",
    ]
    write_expected(root, "hostile names (keras CSVLogger, torch SummaryWriter, tensorboardX)", vers, runs, notes)
    report(root)


if __name__ == "__main__":
    main()
