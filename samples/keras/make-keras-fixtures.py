#!/usr/bin/python3
"""Writes small Keras models as HDF5 files in Keras 2's layout, and the outputs they must predict.

TensorFlow/Keras cannot be installed on the project's build machines, so this script writes the
files the way Keras 2.x (tf.keras, `model.save("m.h5")`) does, with h5py and numpy only:

  root attributes   keras_version, backend, model_config (the model's JSON), training_config
  /model_weights    attributes layer_names, backend, keras_version; one group per layer whose
                    attribute weight_names lists its arrays, e.g. b"dense/kernel:0", each stored
                    at /model_weights/<layer>/<weight name>

The weights come from a seeded random generator, so every run writes the same numbers. For each
model the script also computes, with numpy (a plain forward pass written from Keras's
definitions, in float64 from the float32 weights), the outputs for fixed inputs and records them
in <model>.expected.json: the test imports the .h5 file through DL4J and must predict them.

Run it from anywhere (Debian: apt-get install python3-h5py python3-numpy):
    /usr/bin/python3 samples/keras/make-keras-fixtures.py
It rewrites every file below in its own folder:
    mlp-sequential.h5   Sequential: Dense 4 -> 8 relu, Dropout, Dense 3 softmax
    cnn-functional.h5   functional: 8x8x1 image, Conv2D 4 3x3 same relu, MaxPooling2D 2,
                        Flatten, two Dense branches (relu, tanh), Concatenate, Dense 3 softmax
    rnn-sequential.h5   Sequential: 5 steps of 3 features, SimpleRNN 5 (all steps),
                        LSTM 4 (last step), Dense 2 softmax
    unsupported-gru.h5  Sequential with a GRU layer, which DL4J 1.0.0-M2.1 cannot import
"""
import json
import os

import h5py
import numpy as np

KERAS_VERSION = "2.9.0"
BACKEND = "tensorflow"
HERE = os.path.dirname(os.path.abspath(__file__))


def glorot(rng, *shape):
    fan_in, fan_out = shape[-2] if len(shape) > 1 else shape[0], shape[-1]
    if len(shape) == 4:  # conv kernel (kh, kw, in, out)
        receptive = shape[0] * shape[1]
        fan_in, fan_out = shape[2] * receptive, shape[3] * receptive
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=shape).astype(np.float32)


def small(rng, n):
    return rng.uniform(-0.2, 0.2, size=n).astype(np.float32)


# ---- layer configurations as tf.keras 2.9 writes them ------------------------------------------

def initializers():
    return {
        "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
        "bias_initializer": {"class_name": "Zeros", "config": {}},
        "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
        "kernel_constraint": None, "bias_constraint": None,
    }


def input_layer(name, shape):
    return {"class_name": "InputLayer", "config": {
        "batch_input_shape": [None] + list(shape), "dtype": "float32", "sparse": False, "ragged": False, "name": name}}


def dense(name, units, activation):
    c = {"name": name, "trainable": True, "dtype": "float32", "units": units, "activation": activation, "use_bias": True}
    c.update(initializers())
    return {"class_name": "Dense", "config": c}


def dropout(name, rate):
    return {"class_name": "Dropout", "config": {"name": name, "trainable": True, "dtype": "float32",
                                                "rate": rate, "noise_shape": None, "seed": None}}


def conv2d(name, filters, kernel, activation):
    c = {"name": name, "trainable": True, "dtype": "float32", "filters": filters, "kernel_size": [kernel, kernel],
         "strides": [1, 1], "padding": "same", "data_format": "channels_last", "dilation_rate": [1, 1], "groups": 1,
         "activation": activation, "use_bias": True}
    c.update(initializers())
    return {"class_name": "Conv2D", "config": c}


def max_pool(name, size):
    return {"class_name": "MaxPooling2D", "config": {"name": name, "trainable": True, "dtype": "float32",
                                                     "pool_size": [size, size], "padding": "valid",
                                                     "strides": [size, size], "data_format": "channels_last"}}


def flatten(name):
    return {"class_name": "Flatten", "config": {"name": name, "trainable": True, "dtype": "float32",
                                                "data_format": "channels_last"}}


