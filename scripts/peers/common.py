"""Shared helpers for the peer benchmarks: MNIST loading and JSON-lines output.

Imports nothing beyond the standard library and NumPy, and installs nothing.
"""
import gzip
import json
import os
import sys
import time

import numpy as np


def mnist_directory(explicit=None):
    """The MNIST folder: --data-dir, $NNREPORT_DATA/mnist, or ../shared/data/mnist next to the repo."""
    candidates = []
    if explicit:
        candidates.append(explicit)
    if os.environ.get("NNREPORT_DATA"):
        candidates.append(os.path.join(os.environ["NNREPORT_DATA"], "mnist"))
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    candidates.append(os.path.join(os.path.dirname(root), "shared", "data", "mnist"))
    for c in candidates:
        if os.path.exists(os.path.join(c, "train-images-idx3-ubyte.gz")):
            return c
    sys.exit("MNIST not found; tried: " + ", ".join(candidates) + " (set NNREPORT_DATA or pass --data-dir)")


def load(directory, prefix):
    """Images (n, 784) uint8 and labels (n,) uint8 of one IDX file pair."""
    with gzip.open(os.path.join(directory, f"{prefix}-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784).copy()
    with gzip.open(os.path.join(directory, f"{prefix}-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8).copy()
    return images, labels


def emit(peer, name, seconds, **extra):
    """One result line: {"source": peer, "name": ..., "seconds": ...}."""
    print(json.dumps({"source": peer, "name": name, "seconds": seconds, **extra}), flush=True)


def clock():
    return time.perf_counter()
