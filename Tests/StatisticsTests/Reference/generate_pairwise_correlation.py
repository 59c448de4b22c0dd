#!/usr/bin/env python3
"""Writes pairwise_correlation.json: reference values for the average pairwise correlation of
vectors (Statistics.AveragePairwiseCorrelation).

Run from anywhere:  python3 Tests/StatisticsTests/Reference/generate_pairwise_correlation.py
Needs numpy (written with numpy 2.x). Deterministic (numpy Generator(PCG64), fixed seed); floats
are written with repr, so they round-trip exactly.

Source: numpy.corrcoef of the vectors (rows), the mean of its strictly upper triangle -- every
pair's Pearson correlation computed directly, not through the sum-of-unit-vectors identity the
Swift code uses. Vectors with one distinct value are dropped first (corrcoef would give NaN).
The standard error under independence is sqrt(2 / ((m - 1) n (n - 1))), written out here from
its definition; the "null" cases also record the spread of the average over 4000 independent
draws, so the test can check that formula against simulation.
"""

import json
import os

import numpy as np

SEED = 20261205
rng = np.random.default_rng(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))


def reference(vectors):
    x = np.asarray(vectors, dtype=float)
    x = x[np.ptp(x, axis=1) > 0]
    n, m = x.shape
    c = np.corrcoef(x)
    upper = c[np.triu_indices(n, k=1)]
    return float(upper.mean()), float(np.sqrt(2 / ((m - 1) * n * (n - 1)))), int(n)


cases = []


def case(name, vectors):
    value, se, n = reference(vectors)
    cases.append(dict(name=name, vectors=[[float(v) for v in row] for row in vectors], value=value,
                      standardErrorUnderIndependence=se, vectorCount=n))


case("independent normal, 20 x 3", rng.normal(size=(20, 3)).tolist())
case("independent normal, 8 x 2", rng.normal(size=(8, 2)).tolist())
shared = rng.normal(size=5)
case("one shared factor plus own noise, 30 x 5",
     (shared[None, :] * rng.uniform(0.5, 2, size=(30, 1)) + 0.7 * rng.normal(size=(30, 5))).tolist())
case("fully shared up to scale and offset, 10 x 4",
     (rng.uniform(1, 3, size=(10, 1)) * shared[None, :4] + rng.normal(size=(10, 1))).tolist())
opposed = [[1.0, -1.0], [-2.0, 2.0]] * 5
case("two directions, 10 x 2", opposed)
case("with constant vectors dropped, 6 x 3",
     rng.normal(size=(4, 3)).tolist() + [[5.0, 5.0, 5.0], [0.0, 0.0, 0.0]])
case("log run means of three runs, 12 benchmarks",
     (np.log(1e6 * np.exp(rng.uniform(0, 3, size=(12, 1)))) + rng.normal(0, 0.03, size=(12, 3))
      + rng.normal(0, 0.02, size=(1, 3))).tolist())

null = []
for n, m in [(20, 2), (20, 3), (50, 4)]:
    draws = [reference(rng.normal(size=(n, m)))[0] for _ in range(4000)]
    null.append(dict(count=n, length=m, standardDeviation=float(np.std(draws, ddof=1)), draws=4000))

with open(os.path.join(HERE, "pairwise_correlation.json"), "w") as f:
    json.dump(dict(generator="numpy " + np.__version__, seed=SEED, cases=cases, null=null), f, indent=1)
    f.write("\n")
