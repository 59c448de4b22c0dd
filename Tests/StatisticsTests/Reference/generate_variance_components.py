#!/usr/bin/env python3
"""Writes variance_components.json: reference values for the analysis' variance arithmetic in the
Statistics module (OneWayANOVA, Satterthwaite, MeanConfidenceInterval, PooledVariance, Summation).

Run from anywhere:  python3 Tests/StatisticsTests/Reference/generate_variance_components.py
Needs numpy and scipy. Deterministic (numpy Generator(PCG64), fixed seed); floats are written with
repr, so they round-trip exactly.

Sources: scipy.stats.f_oneway (F and p of the one-way ANOVA), scipy.stats.ttest_ind(equal_var=False)
(the Welch-Satterthwaite degrees of freedom, `res.df`), scipy.stats.t.interval (the t interval of a
mean), numpy.var(ddof=1) (sample variances). The between-group variance component and n0 are a direct
transcription of Searle, Casella & McCulloch (1992, eq. 3.5.?): sigma2_a = (MSB - MSW) / n0,
n0 = (N - sum n_i^2 / N) / (r - 1), truncated at 0; MSB and MSW are recovered from scipy's F with an
independent numpy computation of MSW, so the Swift code is checked against two routes.
"""

import json
import math
import os

import numpy as np
import scipy
import scipy.stats as st

SEED = 20261204
rng = np.random.default_rng(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))


def anova_case(name, groups):
    groups = [np.asarray(g, dtype=float) for g in groups]
    n = sum(len(g) for g in groups)
    r = len(groups)
    grand = np.concatenate(groups).mean()
    msw = sum(((g - g.mean()) ** 2).sum() for g in groups) / (n - r)
    msb = sum(len(g) * (g.mean() - grand) ** 2 for g in groups) / (r - 1)
    res = st.f_oneway(*groups)
    n0 = (n - sum(len(g) ** 2 for g in groups) / n) / (r - 1)
    component = max(0.0, (msb - msw) / n0)
    return {
        "name": name, "groups": [[float(x) for x in g] for g in groups],
        "f": float(res.statistic), "p": float(res.pvalue),
        "meanSquareWithin": float(msw), "meanSquareBetween": float(msb),
        "betweenGroupVariance": float(component),
        "degreesOfFreedomBetween": r - 1, "degreesOfFreedomWithin": n - r,
    }


anova = [
    anova_case("balanced-3x5", [rng.normal(0, 1, 5) + shift for shift in (0, 0.5, 1.0)]),
    anova_case("unbalanced-2-7-4", [rng.normal(10, 2, k) + s for k, s in ((2, 0), (7, 3), (4, -1))]),
    anova_case("log-runs-5x10", [rng.normal(np.log(1e-6), 0.05, 10) + rng.normal(0, 0.02) for _ in range(5)]),
    anova_case("no-run-effect", [rng.normal(0, 1, 8) for _ in range(4)]),
    anova_case("two-runs", [rng.normal(0, 0.1, 6), rng.normal(0.4, 0.1, 6)]),
]

welch = []
for name, (nx, ny, sx, sy) in {
    "equal-n": (10, 10, 1.0, 3.0), "small": (3, 4, 0.5, 0.1), "lopsided": (2, 40, 2.0, 0.3),
    "large": (200, 150, 1.0, 1.1),
}.items():
    x = rng.normal(0, sx, nx)
    y = rng.normal(0.2, sy, ny)
    res = st.ttest_ind(y, x, equal_var=False)
    vx = float(np.var(x, ddof=1)) / nx
    vy = float(np.var(y, ddof=1)) / ny
    welch.append({
        "name": name,
        "components": [{"variance": vx, "degreesOfFreedom": nx - 1}, {"variance": vy, "degreesOfFreedom": ny - 1}],
        "variance": vx + vy, "degreesOfFreedom": float(res.df),
    })
# Three components (the analysis adds a between-run component to a single run's variance).
three = [(0.004, 9.0), (0.0007, 2.0), (0.01, 30.0)]
welch.append({
    "name": "three-components",
    "components": [{"variance": v, "degreesOfFreedom": d} for v, d in three],
    "variance": sum(v for v, _ in three),
    "degreesOfFreedom": sum(v for v, _ in three) ** 2 / sum(v * v / d for v, d in three),
})

intervals = []
for name, n, confidence in [("n2", 2, 0.95), ("n5-90", 5, 0.90), ("n20", 20, 0.95), ("n300-99", 300, 0.99)]:
    x = rng.normal(-0.01, 0.05, n)
    mean = float(np.mean(x))
    sd = float(np.std(x, ddof=1))
    lo, hi = st.t.interval(confidence, n - 1, loc=mean, scale=sd / math.sqrt(n))
    intervals.append({"name": name, "mean": mean, "standardDeviation": sd, "count": n, "confidence": confidence,
                      "lower": float(lo), "upper": float(hi)})

pooled = []
for name, samples in {
    "two": [rng.normal(0, 1, 7), rng.normal(0, 2, 12)],
    "one-short": [rng.normal(0, 1, 1), rng.normal(0, 2, 5)],
    "three": [rng.normal(0, 1, 4), rng.normal(0, 0.5, 4), rng.normal(0, 3, 9)],
}.items():
    variances = [float(np.var(s, ddof=1)) for s in samples if len(s) >= 2]
    pooled.append({"name": name, "samples": [[float(v) for v in s] for s in samples],
                   "pooled": sum(variances) / len(variances),
                   "means": [float(np.mean(s)) for s in samples]})

out = {
    "generator": "generate_variance_components.py", "seed": SEED,
    "versions": {"numpy": np.__version__, "scipy": scipy.__version__},
    "anova": anova, "satterthwaite": welch, "meanIntervals": intervals, "pooled": pooled,
}
with open(os.path.join(HERE, "variance_components.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print("wrote variance_components.json")