def concatenate(name):
    return {"class_name": "Concatenate", "config": {"name": name, "trainable": True, "dtype": "float32", "axis": -1}}


def recurrent(kind, name, units, return_sequences, **extra):
    c = {"name": name, "trainable": True, "dtype": "float32", "return_sequences": return_sequences,
         "return_state": False, "go_backwards": False, "stateful": False, "unroll": False, "time_major": False,
         "units": units, "activation": "tanh", "use_bias": True,
         "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
         "recurrent_initializer": {"class_name": "Orthogonal", "config": {"gain": 1.0, "seed": None}},
         "bias_initializer": {"class_name": "Zeros", "config": {}},
         "kernel_regularizer": None, "recurrent_regularizer": None, "bias_regularizer": None,
         "activity_regularizer": None, "kernel_constraint": None, "recurrent_constraint": None,
         "bias_constraint": None, "dropout": 0.0, "recurrent_dropout": 0.0}
    c.update(extra)
    return {"class_name": kind, "config": c}


TRAINING_CONFIG = {
    "loss": "categorical_crossentropy", "metrics": [["accuracy"]], "weighted_metrics": None,
    "loss_weights": None,
    "optimizer_config": {"class_name": "Adam", "config": {
        "name": "Adam", "learning_rate": 0.001, "decay": 0.0, "beta_1": 0.9, "beta_2": 0.999,
        "epsilon": 1e-07, "amsgrad": False}},
}


# ---- numpy reference forward passes -----------------------------------------------------------

def relu(x):
    return np.maximum(x, 0)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


ACT = {"relu": relu, "tanh": np.tanh, "softmax": softmax, "linear": lambda x: x, "sigmoid": sigmoid}


def f64(*arrays):
    return [a.astype(np.float64) for a in arrays]


def conv_same(x, k, b):
    """x: (n, h, w, c), k: (kh, kw, c, f), stride 1, 'same' padding (odd kernel)."""
    kh, kw = k.shape[:2]
    ph, pw = kh // 2, kw // 2
    xp = np.pad(x, ((0, 0), (ph, ph), (pw, pw), (0, 0)))
    n, h, w, _ = x.shape
    out = np.zeros((n, h, w, k.shape[3]))
    for i in range(h):
        for j in range(w):
            patch = xp[:, i:i + kh, j:j + kw, :]
            out[:, i, j, :] = np.tensordot(patch, k, axes=([1, 2, 3], [0, 1, 2]))
    return out + b


def max_pool_valid(x, s):
    n, h, w, c = x.shape
    return x[:, :h // s * s, :w // s * s, :].reshape(n, h // s, s, w // s, s, c).max(axis=(2, 4))


def simple_rnn(x, k, rk, b, return_sequences):
    h = np.zeros((x.shape[0], k.shape[1]))
    seq = []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t, :] @ k + h @ rk + b)
        seq.append(h)
    return np.stack(seq, axis=1) if return_sequences else h


def lstm(x, k, rk, b, return_sequences):
    u = rk.shape[0]
    h = np.zeros((x.shape[0], u))
    c = np.zeros((x.shape[0], u))
    seq = []
    for t in range(x.shape[1]):
        z = x[:, t, :] @ k + h @ rk + b  # gates in Keras's order: input, forget, cell, output
        i, f, g, o = sigmoid(z[:, :u]), sigmoid(z[:, u:2 * u]), np.tanh(z[:, 2 * u:3 * u]), sigmoid(z[:, 3 * u:])
        c = f * c + i * g
        h = o * np.tanh(c)
        seq.append(h)
    return np.stack(seq, axis=1) if return_sequences else h


# ---- writing ---------------------------------------------------------------------------------

