"""Tiny real computations for pyperf fixtures.

BENCH_VARIANT=head makes "sort" and "word_count" process ~10% more input;
"sha256" is identical in base and head. pyperf passes the environment variable
to its worker processes via --inherit-environ=BENCH_VARIANT.
"""
import hashlib
import os
import random

import pyperf

HEAD = os.environ.get("BENCH_VARIANT", "base") == "head"


def scale(n):
    return n + n // 10 if HEAD else n


RNG = random.Random(42)
SORT_DATA = [RNG.random() for _ in range(scale(20_000))]
BLOB = bytes(range(256)) * 1024
TEXT = " ".join(f"w{i % 257}" for i in range(scale(20_000)))


def word_count(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["bench_variant"] = "head" if HEAD else "base"
    runner.bench_func("sort", sorted, SORT_DATA)
    runner.bench_func("sha256", lambda: hashlib.sha256(BLOB).digest())
    runner.bench_func("word_count", word_count, TEXT)
