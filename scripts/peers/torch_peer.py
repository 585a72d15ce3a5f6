"""PyTorch peer: the same models on the same MNIST data as `nnreport bench`.

- mlp-b32/64/128: 784-256-128-64-10 ReLU, dropout 0.2, Adam 1e-3, one epoch of 60,000 images.
- homework-b1: 784-32-32-10 sigmoid, SGD lr 0.003, batch 1 on raw pixels (timed on a subset,
  reported per 60,000 samples).
- eval: class probabilities of the 10,000 test images from their bytes (uint8 -> float /255 ->
  forward -> softmax), the same work nnreport's evaluation does.
- cnn-b64, lenet-b64: the `cnn` and `lenet` presets' networks (Conv2d, ReLU, MaxPool2d, Linear,
  Dropout as summary.json lists them), Adam 1e-3, batch 64, one epoch of 60,000 images.
"""
import argparse

import numpy as np
import torch

from common import clock, emit, load, mnist_directory

parser = argparse.ArgumentParser()
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--data-dir")
parser.add_argument("--homework-samples", type=int, default=6000)
parser.add_argument("--only", default="")
args = parser.parse_args()

torch.set_num_threads(args.threads)
torch.manual_seed(0)
directory = mnist_directory(args.data_dir)
x_raw, y_raw = load(directory, "train")
xt_raw, _ = load(directory, "t10k")
x = torch.from_numpy(x_raw.astype(np.float32) / 255)
y = torch.from_numpy(y_raw.astype(np.int64))


def mlp():
    return torch.nn.Sequential(
        torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Dropout(0.2),
        torch.nn.Linear(256, 128), torch.nn.ReLU(), torch.nn.Dropout(0.2),
        torch.nn.Linear(128, 64), torch.nn.ReLU(), torch.nn.Dropout(0.2),
        torch.nn.Linear(64, 10))


def wanted(name):
    return not args.only or name in args.only.split(",")


def cnn():
    nn = torch.nn
    return nn.Sequential(
        nn.Conv2d(1, 32, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(1024, 512), nn.ReLU(), nn.Dropout(0.5), nn.Linear(512, 10))


def lenet():
    nn = torch.nn
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))


def train_epoch(model, images, batch):
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    model.train()
    order = torch.randperm(60000)
    start = clock()
    for i in range(0, 60000, batch):
        index = order[i:i + batch]
        optimizer.zero_grad()
        loss = loss_fn(model(images[index]), y[index])
        loss.backward()
        optimizer.step()
    return clock() - start


for batch in (32, 64, 128):
    name = f"mlp-b{batch}"
    if not wanted(name):
        continue
    model = mlp()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    model.train()
    start = clock()
    order = torch.randperm(60000)
    for i in range(0, 60000, batch):
        index = order[i:i + batch]
        optimizer.zero_grad()
        loss = loss_fn(model(x[index]), y[index])
        loss.backward()
        optimizer.step()
    emit("pytorch", name, clock() - start, threads=args.threads)

images = x.reshape(-1, 1, 28, 28)
for name, network in (("cnn-b64", cnn), ("lenet-b64", lenet)):
    if wanted(name):
        emit("pytorch", name, train_epoch(network(), images, 64), threads=args.threads)

if wanted("homework-b1"):
    n = args.homework_samples
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 32), torch.nn.Sigmoid(), torch.nn.Linear(32, 32), torch.nn.Sigmoid(),
        torch.nn.Linear(32, 10))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.003)
    loss_fn = torch.nn.CrossEntropyLoss()
    xr = torch.from_numpy(x_raw[:n].astype(np.float32))
    start = clock()
    for i in range(n):
        optimizer.zero_grad()
        loss = loss_fn(model(xr[i:i + 1]), y[i:i + 1])
        loss.backward()
        optimizer.step()
    emit("pytorch", "homework-b1", (clock() - start) * 60000 / n, threads=args.threads, timed_samples=n)

if wanted("eval"):
    model = mlp().eval()
    times = []
    with torch.no_grad():
        for _ in range(10):
            start = clock()
            inputs = torch.from_numpy(xt_raw).float().div_(255)
            probabilities = torch.softmax(model(inputs), dim=1)
            times.append(clock() - start)
    assert probabilities.shape == (10000, 10)
    emit("pytorch", "eval", float(np.median(times)), threads=args.threads, samples=times)
