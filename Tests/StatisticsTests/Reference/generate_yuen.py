#!/usr/bin/env python3
"""Writes yuen.json: reference values for Yuen's trimmed-means two-sample test (Yuen 1974) in the
Statistics module (YuenTTest).

Run from anywhere:  python3 Tests/StatisticsTests/Reference/generate_yuen.py
Needs numpy and scipy (written with scipy 1.17.1). Deterministic (numpy Generator(PCG64), fixed
seed); floats are written with repr, so they round-trip exactly.

Source: scipy.stats.ttest_ind(head, base, equal_var=False, trim=gamma) -- statistic, pvalue, df,
and res.confidence_interval(0.95) (scipy's TtestResult interval: estimate +- t.ppf(0.975, df) *
standard_error). The trimmed means are checked independently with scipy.stats.trim_mean, and the
winsorized variances with scipy.stats.mstats.winsorize (g = int(gamma * n) on each end, as scipy's
ttest_ind does); "welch" cases (gamma = 0) are scipy's plain Welch test.
"""

import json
import os

import numpy as np
import scipy
import scipy.stats as st
from scipy.stats import mstats

SEED = 20261213
rng = np.random.default_rng(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))


def case(name, base, head, trim=0.2, confidence=0.95):
    base = np.asarray(base, dtype=float)
    head = np.asarray(head, dtype=float)
    res = st.ttest_ind(head, base, equal_var=False, trim=trim)
    ci = res.confidence_interval(confidence)

    def side(x):
        n = len(x)
        g = int(n * trim)
        h = n - 2 * g
        w = np.asarray(mstats.winsorize(np.sort(x), limits=(g / n, g / n)), dtype=float) if g > 0 else x
        return float(st.trim_mean(x, trim)), h, float(np.var(w, ddof=1) * (n - 1) / (h * (h - 1)))

    mb, hb, db = side(base)
    mh, hh, dh = side(head)
    # The interval rebuilt from scipy's pieces must agree with scipy's own.
    se = (db + dh) ** 0.5
    q = st.t.ppf(0.5 + confidence / 2, res.df)
    assert abs((mh - mb - q * se) - ci.low) <= 1e-12 * max(1.0, abs(ci.low)), name
    return {
        "name": name, "base": [float(v) for v in base], "head": [float(v) for v in head],
        "trim": trim, "confidence": confidence,
        "baseTrimmedMean": mb, "headTrimmedMean": mh, "baseRetained": hb, "headRetained": hh,
        "squaredStandardError": db + dh,
        "t": float(res.statistic), "p": float(res.pvalue), "df": float(res.df),
        "lower": float(ci.low), "upper": float(ci.high),
    }


heavy = rng.standard_t(2, 25)
heavy[3] = 40.0
heavy[17] = -25.0
cases = [
    case("normal-20-20", rng.normal(10, 1, 20), rng.normal(10.5, 1, 20)),
    case("lognormal-logs-15-15", np.log(rng.lognormal(np.log(1e-6), 0.1, 15)),
         np.log(rng.lognormal(np.log(1.05e-6), 0.1, 15))),
    case("heavy-tailed-outliers-25-25", heavy, rng.standard_t(2, 25) + 1.0),
    case("tiny-3-3", [1.0, 2.0, 4.0], [2.5, 3.0, 7.0]),
    case("tiny-4-5", [0.91, 1.02, 0.97, 1.5], [1.11, 1.08, 1.2, 0.95, 3.0]),
    case("tiny-5-5", rng.normal(0, 1, 5), rng.normal(1, 2, 5)),
    case("unequal-7-31", rng.normal(5, 0.5, 7), rng.normal(5.3, 1.5, 31)),
    case("ties", [1, 1, 1, 2, 2, 3, 3, 3, 3, 9], [2, 2, 2, 2, 3, 3, 4, 4, 4, 4, 12]),
    case("negative-difference-12-10", rng.normal(3, 1, 12), rng.normal(1, 0.3, 10)),
    case("trim-0.1-n15", rng.normal(0, 1, 15), rng.exponential(1, 15), trim=0.1),
    case("trim-0.25-90pct", rng.normal(0, 1, 16), rng.normal(0.2, 1, 13), trim=0.25, confidence=0.9),
    case("welch-gamma0", rng.normal(0, 1, 9), rng.normal(0.7, 2, 12), trim=0.0),
]

with open(os.path.join(HERE, "yuen.json"), "w") as out:
    json.dump({"scipy": scipy.__version__, "seed": SEED, "cases": cases}, out, indent=1)
    out.write("\n")
print(f"wrote {len(cases)} cases with scipy {scipy.__version__}")
