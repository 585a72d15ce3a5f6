#!/usr/bin/env python3
"""Writes Tests/Fixtures/keras_tb/: Keras 3's TensorBoard callback on the TensorFlow backend.

  model = keras.Sequential([Input((8,)), Dense(16, relu), Dense(2, softmax)])
  model.compile(Adam(0.01), "sparse_categorical_crossentropy", metrics=["accuracy"])
  model.fit(x, y, epochs=3, batch_size=32, validation_data=(xv, yv),   # 128 train -> 4 batches/epoch
            callbacks=[keras.callbacks.TensorBoard(log_dir="keras_tb/logs",
                       update_freq="batch", write_graph=False, profile_batch=0)])
  -> keras_tb/logs/train/events.out.tfevents.*.v2        (train writer)
     keras_tb/logs/validation/events.out.tfevents.*.v2   (validation writer)
  expected.json: read back with tensorboard's EventAccumulator (tensor summaries, decoded
  with tensorboard.util.tensor_util), one entry per folder.

write_graph=False and profile_batch=0 keep the graph and profiler plugin data out. Data
and weights are seeded (keras.utils.set_random_seed(7)); wall times differ per run.

This script must run with real TensorFlow, so it sets FIXTURE_ALLOW_TF=1 before
importing _fixture_common (the other scripts hide TensorFlow from tensorboard).

Run from the repository root:
    /work/venv/bin/python scripts/make-fixtures/keras_tb.py
Tested with: keras 3.15.1, tensorflow 2.21.0, tensorboard 2.21.0.
"""
import os
import sys

os.environ["FIXTURE_ALLOW_TF"] = "1"
os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
os.environ.setdefault("TF_DETERMINISTIC_OPS", "1")
sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _fixture_common import fresh, report, tb_run_entries, versions, write_expected  # noqa: E402

import numpy as np  # noqa: E402
import keras  # noqa: E402


def main():
    vers = versions("keras", "tensorflow", "tensorboard", "numpy")
    vers["keras_backend"] = keras.backend.backend()
    root = fresh("keras_tb")
    keras.utils.set_random_seed(7)
    rng = np.random.default_rng(7)
    x = rng.normal(size=(192, 8)).astype("float32")
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype("int32")
    model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"),
                              keras.layers.Dense(2, activation="softmax")])
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    logdir = os.path.join(root, "logs")
    hist = model.fit(x[:128], y[:128], epochs=3, batch_size=32, validation_data=(x[128:], y[128:]), verbose=0,
                     shuffle=False,
                     callbacks=[keras.callbacks.TensorBoard(log_dir=logdir, update_freq="batch",
                                                            write_graph=False, profile_batch=0)])
    runs = tb_run_entries(root)
    notes = [
        "two runs: logs/train (batch_loss, batch_accuracy, epoch_loss, epoch_accuracy, epoch_learning_rate) and logs/validation (epoch_loss, epoch_accuracy, evaluation_loss_vs_iterations, evaluation_accuracy_vs_iterations). Metric names carry no 'val_' prefix: validation is told apart by the folder.",
        "every value is a tensor summary (no simple_value): plugin 'scalars', dtype DT_FLOAT, rank-0 shape, 4 little-endian bytes in tensor_content. EventAccumulator lists them under 'tensors', not 'scalars'. Values are float32 (epoch_learning_rate 0.01 reads back as 0.009999999776482582).",
        "epoch_* steps are the 0-based epoch (0, 1, 2).",
        "batch_* steps are the optimizer's iteration count after the batch, 1-based and global across epochs (1..12 for 3 epochs x 4 batches). batch_loss / batch_accuracy are Keras's running means since the start of the current epoch, not per-batch values: the last batch of each epoch equals that epoch's epoch_loss / epoch_accuracy, and the mean restarts at each epoch.",
        "evaluation_*_vs_iterations (validation folder) repeat the epoch's validation values at step = global iteration count at the end of that epoch (4, 8, 12).",
        "event file names end in .v2 (TF2 summary writer): events.out.tfevents.<unix time>.<hostname>.<pid>.<n>.v2; the first record is file_version 'brain.Event:2'.",
        "History.history from model.fit (for comparison, not read from the files): "
        + ", ".join(f"{k}={[float(v) for v in vals]}" for k, vals in hist.history.items()),
    ]
    write_expected(root, "keras.callbacks.TensorBoard", vers, runs, notes)
    report(root)


if __name__ == "__main__":
    main()
