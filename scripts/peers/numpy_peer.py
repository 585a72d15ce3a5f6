"""NumPy peer: the course's from-scratch homework loop (784-32-32-10 sigmoid, softmax,
cross-entropy, SGD lr 0.003 one sample at a time, float64, raw pixels), written as the
write-ups wrote it: np.dot per layer, np.outer for the weight gradients, new arrays every step.

Timed on a subset and reported per 60,000 samples.
"""
import argparse

import numpy as np

from common import clock, emit, load, mnist_directory

parser = argparse.ArgumentParser()
parser.add_argument("--data-dir")
parser.add_argument("--homework-samples", type=int, default=6000)
args = parser.parse_args()

x_train, y_train = load(mnist_directory(args.data_dir), "train")
x_train = x_train.astype(np.float64)


def sigmoid(x):
    x = np.clip(x, -500, 500)
    return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))


def dsigmoid(x):
    s = sigmoid(x)
    return s * (1 - s)


def softmax(x):
    e = np.exp(x - np.max(x))
    return e / e.sum(axis=0)


def one_hot(k):
    result = np.zeros(10)
    result[k] = 1
    return result


rng = np.random.default_rng(80085)
sizes = [784, 32, 32, 10]
weights = [rng.normal(0, 1 / np.sqrt(max(a, b)), (a, b)) for a, b in zip(sizes, sizes[1:])]
biases = [np.zeros(b) for b in sizes[1:]]


def train_one_sample(sample, y, learning_rate=0.003):
    a = sample.flatten()
    z1 = np.dot(a, weights[0]) + biases[0]
    a1 = sigmoid(z1)
    z2 = np.dot(a1, weights[1]) + biases[1]
    a2 = sigmoid(z2)
    z_out = np.dot(a2, weights[2]) + biases[2]
    a_out = softmax(z_out)
    loss = -np.sum(one_hot(y) * np.log(a_out))
    delta_out = a_out - one_hot(y)
    weight_gradients = [None, None, None]
    weight_gradients[2] = np.outer(a2, delta_out)
    delta2 = np.dot(delta_out, weights[2].T) * dsigmoid(z2)
    weight_gradients[1] = np.outer(a1, delta2)
    delta1 = np.dot(delta2, weights[1].T) * dsigmoid(z1)
    weight_gradients[0] = np.outer(a, delta1)
    bias_gradients = [delta1, delta2, delta_out]
    for i in range(3):
        weights[i] -= weight_gradients[i] * learning_rate
        biases[i] -= bias_gradients[i] * learning_rate
    return loss


n = args.homework_samples
start = clock()
for i in range(n):
    train_one_sample(x_train[i], y_train[i])
emit("numpy", "homework-b1", (clock() - start) * 60000 / n, timed_samples=n)
