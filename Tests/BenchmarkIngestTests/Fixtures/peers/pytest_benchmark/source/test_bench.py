"""Tiny real computations for pytest-benchmark fixtures.

BENCH_VARIANT=head makes test_sort and test_word_count process ~10% more input;
test_sha256 is identical in base and head.
"""
import hashlib
import os
import random

import pytest

HEAD = os.environ.get("BENCH_VARIANT", "base") == "head"


def scale(n):
    return n + n // 10 if HEAD else n


def test_sort(benchmark):
    rng = random.Random(42)
    data = [rng.random() for _ in range(scale(20_000))]
    result = benchmark(sorted, data)
    assert len(result) == len(data)


@pytest.mark.parametrize("kib", [16, 256])
def test_sha256(benchmark, kib):
    blob = bytes(range(256)) * 4 * kib
    digest = benchmark(lambda: hashlib.sha256(blob).hexdigest())
    assert len(digest) == 64


def test_word_count(benchmark):
    text = " ".join(f"w{i % 257}" for i in range(scale(20_000)))

    def count():
        counts = {}
        for w in text.split():
            counts[w] = counts.get(w, 0) + 1
        return counts

    counts = benchmark(count)
    assert sum(counts.values()) == scale(20_000)
