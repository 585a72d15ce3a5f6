#!/usr/bin/env python3
"""Regenerates the training-log fixtures in Tests/Fixtures/ with the real tools' writers.

    pip install tensorboardX torch lightning keras   # keras runs on the torch backend here
    python3 scripts/make-fixtures/make_fixtures.py

What writes what:
- keras/: keras.callbacks.CSVLogger (Keras 3) itself. new_names.csv comes from a real
  model.fit on the torch backend (ReduceLROnPlateau adds the learning_rate column);
  old_names.csv, semicolon.csv and appended.csv drive the same CSVLogger with the logs
  dicts Keras 2 produced (acc/val_acc/lr), a NaN loss, and an epoch without validation (NA).
- lightning/: lightning.pytorch.loggers.CSVLogger from a real Trainer.fit of a tiny model,
  with save_hyperparameters() writing hparams.yaml (nested dict, list, tuple).
- tensorboard/: tensorboardX's event writer. simple/ uses add_scalar (simple_value) plus an
  image and a histogram; tensor_content/ and typed_vals/ write Summary protos built with
  tensorboardX's bundled protos holding a rank-0 tensor, in tensor_content (float32 and
  float64 bytes) and in float_val / double_val; keras_run/ imitates Keras's TensorBoard
  callback layout (train/ and validation/, epoch_* tags at step = 0-based epoch, tensor
  encoding with the "scalars" plugin); truncated/, bad_data_crc/ and bad_length_crc/ are
  copies of simple/ cut or with one byte flipped.
- dvclive/: DVCLive's Metric.dump format (tab separated, LF, header step and the full metric
  name, one file per metric under dvclive/plots/metrics/), params.yaml and metrics.json,
  written with the csv module exactly as dvclive/plots/metric.py does (dvclive itself pulls
  in all of dvc).
- fuzz/: hand-made hostile inputs (make_hostile), named error-* or ok-* by expected outcome.
- jsonl/metrics.jsonl is written by hand in the format of Docs/Architecture.md, ending in a partial line
  (JSONLWriter's own output is round-tripped by the tests); it seeds the JSONL fuzzer.

Randomness is seeded; wall-clock values (Keras has none in the CSV, TensorBoard's
wall_time) are fixed where the writer lets us.
"""
import csv
import json
import os
import shutil
import struct
import sys

os.environ.setdefault("KERAS_BACKEND", "torch")

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "Tests", "Fixtures")


def fresh(path):
    path = os.path.join(OUT, path)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


# ---------------------------------------------------------------- Keras CSVLogger


class _FakeModel:
    """What CSVLogger.on_epoch_end reads from the model."""

    def __init__(self, names):
        self.metrics_names = names


def keras_logger_rows(path, rows, separator=",", append=False, names=()):
    import keras

    logger = keras.callbacks.CSVLogger(path, separator=separator, append=append)
    logger.set_model(_FakeModel(list(names)))
    logger.on_train_begin()
    for epoch, logs in rows:
        logger.on_epoch_end(epoch, logs)
    logger.on_train_end()


def make_keras():
    import numpy as np
    import keras

    out = fresh("keras")
    keras.utils.set_random_seed(7)
    rng = np.random.default_rng(7)
    x = rng.normal(size=(256, 8)).astype("float32")
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype("int32")
    model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(2, activation="softmax")])
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(
        x, y, epochs=6, batch_size=32, validation_split=0.25, verbose=0,
        callbacks=[
            keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=1, min_lr=1e-4),
            keras.callbacks.CSVLogger(os.path.join(out, "new_names.csv")),
        ],
    )

    # Keras 2 names, a NaN loss (a diverging epoch), an epoch without validation (NA).
    old = [
        (0, {"acc": 0.8125, "loss": 0.5123, "lr": 0.001, "val_acc": 0.85, "val_loss": 0.4511}),
        (1, {"acc": 0.875, "loss": 0.3802, "lr": 0.001, "val_acc": 0.8875, "val_loss": 0.3320}),
        (2, {"acc": 0.9, "loss": float("nan"), "lr": 0.0005}),
        (3, {"acc": 0.9125, "loss": 0.2711, "lr": 0.0005, "val_acc": 0.9, "val_loss": float("inf")}),
    ]
    keras_logger_rows(os.path.join(out, "old_names.csv"), old, names=["loss", "acc", "val_loss", "val_acc"])

    semicolon = [(e, {"loss": 1.0 / (e + 1), "accuracy": 0.5 + 0.1 * e}) for e in range(3)]
    keras_logger_rows(os.path.join(out, "semicolon.csv"), semicolon, separator=";")

    # A run resumed with initial_epoch=2 and append=True: epoch 2 appears twice.
    appended = os.path.join(out, "appended.csv")
    first = [(e, {"loss": 0.9 - 0.2 * e, "accuracy": 0.6 + 0.1 * e}) for e in range(3)]
    second = [(e, {"loss": 0.45 - 0.1 * (e - 2), "accuracy": 0.82 + 0.05 * (e - 2)}) for e in range(2, 5)]
    keras_logger_rows(appended, first)
    keras_logger_rows(appended, second, append=True)