def write(name, model_config, layer_names, weights, inputs, outputs, note):
    """weights: layer name -> list of (weight name, array) in Keras's order."""
    path = os.path.join(HERE, name + ".h5")
    model_config = dict(model_config, keras_version=KERAS_VERSION, backend=BACKEND)
    with h5py.File(path, "w", libver="earliest", track_order=False) as f:
        f.attrs["backend"] = BACKEND.encode("utf8")
        f.attrs["keras_version"] = KERAS_VERSION.encode("utf8")
        f.attrs["model_config"] = json.dumps(model_config).encode("utf8")
        f.attrs["training_config"] = json.dumps(TRAINING_CONFIG).encode("utf8")
        g = f.create_group("model_weights")
        g.attrs["backend"] = BACKEND.encode("utf8")
        g.attrs["keras_version"] = KERAS_VERSION.encode("utf8")
        g.attrs["layer_names"] = np.array([n.encode("utf8") for n in layer_names])
        for layer in layer_names:
            lg = g.create_group(layer)
            ws = weights.get(layer, [])
            # Keras writes an empty float array when a layer has no weights.
            lg.attrs["weight_names"] = np.array([w.encode("utf8") for w, _ in ws]) if ws else np.array([], dtype=np.float64)
            for w, value in ws:
                lg.create_dataset(w, data=value)
    # One example per line, flattened in row-major order of inputShape; float32 values written
    # exactly (as float64 text), so a reader that casts them back to float32 gets the same bits.
    rows = lambda a: ",\n".join("    " + json.dumps(r) for r in a.reshape(a.shape[0], -1).astype(np.float64).tolist())
    with open(os.path.join(HERE, name + ".expected.json"), "w") as f:
        f.write("{\n")
        f.write('  "model": %s,\n' % json.dumps(name + ".h5"))
        f.write('  "note": %s,\n' % json.dumps(note))
        f.write('  "inputShape": %s,\n' % json.dumps(list(inputs.shape[1:])))
        f.write('  "inputs": [\n%s\n  ],\n' % rows(inputs))
        f.write('  "outputs": [\n%s\n  ]\n' % rows(outputs))
        f.write("}\n")
    print("wrote", path)


def mlp_sequential():
    rng = np.random.RandomState(1)
    w1, b1 = glorot(rng, 4, 8), small(rng, 8)
    w2, b2 = glorot(rng, 8, 3), small(rng, 3)
    config = {"class_name": "Sequential", "config": {"name": "mlp", "layers": [
        input_layer("features", [4]), dense("dense", 8, "relu"), dropout("dropout", 0.2),
        dense("dense_1", 3, "softmax")]}}
    x = rng.uniform(-1, 1, size=(5, 4)).astype(np.float32)
    xw, w1d, b1d, w2d, b2d = f64(x, w1, b1, w2, b2)
    y = softmax(relu(xw @ w1d + b1d) @ w2d + b2d)
    write("mlp-sequential", config, ["dense", "dropout", "dense_1"],
          {"dense": [("dense/kernel:0", w1), ("dense/bias:0", b1)],
           "dense_1": [("dense_1/kernel:0", w2), ("dense_1/bias:0", b2)]},
          x, y, "inputs are rows of 4 features; outputs are the 3 softmax probabilities")


def cnn_functional():
    rng = np.random.RandomState(2)
    k, kb = glorot(rng, 3, 3, 1, 4), small(rng, 4)
    wa, ba = glorot(rng, 64, 6), small(rng, 6)
    wb, bb = glorot(rng, 64, 6), small(rng, 6)
    wo, bo = glorot(rng, 12, 3), small(rng, 3)

    def node(layer, inbound):
        layer = dict(layer)
        layer["name"] = layer["config"]["name"]
        layer["inbound_nodes"] = [[[i, 0, 0, {}] for i in inbound]] if inbound else []
        return layer

    layers = [
        node(input_layer("image", [8, 8, 1]), []),
        node(conv2d("conv", 4, 3, "relu"), ["image"]),
        node(max_pool("pool", 2), ["conv"]),
        node(flatten("flatten"), ["pool"]),
        node(dense("branch_relu", 6, "relu"), ["flatten"]),
        node(dense("branch_tanh", 6, "tanh"), ["flatten"]),
        node(concatenate("merge"), ["branch_relu", "branch_tanh"]),
        node(dense("scores", 3, "softmax"), ["merge"]),
    ]
    config = {"class_name": "Functional", "config": {"name": "cnn", "layers": layers,
                                                     "input_layers": [["image", 0, 0]],
                                                     "output_layers": [["scores", 0, 0]]}}
    x = rng.uniform(0, 1, size=(3, 8, 8, 1)).astype(np.float32)
    xd, kd, kbd, wad, bad, wbd, bbd, wod, bod = f64(x, k, kb, wa, ba, wb, bb, wo, bo)
    flat = max_pool_valid(relu(conv_same(xd, kd, kbd)), 2).reshape(x.shape[0], -1)  # Keras flattens h, w, c
    merged = np.concatenate([relu(flat @ wad + bad), np.tanh(flat @ wbd + bbd)], axis=1)
    y = softmax(merged @ wod + bod)
    write("cnn-functional", config, [l["name"] for l in layers],
          {"conv": [("conv/kernel:0", k), ("conv/bias:0", kb)],
           "branch_relu": [("branch_relu/kernel:0", wa), ("branch_relu/bias:0", ba)],
           "branch_tanh": [("branch_tanh/kernel:0", wb), ("branch_tanh/bias:0", bb)],
           "scores": [("scores/kernel:0", wo), ("scores/bias:0", bo)]},
          x, y, "inputs are 8x8 images with 1 channel in Keras's (height, width, channels) layout")


