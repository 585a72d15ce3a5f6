#!/usr/bin/env python3
"""Writes Tests/Fixtures/lightning_default/ and Tests/Fixtures/lightning_split/:
PyTorch Lightning's TensorBoardLogger and CSVLogger used together.

Model: a LightningModule (2-layer MLP, binary classification on synthetic data) with
self.save_hyperparameters() (lr, hidden, batch_size, optimizer); training_step logs
self.log("train_loss", loss, on_step=True, on_epoch=True) -> train_loss_step and
train_loss_epoch; validation_step logs val_loss and val_acc (epoch-level, Lightning's
default for validation). 160 train samples / batch 8 = 20 batches per epoch, 4 epochs
(80 optimizer steps), 64 validation samples. seed_everything(0), deterministic=True,
enable_checkpointing=False (so no checkpoints/ with weights), no progress bar.

lightning_default/lightning_logs/version_0/   lr=0.01
lightning_default/lightning_logs/version_1/   lr=0.05
    Trainer(logger=[TensorBoardLogger(root, name="lightning_logs", version=v),
                    CSVLogger(root, name="lightning_logs", version=v)],
            log_every_n_steps=1, max_epochs=4)
    With the SAME explicit version for both loggers, metrics.csv, hparams.yaml and the
    TensorBoard event file land side by side in one version_<v>/ folder.

lightning_split/lightning_logs/...
    The common gotcha: the same two loggers with version=None (the default), one
    Trainer.fit, log_every_n_steps=5, lr=0.02. Each logger picks "the next free
    version_N" on its own when its folder is first needed; FIXTURES.md and expected.json
    say which folder got what in this run.

expected.json in each folder: metrics.csv read with pandas.read_csv, event files with
tensorboard's EventAccumulator, hparams.yaml with yaml.safe_load.

Run from the repository root:
    /work/venv/bin/python scripts/make-fixtures/lightning_loggers.py
Tested with: lightning 2.6.6, torch 2.15.0, tensorboard 2.21.0, pandas 3.1.1.
"""
import os
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _fixture_common import fresh, report, series, tb_run_entries, versions, write_expected  # noqa: E402

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import lightning.pytorch as pl  # noqa: E402
from lightning.pytorch.loggers import CSVLogger, TensorBoardLogger  # noqa: E402


class Classifier(pl.LightningModule):
    def __init__(self, lr=0.01, hidden=16, batch_size=8, optimizer="adam"):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(nn.Linear(6, hidden), nn.ReLU(), nn.Linear(hidden, 2))

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = nn.functional.cross_entropy(self.net(x), y)
        self.log("train_loss", loss, on_step=True, on_epoch=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        out = self.net(x)
        self.log("val_loss", nn.functional.cross_entropy(out, y))
        self.log("val_acc", (out.argmax(1) == y).float().mean())

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)


def loaders(batch_size):
    g = torch.Generator().manual_seed(0)
    x = torch.randn(224, 6, generator=g)
    y = ((x[:, 0] * x[:, 1] + x[:, 2]) > 0).long()
    train = torch.utils.data.TensorDataset(x[:160], y[:160])
    val = torch.utils.data.TensorDataset(x[160:], y[160:])
    return (torch.utils.data.DataLoader(train, batch_size=batch_size, shuffle=True,
                                        generator=torch.Generator().manual_seed(1)),
            torch.utils.data.DataLoader(val, batch_size=32))


def fit(root, lr, version, log_every_n_steps):
    pl.seed_everything(0, workers=True)
    model = Classifier(lr=lr)
    tb = TensorBoardLogger(root, name="lightning_logs", version=version)
    csv = CSVLogger(root, name="lightning_logs", version=version)
    trainer = pl.Trainer(max_epochs=4, logger=[tb, csv], log_every_n_steps=log_every_n_steps,
                         enable_checkpointing=False, enable_progress_bar=False, enable_model_summary=False,
                         deterministic=True, accelerator="cpu", devices=1)
    tl, vl = loaders(8)
    trainer.fit(model, tl, vl)
    return {"tensorboard_logger": {"version": tb.version, "log_dir": os.path.relpath(tb.log_dir, root)},
            "csv_logger": {"version": csv.version, "log_dir": os.path.relpath(csv.log_dir, root)},
            "trainer.log_dir": os.path.relpath(trainer.log_dir, root),
            "global_step": trainer.global_step}