# ---------------------------------------------------------------- Lightning CSVLogger


def make_lightning():
    import torch
    import lightning.pytorch as pl
    from lightning.pytorch.loggers import CSVLogger
    from lightning.pytorch.callbacks import LearningRateMonitor

    out = fresh("lightning")
    pl.seed_everything(3, workers=True)

    class TinyClassifier(pl.LightningModule):
        def __init__(self, hidden=(16, 8), lr=0.01, optimizer=None, run_name="tiny: 'quoted' run"):
            super().__init__()
            self.save_hyperparameters()
            self.net = torch.nn.Sequential(
                torch.nn.Linear(8, hidden[0]), torch.nn.ReLU(), torch.nn.Linear(hidden[0], hidden[1]),
                torch.nn.ReLU(), torch.nn.Linear(hidden[1], 2))

        def training_step(self, batch, _):
            x, y = batch
            logits = self.net(x)
            loss = torch.nn.functional.cross_entropy(logits, y)
            self.log("train_loss", loss, on_step=True, on_epoch=True)
            self.log("train_acc", (logits.argmax(1) == y).float().mean(), on_step=False, on_epoch=True)
            return loss

        def validation_step(self, batch, _):
            x, y = batch
            logits = self.net(x)
            self.log("val_loss", torch.nn.functional.cross_entropy(logits, y))
            self.log("val_acc", (logits.argmax(1) == y).float().mean())

        def configure_optimizers(self):
            opt = torch.optim.Adam(self.parameters(), lr=self.hparams.lr)
            return {"optimizer": opt, "lr_scheduler": torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)}

    g = torch.Generator().manual_seed(3)
    x = torch.randn(80, 8, generator=g)
    y = (x[:, 0] - x[:, 2] > 0).long()
    train = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x[:64], y[:64]), batch_size=8)
    val = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x[64:], y[64:]), batch_size=8)
    model = TinyClassifier(hidden=(16, 8), lr=0.01, optimizer={"name": "adam", "betas": [0.9, 0.999], "schedule": {"step": 2, "gamma": 0.5}})
    trainer = pl.Trainer(
        max_epochs=4, logger=CSVLogger(out, name="lightning_logs", version=0), log_every_n_steps=3,
        callbacks=[LearningRateMonitor(logging_interval="epoch")], enable_checkpointing=False,
        enable_progress_bar=False, enable_model_summary=False, accelerator="cpu", deterministic=True)
    trainer.fit(model, train, val)


# ---------------------------------------------------------------- TensorBoard

WALL = 1_700_000_000.0


def rename_event_files(folder, stem="events.out.tfevents.1700000000.fixture"):
    """tensorboardX names files after the time and host; give them stable names."""
    names = sorted(n for n in os.listdir(folder) if n.startswith("events.out.tfevents"))
    for i, name in enumerate(names):
        os.rename(os.path.join(folder, name), os.path.join(folder, stem + (f".{i}" if i else "")))
    return [os.path.join(folder, stem + (f".{i}" if i else "")) for i in range(len(names))]


