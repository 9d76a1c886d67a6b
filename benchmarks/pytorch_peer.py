#!/usr/bin/python3
"""The PyTorch peer of the benchmark harness: the same networks, batch sizes and thread count.

Run with Debian's python3-torch (see shared/FIELD-NOTES.md; install libopenblas0-pthread so that
it uses OpenBLAS): /usr/bin/python3 benchmarks/pytorch_peer.py fashion|playground EPOCHS ROUNDS
Prints "pytorch <samples/s> <epochs/s>" (median of ROUNDS rounds), like TrainingThroughput.
"""
import gzip
import os
import statistics
import struct
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)
torch.manual_seed(42)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def idx(path):
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    magic, = struct.unpack(">I", raw[:4])
    dims = raw[3]
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def fashion():
    d = os.path.join(ROOT, "samples/data/fashion-mnist-subset")
    x = idx(os.path.join(d, "train-images-idx3-ubyte.gz")).reshape(-1, 784).astype(np.float32) / 255
    y = idx(os.path.join(d, "train-labels-idx1-ubyte.gz")).astype(np.int64)
    net = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 64),
                              torch.nn.ReLU(), torch.nn.Linear(64, 10))
    return torch.from_numpy(x), torch.from_numpy(y), net, torch.nn.CrossEntropyLoss(), \
        torch.optim.Adam(net.parameters(), lr=0.001), 64


def playground():
    # TensorFlow Playground's circle data: 250 points, a disc of radius 0.5 and a ring 0.7..1.
    rng = np.random.default_rng(1)
    n = 250
    inner = np.arange(n) < n // 2
    radius = np.where(inner, rng.random(n) * 0.5, 0.7 + rng.random(n) * 0.3)
    angle = rng.random(n) * 2 * np.pi
    x = np.stack([radius * np.sin(angle), radius * np.cos(angle)], 1).astype(np.float32)
    y = inner.astype(np.float32).reshape(-1, 1)
    net = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.Tanh(), torch.nn.Linear(4, 2), torch.nn.Tanh(),
                              torch.nn.Linear(2, 1), torch.nn.Sigmoid())
    return torch.from_numpy(x), torch.from_numpy(y), net, torch.nn.MSELoss(), \
        torch.optim.SGD(net.parameters(), lr=0.03), 10


def epochs_per_second(case, epochs):
    x, y, net, loss_fn, opt, batch = case()
    n = x.shape[0]
    t0 = time.perf_counter()
    for _ in range(epochs):
        perm = torch.randperm(n)  # shuffled every epoch, as the workbench engine does
        for i in range(0, n, batch):
            idx_ = perm[i:i + batch]
            opt.zero_grad()
            loss = loss_fn(net(x[idx_]), y[idx_])
            loss.backward()
            opt.step()
    return epochs / (time.perf_counter() - t0), n


def main():
    case = {"fashion": fashion, "playground": playground}[sys.argv[1]]
    epochs, rounds = int(sys.argv[2]), int(sys.argv[3])
    epochs_per_second(case, 1)  # warm-up
    results = [epochs_per_second(case, epochs) for _ in range(rounds)]
    eps = statistics.median(r[0] for r in results)
    n = results[0][1]
    print(f"pytorch {eps * n:.1f} {eps:.2f}")
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, BLAS: "
          f"{'openblas' if 'openblas' in torch.__config__.show().lower() else 'see torch.__config__.show()'}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
