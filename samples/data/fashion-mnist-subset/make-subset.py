#!/usr/bin/env python3
"""Regenerates this Fashion-MNIST subset, byte for byte, from Debian's dataset-fashion-mnist.

    apt-get install dataset-fashion-mnist
    python3 make-subset.py [SOURCE_DIR]      (default /usr/share/datasets/fashion-mnist)

Keeps the first 2000 training and the first 500 test images and labels, in the original
IDX format with the counts in the headers rewritten. gzip's header carries no file name
and a zero mtime, so reruns give the same bytes. Standard library only.
"""
import gzip
import os
import struct
import sys

SUBSET = [
    ("train-images-idx3-ubyte.gz", 2000),
    ("train-labels-idx1-ubyte.gz", 2000),
    ("t10k-images-idx3-ubyte.gz", 500),
    ("t10k-labels-idx1-ubyte.gz", 500),
]


def first_rows(data, count):
    magic, = struct.unpack(">I", data[:4])
    ndims = magic & 0xFF
    dims = list(struct.unpack(">" + "I" * ndims, data[4:4 + 4 * ndims]))
    if magic >> 8 != 0x08 or count > dims[0]:
        sys.exit(f"unexpected IDX header {magic:#010x} {dims}")
    row = 1
    for d in dims[1:]:
        row *= d
    start = 4 + 4 * ndims
    dims[0] = count
    return struct.pack(">I" + "I" * ndims, magic, *dims) + data[start:start + count * row]


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    here = os.path.dirname(os.path.abspath(__file__))
    for name, count in SUBSET:
        with gzip.open(os.path.join(source, name), "rb") as f:
            subset = first_rows(f.read(), count)
        with open(os.path.join(here, name), "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as out:
                out.write(subset)
        print(f"{name}: {count} rows")


if __name__ == "__main__":
    main()