def scalar_tensor_summary(tag, value, encoding):
    from tensorboardX.proto.summary_pb2 import Summary, SummaryMetadata
    from tensorboardX.proto.tensor_pb2 import TensorProto
    from tensorboardX.proto.tensor_shape_pb2 import TensorShapeProto
    from tensorboardX.proto import types_pb2

    if encoding == "content_float":
        tensor = TensorProto(dtype=types_pb2.DT_FLOAT, tensor_shape=TensorShapeProto(), tensor_content=struct.pack("<f", value))
    elif encoding == "content_double":
        tensor = TensorProto(dtype=types_pb2.DT_DOUBLE, tensor_shape=TensorShapeProto(), tensor_content=struct.pack("<d", value))
    elif encoding == "float_val":
        tensor = TensorProto(dtype=types_pb2.DT_FLOAT, tensor_shape=TensorShapeProto(), float_val=[value])
    elif encoding == "double_val":
        tensor = TensorProto(dtype=types_pb2.DT_DOUBLE, tensor_shape=TensorShapeProto(), double_val=[value])
    else:
        raise ValueError(encoding)
    metadata = SummaryMetadata(plugin_data=SummaryMetadata.PluginData(plugin_name="scalars"))
    return Summary(value=[Summary.Value(tag=tag, tensor=tensor, metadata=metadata)])


def make_tensorboard():
    import numpy as np
    from tensorboardX import SummaryWriter

    base = fresh("tensorboard")

    # simple_value, as tensorboardX and torch.utils.tensorboard's add_scalar write it.
    simple = os.path.join(base, "simple")
    w = SummaryWriter(simple)
    for step in range(1, 11):
        w.add_scalar("Loss/train", 1.0 / step, step, walltime=WALL + step)
        if step % 2 == 0:
            w.add_scalar("Loss/val", 1.2 / step, step, walltime=WALL + step)
            w.add_scalar("Accuracy/val", 0.5 + 0.04 * step, step, walltime=WALL + step)
    w.add_scalar("Loss/train", float("nan"), 11, walltime=WALL + 11)
    w.add_image("sample", np.zeros((3, 4, 4), dtype=np.uint8), 1, walltime=WALL + 1)
    w.add_histogram("weights", np.arange(10.0), 1, walltime=WALL + 1)
    w.close()
    (simple_file,) = rename_event_files(simple)

    # Rank-0 tensors: raw bytes in tensor_content, and the typed repeated fields.
    for folder, encodings in [("tensor_content", ("content_float", "content_double")), ("typed_vals", ("float_val", "double_val"))]:
        path = os.path.join(base, folder)
        w = SummaryWriter(path)
        fw = w._get_file_writer()
        for step in range(0, 5):
            fw.add_summary(scalar_tensor_summary("loss", 2.0 - 0.25 * step, encodings[0]), step, walltime=WALL + step)
            fw.add_summary(scalar_tensor_summary("val_loss", 2.5 - 0.25 * step, encodings[1]), step, walltime=WALL + step)
        w.close()
        rename_event_files(path)

    # Keras's TensorBoard callback layout: train/ and validation/, epoch_* at step = epoch (0-based).
    run = os.path.join(base, "keras_run")
    for split, offset in (("train", 0.0), ("validation", 0.1)):
        path = os.path.join(run, split)
        w = SummaryWriter(path)
        fw = w._get_file_writer()
        for epoch in range(4):
            fw.add_summary(scalar_tensor_summary("epoch_loss", 0.8 - 0.15 * epoch + offset, "content_float"), epoch, walltime=WALL + epoch)
            fw.add_summary(scalar_tensor_summary("epoch_accuracy", 0.7 + 0.05 * epoch - offset, "content_float"), epoch, walltime=WALL + epoch)
            if split == "train":
                fw.add_summary(scalar_tensor_summary("epoch_learning_rate", 0.001, "content_float"), epoch, walltime=WALL + epoch)
        if split == "validation":
            for it in (10, 20, 30, 40):
                fw.add_summary(scalar_tensor_summary("evaluation_loss_vs_iterations", 0.9 - it / 100, "content_float"), it, walltime=WALL + it)
        w.close()
        rename_event_files(path)

    data = open(simple_file, "rb").read()
    records = record_offsets(data)

    # A live file: the last record cut in the middle of its data.
    os.makedirs(os.path.join(base, "truncated"))
    last = records[-1]
    with open(os.path.join(base, "truncated", os.path.basename(simple_file)), "wb") as f:
        f.write(data[: last + 12 + 5])

    # One flipped byte in the data of record 3: that record fails its data CRC.
    os.makedirs(os.path.join(base, "bad_data_crc"))
    corrupt = bytearray(data)
    corrupt[records[3] + 12 + 2] ^= 0xFF
    with open(os.path.join(base, "bad_data_crc", os.path.basename(simple_file)), "wb") as f:
        f.write(corrupt)

    # One flipped byte in the length of record 5: the framing is lost there.
    os.makedirs(os.path.join(base, "bad_length_crc"))
    corrupt = bytearray(data)
    corrupt[records[5] + 1] ^= 0x01
    with open(os.path.join(base, "bad_length_crc", os.path.basename(simple_file)), "wb") as f:
        f.write(corrupt)


