"""Rebuilds an nnreport model in PyTorch from a run folder's summary.json and model.safetensors,
evaluates it on the test set and compares the accuracy with summary.json's.

This is the README's snippet ("Evaluate a model elsewhere"), run as a check:

    python3 scripts/pytorch-rebuild.py reports/mnist-cnn-20261122-193000 /work/shared/data/mnist

Needs torch, numpy and safetensors (pip install torch numpy safetensors). Exits 1 when the
accuracies differ by more than one image in 10,000.
"""
import gzip
import json
import os
import sys

import numpy as np
import torch
from safetensors.torch import load_file

folder, data = sys.argv[1], sys.argv[2]
s = json.load(open(os.path.join(folder, "summary.json")))
t = s["input_transform"]


def module(layer):
    kind = layer["kind"]
    if kind == "conv2d":
        return torch.nn.Conv2d(layer["in_channels"], layer["out_channels"], layer["kernel_size"],
                               layer["stride"], layer["padding"])
    if kind == "maxpool2d":
        return torch.nn.MaxPool2d(layer["kernel_size"], layer["stride"])
    if kind == "linear":
        return torch.nn.Linear(layer["in_features"], layer["out_features"])
    return {"relu": torch.nn.ReLU(), "sigmoid": torch.nn.Sigmoid(), "tanh": torch.nn.Tanh(),
            "flatten": torch.nn.Flatten(), "dropout": torch.nn.Dropout(layer.get("p", 0)),
            "softmax": torch.nn.Softmax(dim=1)}[kind]


model = torch.nn.Module()
model.layers = torch.nn.Sequential(*map(module, s["layers"]))
model.load_state_dict(load_file(os.path.join(folder, "model.safetensors")))  # strict: every tensor used
model.eval()

raw = np.frombuffer(gzip.open(os.path.join(data, "t10k-images-idx3-ubyte.gz")).read()[16:], np.uint8)
x = (raw.reshape(-1, 784).astype(np.float32) * t["scale"] - np.float32(t["mean"])) / np.float32(t["std"])
x = torch.from_numpy(x.reshape([-1] + s["input_shape"]))
labels = np.frombuffer(gzip.open(os.path.join(data, "t10k-labels-idx1-ubyte.gz")).read()[8:], np.uint8)
with torch.no_grad():
    predicted = model.layers(x).argmax(1).numpy()
accuracy = float((predicted == labels).mean())
print(f"PyTorch {torch.__version__}: test accuracy {accuracy:.4f}, summary.json {s['test_accuracy']:.4f}, "
      f"{len(labels)} images")
sys.exit(0 if abs(accuracy - s["test_accuracy"]) <= 1e-4 else 1)