def rnn_sequential():
    rng = np.random.RandomState(3)
    sk, srk, sb = glorot(rng, 3, 5), glorot(rng, 5, 5), small(rng, 5)
    lk, lrk, lb = glorot(rng, 5, 16), glorot(rng, 4, 16), small(rng, 16)
    wo, bo = glorot(rng, 4, 2), small(rng, 2)
    config = {"class_name": "Sequential", "config": {"name": "rnn", "layers": [
        input_layer("sequence", [5, 3]),
        recurrent("SimpleRNN", "simple_rnn", 5, True),
        recurrent("LSTM", "lstm", 4, False, recurrent_activation="sigmoid", unit_forget_bias=True, implementation=2),
        dense("dense", 2, "softmax")]}}
    x = rng.uniform(-1, 1, size=(4, 5, 3)).astype(np.float32)
    xd, skd, srkd, sbd, lkd, lrkd, lbd, wod, bod = f64(x, sk, srk, sb, lk, lrk, lb, wo, bo)
    h = lstm(simple_rnn(xd, skd, srkd, sbd, True), lkd, lrkd, lbd, False)
    y = softmax(h @ wod + bod)
    write("rnn-sequential", config, ["simple_rnn", "lstm", "dense"],
          {"simple_rnn": [("simple_rnn/simple_rnn_cell/kernel:0", sk),
                          ("simple_rnn/simple_rnn_cell/recurrent_kernel:0", srk),
                          ("simple_rnn/simple_rnn_cell/bias:0", sb)],
           "lstm": [("lstm/lstm_cell/kernel:0", lk), ("lstm/lstm_cell/recurrent_kernel:0", lrk),
                    ("lstm/lstm_cell/bias:0", lb)],
           "dense": [("dense/kernel:0", wo), ("dense/bias:0", bo)]},
          x, y, "inputs are 5 time steps of 3 features in Keras's (steps, features) layout")


def unsupported_gru():
    rng = np.random.RandomState(4)
    gk, grk, gb = glorot(rng, 3, 12), glorot(rng, 4, 12), small(rng, 24).reshape(2, 12)
    wo, bo = glorot(rng, 4, 2), small(rng, 2)
    config = {"class_name": "Sequential", "config": {"name": "gru", "layers": [
        input_layer("sequence", [5, 3]),
        recurrent("GRU", "gru", 4, False, recurrent_activation="sigmoid", reset_after=True, implementation=2),
        dense("dense", 2, "softmax")]}}
    x = rng.uniform(-1, 1, size=(1, 5, 3)).astype(np.float32)
    write("unsupported-gru", config, ["gru", "dense"],
          {"gru": [("gru/gru_cell/kernel:0", gk), ("gru/gru_cell/recurrent_kernel:0", grk), ("gru/gru_cell/bias:0", gb)],
           "dense": [("dense/kernel:0", wo), ("dense/bias:0", bo)]},
          x, np.zeros((1, 2)), "DL4J 1.0.0-M2.1 has no GRU import: importing this file must fail with a clear message")


if __name__ == "__main__":
    np.set_printoptions(precision=8)
    mlp_sequential()
    cnn_functional()
    rnn_sequential()
    unsupported_gru()
