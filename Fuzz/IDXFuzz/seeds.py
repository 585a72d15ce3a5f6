"""Writes small valid IDX files (plain, gzip, multi-member gzip, zlib) as fuzzing seeds."""
import gzip
import os
import struct
import sys
import zlib

out = sys.argv[1]


def idx(magic, dims, payload):
    return struct.pack(">I", magic) + b"".join(struct.pack(">I", d) for d in dims) + bytes(payload)


labels = idx(0x801, [12], [i % 10 for i in range(12)])
images = idx(0x803, [3, 4, 5], [(i * 7) % 256 for i in range(60)])
seeds = {
    "labels": labels,
    "images": images,
    "labels.gz": gzip.compress(labels, mtime=0),
    "images.gz": gzip.compress(images, mtime=0),
    "images-multi.gz": gzip.compress(images[:20], mtime=0) + gzip.compress(images[20:], mtime=0),
    "labels.zlib": zlib.compress(labels),
    "images-stored.gz": gzip.compress(images, compresslevel=0, mtime=0),
}
for name, data in seeds.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
