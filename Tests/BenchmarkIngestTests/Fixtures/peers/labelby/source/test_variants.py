"""One pytest-benchmark run with two implementations of one job, as parameters.

`impl=builtin` sorts with sorted(); `impl=insertion` with a slower insertion sort of
the same data, so `--label-by param:impl` compares them (insertion is the slower).
`n` is a second parameter that stays in the name.
"""
import bisect
import random

import pytest


def insertion(data):
    out = []
    for x in data:
        bisect.insort(out, x)
    return out


IMPLS = {"builtin": sorted, "insertion": insertion}


@pytest.mark.parametrize("n", [2000, 8000])
@pytest.mark.parametrize("impl", ["builtin", "insertion"])
def test_sort(benchmark, impl, n):
    rng = random.Random(42)
    data = [rng.random() for _ in range(n)]
    result = benchmark(IMPLS[impl], data)
    assert len(result) == n
