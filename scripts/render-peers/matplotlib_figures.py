#!/usr/bin/env python3
"""Draws the report's benchmark figures with matplotlib (Agg) from nnreport's data export.

Used by scripts/bench-render.sh to compare speed with nnreport on the same numbers:

    matplotlib_figures.py DATA.json warm [REPETITIONS [SCALE]]  -> "<figure> <seconds> <bytes>" lines (median)
    matplotlib_figures.py DATA.json cold OUT_DIR         -> writes the four PNGs once

Figures match nnreport's in content and pixel size (dpi 100): loss | accuracy over 50 epochs
with the per-step loss faint behind, a 10x10 grid of 28x28 weight tiles on a diverging map
scaled per tile, a 3x6 panel of test images each with a bar chart of class probabilities,
and a 10x10 confusion matrix with counts and a colour bar.
"""
import io
import json
import os
import statistics
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

DPI = 100


def figsize(data, name):
    w, h = data["sizes"][name]
    return (w / DPI, h / DPI)


def curves(data):
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=figsize(data, "curves"), dpi=DPI)
    epochs = data["epochs"]
    ax_loss.plot(data["step_x"], data["step_loss"], color="#0072B2", alpha=0.3, linewidth=1, label="train, per step")
    ax_loss.plot(epochs, data["train_loss"], color="#0072B2", linewidth=2, label="train")
    ax_loss.plot(epochs, data["val_loss"], color="#D55E00", linewidth=2, label="validation")
    ax_loss.set_yscale("log")
    ax_loss.set_title("Loss", loc="left", fontweight="bold")
    ax_loss.set_xlabel("epoch")
    ax_loss.set_ylabel("cross-entropy loss")
    ax_acc.plot(epochs, data["train_accuracy"], color="#0072B2", linewidth=2, label="train")
    ax_acc.plot(epochs, data["val_accuracy"], color="#D55E00", linewidth=2, label="validation")
    ax_acc.set_title("Accuracy", loc="left", fontweight="bold")
    ax_acc.set_xlabel("epoch")
    ax_acc.set_ylabel("accuracy")
    best = data["best_epoch"]
    for ax in (ax_loss, ax_acc):
        ax.axvline(best, color="#6B6B6B", linestyle="--", linewidth=1.25)
        ax.text(best, 0.97, f" best epoch {int(best)}", transform=ax.get_xaxis_transform(), va="top", fontsize=9)
        ax.grid(True, color="#E3E3E3")
        ax.legend(loc="best")
    fig.tight_layout()
    return fig


def weights(data):
    units = int(data["units"])
    w = np.asarray(data["weights"], dtype=np.float32).reshape(units, 28, 28)
    columns = int(np.ceil(np.sqrt(units)))
    rows = (units + columns - 1) // columns
    fig, axes = plt.subplots(rows, columns, figsize=figsize(data, "weights"), dpi=DPI)
    for i, ax in enumerate(axes.flat):
        ax.set_axis_off()
        if i < units:
            m = float(np.abs(w[i]).max()) or 1.0
            ax.imshow(w[i], cmap="RdBu_r", vmin=-m, vmax=m, interpolation="nearest")
    fig.suptitle("First-layer weights", x=0.02, ha="left", fontweight="bold")
    return fig


def predictions(data):
    images = np.asarray(data["images"], dtype=np.uint8).reshape(-1, 28, 28)
    probabilities = np.asarray(data["probabilities"], dtype=np.float32).reshape(len(images), -1)
    labels = [int(x) for x in data["labels"]]
    names = data["class_names"]
    fig = plt.figure(figsize=figsize(data, "predictions"), dpi=DPI)
    grid = fig.add_gridspec(6, 6, height_ratios=[1.1, 1] * 3)
    for i in range(18):
        r, c = divmod(i, 6)
        p = probabilities[i]
        predicted = int(np.argmax(p))
        right = predicted == labels[i]
        verdict = "#009E73" if right else "#D55E00"
        ax_image = fig.add_subplot(grid[2 * r, c])
        ax_image.imshow(images[i], cmap="gray_r", vmin=0, vmax=255, interpolation="nearest")
        ax_image.set_xticks([])
        ax_image.set_yticks([])
        for spine in ax_image.spines.values():
            spine.set_color(verdict)
            spine.set_linewidth(3)
        ax_image.set_title(f"pred: {names[predicted]} ({p[predicted]:.0%})\ntrue: {names[labels[i]]}", fontsize=9)
        ax_bars = fig.add_subplot(grid[2 * r + 1, c])
        colors = ["#B8B8B8"] * len(p)
        if not right:
            colors[labels[i]] = "#0072B2"
        colors[predicted] = verdict
        ax_bars.bar(range(len(p)), p, color=colors)
        ax_bars.set_ylim(0, 1)
        ax_bars.set_xticks(range(len(p)))
        ax_bars.tick_params(labelsize=7)
    fig.suptitle("Predictions on test images", x=0.02, ha="left", fontweight="bold")
    fig.tight_layout()
    return fig


def confusion(data):
    matrix = np.asarray(data["confusion"])
    names = data["class_names"]
    fig, ax = plt.subplots(figsize=figsize(data, "confusion"), dpi=DPI)
    image = ax.imshow(matrix, cmap="Blues")
    threshold = matrix.max() / 2
    for r in range(matrix.shape[0]):
        for c in range(matrix.shape[1]):
            ax.text(c, r, str(matrix[r, c]), ha="center", va="center",
                    color="white" if matrix[r, c] > threshold else "#1F1F1F")
    ax.set_xticks(range(len(names)), labels=names)
    ax.set_yticks(range(len(names)), labels=names)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    ax.set_title("Confusion matrix", loc="left", fontweight="bold")
    fig.colorbar(image, ax=ax, label="images")
    fig.tight_layout()
    return fig


FIGURES = [("curves", curves), ("weights", weights), ("predictions", predictions), ("confusion", confusion)]


def render(data, build, scale=1):
    fig = build(data)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI * scale)
    plt.close(fig)
    return buffer.getvalue()


def main():
    data = json.load(open(sys.argv[1]))
    mode = sys.argv[2]
    if mode == "warm":
        repetitions = int(sys.argv[3]) if len(sys.argv) > 3 else 5
        scale = int(sys.argv[4]) if len(sys.argv) > 4 else 1
        for name, build in FIGURES:
            png = render(data, build, scale)  # warm-up: fonts, caches
            samples = []
            for _ in range(repetitions):
                start = time.perf_counter()
                png = render(data, build, scale)
                samples.append(time.perf_counter() - start)
            print(name, statistics.median(samples), len(png))
    elif mode == "cold":
        out = sys.argv[3]
        for name, build in FIGURES:
            with open(os.path.join(out, f"{name}.png"), "wb") as f:
                f.write(render(data, build))
    else:
        sys.exit(f"unknown mode {mode}; use warm or cold")


if __name__ == "__main__":
    main()
