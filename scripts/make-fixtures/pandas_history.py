#!/usr/bin/env python3
"""Writes Tests/Fixtures/pandas/: training histories saved with pandas.DataFrame.to_csv.

A tiny torch MLP is trained for 6 epochs (synthetic data, torch.manual_seed(0)); the
per-epoch history dict {loss, val_loss, accuracy, val_accuracy} becomes a DataFrame and is
saved three ways:
  pandas/history.csv                df.to_csv("history.csv")              pandas' default:
                                    the unnamed RangeIndex is written as the first column,
                                    so the header starts with an empty cell: ",loss,..."
  pandas/history_noindex.csv        df.to_csv(..., index=False)           no index column
  pandas/history_epoch_index.csv    df.index = range(1, 7); df.index.name = "epoch";
                                    df.to_csv(...)                         index column named
                                    "epoch", 1-based
  pandas/expected.json              read back with pandas.read_csv (index_col=0 for the two
                                    files that have an index column).

All floats are written by pandas' default float formatting (repr, full precision).

Run from the repository root:
    /work/venv/bin/python scripts/make-fixtures/pandas_history.py
Tested with: pandas 3.1.1, torch 2.15.0.
"""
import os
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _fixture_common import fresh, report, seed_everything, series, versions, write_expected  # noqa: E402

import pandas as pd  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402


def train():
    seed_everything(0)
    g = torch.Generator().manual_seed(0)
    x = torch.randn(200, 5, generator=g)
    y = ((x[:, 0] + x[:, 1] * x[:, 2]) > 0).long()
    xt, yt, xv, yv = x[:160], y[:160], x[160:], y[160:]
    model = nn.Sequential(nn.Linear(5, 12), nn.Tanh(), nn.Linear(12, 2))
    opt = torch.optim.SGD(model.parameters(), lr=0.2)
    lossf = nn.CrossEntropyLoss()
    hist = {"loss": [], "val_loss": [], "accuracy": [], "val_accuracy": []}
    for epoch in range(6):
        model.train()
        perm = torch.randperm(160, generator=g)
        tot, correct = 0.0, 0
        for i in range(0, 160, 20):
            idx = perm[i:i + 20]
            out = model(xt[idx])
            loss = lossf(out, yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            tot += loss.item() * len(idx)
            correct += (out.argmax(1) == yt[idx]).sum().item()
        model.eval()
        with torch.no_grad():
            vo = model(xv)
        hist["loss"].append(tot / 160)
        hist["accuracy"].append(correct / 160)
        hist["val_loss"].append(lossf(vo, yv).item())
        hist["val_accuracy"].append((vo.argmax(1) == yv).float().mean().item())
    return hist


def main():
    vers = versions("pandas", "torch", "numpy")
    root = fresh("pandas")
    hist = train()
    df = pd.DataFrame(hist, columns=["loss", "val_loss", "accuracy", "val_accuracy"])
    df.to_csv(os.path.join(root, "history.csv"))
    df.to_csv(os.path.join(root, "history_noindex.csv"), index=False)
    df2 = df.copy()
    df2.index = range(1, 7)
    df2.index.name = "epoch"
    df2.to_csv(os.path.join(root, "history_epoch_index.csv"))

    runs = []
    for fn, kw, note in (("history.csv", {"index_col": 0}, "unnamed index column, 0-based"),
                         ("history_noindex.csv", {}, "no index column; x = 0-based row number"),
                         ("history_epoch_index.csv", {"index_col": 0}, "index column named epoch, 1-based")):
        back = pd.read_csv(os.path.join(root, fn), **kw)
        with open(os.path.join(root, fn)) as f:
            header = f.readline().rstrip("\n")
        runs.append({
            "name": fn[:-4],
            "path": fn,
            "hyperparameters": {},
            "header_line": header,
            "x_source": note,
            "series": {c: series("epoch", [(int(i), float(v)) for i, v in zip(range(len(back)) if not kw else back.index, back[c])])
                       for c in back.columns},
        })
    notes = [
        "history.csv: header line ',loss,val_loss,accuracy,val_accuracy' (first cell empty); every row starts with the 0-based row index. pandas.read_csv without index_col would name that column 'Unnamed: 0'.",
        "history_noindex.csv: no index column; the epoch is implicit (row order). In expected.json x = 0-based row number.",
        "history_epoch_index.csv: first column is the named index 'epoch', 1-based (1..6).",
        "loss/val_loss are cross-entropy means, accuracy/val_accuracy fractions in [0, 1]; identical numbers in all three files.",
    ]
    write_expected(root, "pandas.DataFrame.to_csv", vers, runs, notes)
    report(root)


if __name__ == "__main__":
    main()