def record_offsets(data):
    offsets, pos = [], 0
    while pos + 12 <= len(data):
        (length,) = struct.unpack("<Q", data[pos : pos + 8])
        offsets.append(pos)
        pos += 12 + length + 4
    return offsets


# ---------------------------------------------------------------- DVCLive


def dvclive_dump(root, name, step, value):
    """dvclive/plots/metric.py Metric.dump, without the optional timestamp."""
    path = os.path.join(root, "plots", "metrics", name + ".tsv")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    row = {"step": step, name: value}
    existed = os.path.exists(path)
    with open(path, "a", encoding="utf-8", newline="") as fobj:
        writer = csv.DictWriter(fobj, row.keys(), delimiter="\t", lineterminator="\n")
        if not existed:
            writer.writeheader()
        writer.writerow(row)


def make_dvclive():
    import yaml

    root = os.path.join(fresh("dvclive"), "my-project", "dvclive")
    for step in range(5):
        dvclive_dump(root, "train/loss", step, round(1.0 - 0.15 * step, 4))
        dvclive_dump(root, "train/accuracy", step, round(0.6 + 0.07 * step, 4))
        dvclive_dump(root, "eval/loss", step, round(1.1 - 0.14 * step, 4))
        dvclive_dump(root, "eval/accuracy", step, round(0.55 + 0.07 * step, 4))
    with open(os.path.join(root, "params.yaml"), "w") as f:
        yaml.dump({"epochs": 5, "lr": 0.003, "model": {"hidden": [64, 32], "dropout": 0.1}}, f)
    with open(os.path.join(root, "metrics.json"), "w") as f:
        json.dump({"train": {"loss": 0.4, "accuracy": 0.88}, "eval": {"loss": 0.54, "accuracy": 0.83}, "step": 4}, f, indent=4)


# ---------------------------------------------------------------- hostile inputs


def crc32c(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
    return crc ^ 0xFFFFFFFF


def masked_crc(data):
    crc = crc32c(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def make_hostile():
    """Hand-made hostile inputs, replayed by FuzzRegressionTests next to the fuzzers' crashers.

    File names say the expected outcome: error-* must be a thrown MetricLogError, ok-* a log.
    Fuzz crashers found later are added here renamed the same way.
    """
    for target in ("jsonl", "keras", "lightning", "tensorboard"):
        os.makedirs(os.path.join(OUT, "fuzz", target), exist_ok=True)

    def write(path, data):
        with open(os.path.join(OUT, "fuzz", path), "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())

    length = struct.pack("<Q", 1 << 60)
    write("tensorboard/error-lying-length-2e60.bin", length + struct.pack("<I", masked_crc(length)) + b"abcde")
    write("tensorboard/error-length-crc-mismatch.bin", bytes(range(40)))
    write("jsonl/error-deep-nesting.jsonl", '{"event":"run","config":' + "[" * 5000 + "]" * 5000 + "}\n")
    write("jsonl/error-invalid-utf8.jsonl", b'{"event":"run"}\n{"event":"x\xc3\x28"}\n')
    write("jsonl/error-number-out-of-range.jsonl", '{"event":"step","epoch":1,"step":1,"loss":-1e400}\n')
    write("jsonl/ok-partial-last-line.jsonl", '{"event":"step","epoch":1,"step":1,"loss":0.5}\n{"event":"st')
    write("keras/error-mismatched-columns.csv", "epoch,loss,val_loss\r\n0,0.5,0.6\r\n1,0.4\r\n2,0.3,0.2\r\n")
    write("keras/ok-epoch-int-max.csv", "epoch,loss\n9223372036854775807,0.5\n")
    write("keras/ok-unterminated-quote.csv", 'epoch,loss\r\n0,0.5\r\n1,"0.4\r\n')
    write("lightning/error-huge-step.csv", "epoch,step,loss\n0,1e300,0.5\n")
    write("lightning/ok-bom-sparse.csv", "\ufeffepoch,step,train_loss_step,val_loss\n0,1,0.5,\n0,1,,0.4\n")


def main():
    targets = sys.argv[1:] or ["keras", "lightning", "tensorboard", "dvclive", "hostile"]
    for target in targets:
        globals()["make_" + target]()
        print("wrote", target, "fixtures under", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
