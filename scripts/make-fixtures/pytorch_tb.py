#!/usr/bin/env python3
"""Writes Tests/Fixtures/pytorch_tb/: a torch.utils.tensorboard.SummaryWriter log.

One SummaryWriter(log_dir="pytorch_tb/run") over a tiny MLP trained 5 epochs x 8 batches
(batch 16, synthetic data, torch.manual_seed(0)):
  add_scalar("Loss/train_step", loss, global_step)    every optimizer step, step = 0-based
                                                       global batch index (0..39)
  add_scalar("Loss/train", mean epoch loss, epoch)    per epoch, step = 0-based epoch
  add_scalar("Loss/val_epoch", val loss, epoch)       per epoch
  add_scalars("Accuracy", {"train": a, "val": b}, epoch)
       -> torch writes each key to its OWN event file in a sub-folder
          run/Accuracy_train/ and run/Accuracy_val/, each with tag "Accuracy"
  add_hparams({"lr": 0.01, "batch_size": 16, "optimizer": "adam"},
              {"hparam/val_acc": final val acc}, run_name="hparams")
       -> writes a new event file in run/hparams/ holding the hparams plugin summaries
          (_hparams_/experiment, _hparams_/session_start_info, _hparams_/session_end_info)
          and the metric as a scalar "hparam/val_acc" at step 0. Without run_name torch uses
          str(time.time()) as the sub-folder name.

  pytorch_tb/expected.json   read back with tensorboard's EventAccumulator (scalars) and the
                             hparams plugin protos; one entry per event-file folder.

Event files are named events.out.tfevents.<unix time>.<hostname>.<pid>.<n> and hold
wall-clock times: both change on regeneration; the values and steps are deterministic.

Run from the repository root:
    /work/venv/bin/python scripts/make-fixtures/pytorch_tb.py
Tested with: torch 2.15.0, tensorboard 2.21.0.
"""
import os
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _fixture_common import fresh, report, seed_everything, tb_run_entries, versions, write_expected  # noqa: E402

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
from torch.utils.tensorboard import SummaryWriter  # noqa: E402


def main():
    vers = versions("torch", "tensorboard", "numpy")
    root = fresh("pytorch_tb")
    seed_everything(0)
    g = torch.Generator().manual_seed(0)
    x = torch.randn(160, 10, generator=g)
    y = ((x[:, 0] - x[:, 1] + 0.3 * torch.randn(160, generator=g)) > 0).long()
    xt, yt, xv, yv = x[:128], y[:128], x[128:], y[128:]
    model = nn.Sequential(nn.Linear(10, 16), nn.ReLU(), nn.Linear(16, 2))
    lr, bs = 0.01, 16
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    lossf = nn.CrossEntropyLoss()

    writer = SummaryWriter(log_dir=os.path.join(root, "run"))
    step = 0
    val_acc = 0.0
    for epoch in range(5):
        model.train()
        perm = torch.randperm(128, generator=g)
        losses, correct = [], 0
        for i in range(0, 128, bs):
            idx = perm[i:i + bs]
            out = model(xt[idx])
            loss = lossf(out, yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            writer.add_scalar("Loss/train_step", loss.item(), step)
            losses.append(loss.item())
            correct += (out.argmax(1) == yt[idx]).sum().item()
            step += 1
        model.eval()
        with torch.no_grad():
            vo = model(xv)
            vloss = lossf(vo, yv).item()
            val_acc = (vo.argmax(1) == yv).float().mean().item()
        writer.add_scalar("Loss/train", sum(losses) / len(losses), epoch)
        writer.add_scalar("Loss/val_epoch", vloss, epoch)
        writer.add_scalars("Accuracy", {"train": correct / 128, "val": val_acc}, epoch)
    writer.add_hparams({"lr": lr, "batch_size": bs, "optimizer": "adam"}, {"hparam/val_acc": val_acc},
                       run_name="hparams")
    writer.close()

    runs = tb_run_entries(root)
    for r in runs:
        if r["name"] == "run/hparams":
            r["hyperparameters"] = r["hparams_plugin"]["_hparams_/session_start_info"]["hparams"]
    notes = [
        "one run entry per folder holding an event file: run/ (Loss/* tags), run/Accuracy_train/ and run/Accuracy_val/ (tag 'Accuracy' in each, from add_scalars), run/hparams/ (from add_hparams).",
        "x is the event step: Loss/train_step uses the 0-based global batch index (0..39, 8 batches/epoch); Loss/train, Loss/val_epoch and Accuracy use the 0-based epoch (0..4).",
        "add_scalars does NOT write an 'Accuracy' tag in run/ itself: run/ only gets the Loss/* tags. The parent run/ event file contains no Accuracy data.",
        "add_hparams: the hparams are in the '_hparams_/session_start_info' summary's plugin data (HParamsPluginData proto, plugin name 'hparams'): lr -> number_value 0.01, batch_size -> number_value 16.0 (the int becomes a double; the experiment summary declares DATA_TYPE_FLOAT64), optimizer -> string_value 'adam'. '_hparams_/experiment' lists hparam and metric names; '_hparams_/session_end_info' has status STATUS_SUCCESS. These three summaries have no scalar value. The metric hparam/val_acc is written as an ordinary scalar at step 0 in run/hparams/ only.",
        "Values are float32 in the event files (torch writes simple_value); expected values are those float32 values widened to float64.",
    ]
    write_expected(root, "torch.utils.tensorboard.SummaryWriter", vers, runs, notes)
    report(root)


if __name__ == "__main__":
    main()