def read_folder(root):
    """expected runs: one per version folder, merging metrics.csv and the event file."""
    import pandas as pd
    import yaml

    tb_runs = {r["path"]: r for r in tb_run_entries(root)}
    base = os.path.join(root, "lightning_logs")
    runs = []
    for v in sorted(os.listdir(base)):
        d = os.path.join(base, v)
        rel = os.path.relpath(d, root)
        entry = {"name": v, "path": rel, "files": sorted(os.listdir(d)), "hyperparameters": {}, "series": {}}
        if os.path.exists(os.path.join(d, "hparams.yaml")):
            with open(os.path.join(d, "hparams.yaml")) as f:
                entry["hyperparameters"] = yaml.safe_load(f) or {}
        if os.path.exists(os.path.join(d, "metrics.csv")):
            df = pd.read_csv(os.path.join(d, "metrics.csv"))
            entry["csv_columns"] = list(df.columns)
            entry["csv_rows"] = len(df)
            for col in df.columns:
                if col in ("step",):
                    continue
                rows = df[df[col].notna()]
                entry["series"]["csv:" + col] = series("step", [(int(s), float(val)) for s, val in zip(rows["step"], rows[col])])
            # epoch column of the rows that hold each metric, to show the 0-based epoch
            for col in df.columns:
                if col in ("step", "epoch"):
                    continue
                rows = df[df[col].notna()]
                entry["series"]["csv:" + col]["epoch_column"] = [int(e) for e in rows["epoch"]]
        if rel in tb_runs:
            t = tb_runs[rel]
            entry["event_files"] = t["event_files"]
            entry["tb_tags_by_kind"] = t["tags_by_kind"]
            entry["hparams_plugin"] = t["hparams_plugin"]
            for tag, s in t["series"].items():
                entry["series"]["tb:" + tag] = s
        runs.append(entry)
    return runs


COMMON_NOTES = [
    "series 'csv:<column>' come from metrics.csv (pandas.read_csv; only the rows where that column is not empty; x = the row's 'step' cell; 'epoch_column' = the row's 'epoch' cell). Series 'tb:<tag>' come from the TensorBoard event file in the same folder (x = event step).",
    "step numbering (both loggers): on_step rows use step = trainer.global_step BEFORE the optimizer step of that batch, i.e. 0-based: the first batch is step 0, the last batch of epoch 0 is step steps_per_epoch-1 = 19, of epoch 3 is 79. With log_every_n_steps=N only batches with (batch index + 1) % N == 0 are logged: steps N-1, 2N-1, ... (4, 9, 14, 19 for N=5). trainer.global_step after fit is 80.",
    "epoch-level rows (val_loss, val_acc and train_loss_epoch) use step = the last training step of that epoch (19, 39, 59, 79): they share the step of the epoch's last train_loss_step row. In metrics.csv each epoch ends with three rows at that step in this order: the last train_loss_step row, a row with val_acc+val_loss, a row with train_loss_epoch (validation runs before on_train_epoch_end).",
    "metrics.csv: header 'epoch,step,' then the metric names sorted; one row per log_metrics call, cells of metrics not in that call are empty (sparse rows). 'epoch' is 0-based.",
    "TensorBoard: scalars (simple_value, float32) train_loss_step, train_loss_epoch, val_loss, val_acc, plus 'epoch' (Lightning adds the current 0-based epoch as a float to every log_metrics call, so it has one point per CSV row, repeated steps included) and 'hp_metric' = -1.0 at step 0 (TensorBoardLogger's default_hp_metric=True).",
    "hyperparameters: hparams.yaml (save_hyperparameters) holds lr, hidden, batch_size, optimizer; TensorBoard also carries them in the hparams plugin (_hparams_/session_start_info) with ints widened to doubles (hidden 16.0, batch_size 8.0) and metric hp_metric.",
]


def main():
    vers = versions("lightning", "torch", "tensorboard", "pandas", "PyYAML")
    # (a) side by side
    root = fresh("lightning_default")
    info = []
    for version, lr in ((0, 0.01), (1, 0.05)):
        info.append(fit(root, lr, version, 1))
    runs = read_folder(root)
    for r, i in zip(runs, info):
        r["loggers"] = i
    notes = COMMON_NOTES + [
        "each version folder holds events.out.tfevents.*, hparams.yaml and metrics.csv side by side because both loggers were given the same explicit version (0, then 1); run version_0 has lr=0.01, version_1 lr=0.05. log_every_n_steps=1, so every training step has a row.",
    ]
    write_expected(root, "lightning TensorBoardLogger + CSVLogger", vers, runs, notes)
    report(root)
    # (b) split versions
    root = fresh("lightning_split")
    i = fit(root, 0.02, None, 5)
    runs = read_folder(root)
    for r in runs:
        r["loggers"] = i
    tbv, csvv = i["tensorboard_logger"]["log_dir"], i["csv_logger"]["log_dir"]
    notes = COMMON_NOTES + [
        f"ONE training run (lr=0.02, log_every_n_steps=5) split across two folders: TensorBoardLogger (first in the logger list) wrote {tbv}/ (event file + hparams.yaml); CSVLogger wrote {csvv}/ (metrics.csv + hparams.yaml). Both were created with version=None: the TensorBoard logger created version_0 first (at log_hyperparams), so the CSV logger's _get_next_version() saw version_0 taken and chose version_1. trainer.log_dir is {i['trainer.log_dir']} (the first logger's).",
        "A reader grouping by folder sees two 'runs' with the same hparams.yaml: one with only an event file, one with only metrics.csv.",
    ]
    write_expected(root, "lightning TensorBoardLogger + CSVLogger (version=None)", vers, runs, notes)
    report(root)


if __name__ == "__main__":
    main()
