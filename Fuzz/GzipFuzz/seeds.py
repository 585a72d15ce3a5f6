"""Writes gzip and zlib streams, each behind one chunking byte, as fuzzing seeds."""
import gzip
import os
import sys
import zlib

out = sys.argv[1]
text = bytes(range(256)) * 3 + b"the quick brown fox " * 20
seeds = {
    "one-member": bytes([7]) + gzip.compress(text, mtime=0),
    "two-members": bytes([0]) + gzip.compress(text[:100], mtime=0) + gzip.compress(text[100:], mtime=0),
    "stored": bytes([255]) + gzip.compress(text, compresslevel=0, mtime=0),
    "zlib": bytes([3]) + zlib.compress(text, 9),
    "empty-member": bytes([1]) + gzip.compress(b"", mtime=0),
}
for name, data in seeds.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
