#!/usr/bin/env python3
"""Writes reference.json: independent reference values for the Statistics module.

Run from anywhere:  python3 Tests/StatisticsTests/Reference/generate_reference.py
Needs numpy, scipy and statsmodels (pip install statsmodels). Deterministic: numpy's
Generator(PCG64) with a fixed seed; floats are written with repr, so they round-trip exactly.

Every reference comes from scipy / numpy / statsmodels where they implement the method, and
otherwise from a direct Python transcription of the definition (noted per section), never from
the Swift code.
"""

import json
import math
import os
from fractions import Fraction

import numpy as np
import scipy
import scipy.stats as st
import statsmodels
from scipy.stats._mannwhitneyu import _MWU
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.power import TTestIndPower
from statsmodels.stats.weightstats import ttost_ind

SEED = 20260125
rng = np.random.default_rng(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))


def f(x):
    """A float for JSON, or None for NaN/inf/None."""
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def floats(xs):
    return [float(x) for x in xs]


# ---------------------------------------------------------------- samples

def sample_zoo():
    """Named samples covering the awkward cases."""
    zoo = []
    for n in [1, 2, 3, 4, 5, 7, 10, 20, 50, 200]:
        zoo.append((f"normal-n{n}", rng.normal(10, 2, n)))
    for n in [2, 3, 8, 30, 100]:
        zoo.append((f"lognormal-n{n}", rng.lognormal(0, 0.5, n)))
    zoo.append(("tiny-scale", rng.lognormal(0, 0.3, 12) * 1e-6))
    zoo.append(("huge-scale", rng.lognormal(0, 0.3, 12) * 1e6))
    zoo.append(("near-constant", 1e6 + rng.normal(0, 1e-4, 15)))
    zoo.append(("constant", np.full(6, 3.25)))
    zoo.append(("ties-integers", rng.integers(0, 4, 25).astype(float)))
    zoo.append(("two-values", np.array([1.0, 2.0] * 5)))
    zoo.append(("outlier", np.append(rng.normal(100, 1, 19), 160.0)))
    zoo.append(("negative", rng.normal(-5, 3, 9)))
    zoo.append(("bimodal", np.concatenate([rng.normal(10, 0.5, 10), rng.normal(20, 0.5, 10)])))
    zoo.append(("heavy-tail", rng.standard_t(2, 40) + 50))
    return zoo


# ---------------------------------------------------------------- descriptive (numpy/scipy)

def descriptive_cases():
    cases = []
    for name, x in sample_zoo():
        n = len(x)
        var = float(np.var(x, ddof=1)) if n >= 2 else None
        sd = math.sqrt(var) if var is not None else None
        mean = float(np.mean(x))
        cases.append({
            "name": name, "values": floats(x),
            "count": n, "mean": mean, "variance": var, "standardDeviation": sd,
            "median": float(np.median(x)), "minimum": float(np.min(x)), "maximum": float(np.max(x)),
            "mad": float(st.median_abs_deviation(x, scale=1.0)),
            "scaledMAD": float(st.median_abs_deviation(x, scale=1 / 1.4826)),
            "cv": (sd / abs(mean)) if (sd is not None and mean != 0) else None,
            "quantileLevels": [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0],
            "quantiles": [float(np.percentile(x, 100 * p, method="linear")) for p in [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0]],
        })
    return cases


# ---------------------------------------------------------------- two-sample pairs

def pairs():
    """(name, base, head) pairs for the two-sample tests."""
    out = []
    for nb, nh in [(2, 2), (2, 3), (3, 3), (3, 7), (5, 5), (8, 12), (10, 10), (20, 35), (50, 50), (100, 80)]:
        for shift in [0.0, 0.3, 2.0]:
            b = rng.normal(10, 1, nb)
            h = rng.normal(10 + shift, 1.5, nh)
            out.append((f"normal-{nb}x{nh}-shift{shift}", b, h))
    out.append(("tiny-p", rng.normal(100, 0.1, 40), rng.normal(103, 0.1, 40)))
    out.append(("very-tiny-p", rng.normal(100, 0.01, 60), rng.normal(101, 0.01, 60)))
    out.append(("scale-1e-6", rng.lognormal(0, 0.2, 9) * 1e-6, rng.lognormal(0.1, 0.2, 11) * 1e-6))
    out.append(("scale-1e6", rng.lognormal(0, 0.2, 9) * 1e6, rng.lognormal(-0.1, 0.2, 11) * 1e6))
    out.append(("near-constant", 5e5 + rng.normal(0, 1e-3, 10), 5e5 + 1e-3 + rng.normal(0, 1e-3, 10)))
    out.append(("one-side-constant", np.full(5, 7.0), rng.normal(7.5, 0.5, 6)))
    out.append(("ties", rng.integers(0, 5, 15).astype(float), rng.integers(1, 6, 12).astype(float)))
    out.append(("unequal-variance", rng.normal(0, 0.1, 6), rng.normal(1, 5, 30)))
    out.append(("lognormal-walltime", rng.lognormal(np.log(1e-3), 0.2, 25), rng.lognormal(np.log(1.05e-3), 0.25, 25)))
    return out


DEGENERATE_PAIRS = [
    ("both-constant-different", [2.0, 2.0, 2.0], [3.0, 3.0], "zeroVariance"),
    ("both-constant-equal", [4.0, 4.0, 4.0], [4.0, 4.0, 4.0, 4.0], "identicalConstantSamples"),
    ("n1-each", [1.0], [2.0], "tooFewSamples"),
]


def ttest_cases():
    cases = []
    for name, b, h in pairs():
        for equal in [False, True]:
            for conf in ([0.95] if len(b) > 3 else [0.9, 0.95, 0.99]):
                r = st.ttest_ind(h, b, equal_var=equal)
                ci = r.confidence_interval(confidence_level=conf)
                cases.append({
                    "name": f"{name}-{'student' if equal else 'welch'}-{conf}", "base": floats(b), "head": floats(h),
                    "equalVariances": equal, "confidence": conf,
                    "meanDifference": float(np.mean(h) - np.mean(b)), "t": f(r.statistic), "df": f(r.df),
                    "p": f(r.pvalue), "ciLower": f(ci.low), "ciUpper": f(ci.high), "degeneracy": None,
                })
    for name, b, h, reason in DEGENERATE_PAIRS:
        for equal in [False, True]:
            expected = reason
            if reason == "tooFewSamples" and equal:
                expected = "tooFewSamples"  # n1 + n2 = 2 < 3
            cases.append({
                "name": f"{name}-{'student' if equal else 'welch'}", "base": b, "head": h, "equalVariances": equal,
                "confidence": 0.95, "meanDifference": float(np.mean(h) - np.mean(b)), "t": None, "df": None,
                "p": None, "ciLower": None, "ciUpper": None, "degeneracy": expected,
            })
    return cases


def geomean_cases():
    cases = []
    for name, b, h in pairs():
        if min(b.min(), h.min()) <= 0:
            continue
        lb, lh = np.log(b), np.log(h)
        r = st.ttest_ind(lh, lb, equal_var=False)
        ci = r.confidence_interval(confidence_level=0.95)
        cases.append({
            "name": name, "base": floats(b), "head": floats(h), "confidence": 0.95,
            "ratio": float(np.exp(np.mean(lh) - np.mean(lb))), "p": f(r.pvalue),
            "ciLower": float(np.exp(ci.low)), "ciUpper": float(np.exp(ci.high)),
        })
    return cases


# ---------------------------------------------------------------- Mann–Whitney

def exact_u_counts(m, n):
    """Exact counts of U for sizes m, n by the counting recursion, in Python integers."""
    table = [[1] for _ in range(m + 1)]
    for j in range(1, n + 1):
        for i in range(1, m + 1):
            prev, shifted = table[i], table[i - 1]
            nxt = [0] * (i * j + 1)
            for u, c in enumerate(prev):
                nxt[u] += c
            for u, c in enumerate(shifted):
                nxt[u + j] += c
            table[i] = nxt
    return table[m]


def exact_two_sided_p(u_max, m, n):
    counts = exact_u_counts(m, n)
    tail = sum(counts[int(u_max):])
    return float(min(Fraction(1), Fraction(2 * tail, sum(counts))))


EXACT_LIMIT = 50


def mwu_cases():
    cases = []
    specs = []
    for m, n in [(1, 1), (1, 4), (2, 2), (2, 5), (3, 3), (3, 8), (4, 6), (5, 5), (6, 8), (8, 8), (7, 20),
                 (8, 40), (12, 15), (20, 20), (30, 45), (50, 50)]:
        for shift in [0.0, 1.0, 4.0]:
            specs.append((f"continuous-{m}x{n}-shift{shift}", rng.normal(0, 1, n), rng.normal(shift, 1, m)))
    specs.append(("separated-50x50", rng.normal(0, 1, 50), rng.normal(100, 1, 50)))
    specs.append(("separated-8x8", rng.normal(0, 1, 8), rng.normal(100, 1, 8)))
    for m, n in [(5, 5), (10, 12), (30, 30), (60, 70), (200, 150)]:
        specs.append((f"ties-{m}x{n}", rng.integers(0, 6, n).astype(float), rng.integers(1, 7, m).astype(float)))
    for m, n in [(51, 60), (80, 100), (300, 250)]:
        specs.append((f"large-{m}x{n}", rng.normal(0, 1, n), rng.normal(0.2, 1, m)))
    specs.append(("all-identical", np.full(5, 2.5), np.full(4, 2.5)))
    specs.append(("one-value-each-tied", np.array([1.0]), np.array([1.0])))
    for name, b, h in specs:
        m, n = len(h), len(b)
        pooled = np.concatenate([b, h])
        ties = len(np.unique(pooled)) < len(pooled)
        if len(np.unique(pooled)) == 1:
            cases.append({"name": name, "base": floats(b), "head": floats(h), "u": m * n / 2, "p": 1.0,
                          "method": "normalApproximation", "degeneracy": "allValuesIdentical",
                          "scipyExactP": None, "asymptoticP": 1.0})
            continue
        exact = (not ties) and m <= EXACT_LIMIT and n <= EXACT_LIMIT
        method = "exact" if exact else "asymptotic"
        r = st.mannwhitneyu(h, b, method=method, use_continuity=True, alternative="two-sided")
        u1 = float(r.statistic)
        entry = {"name": name, "base": floats(b), "head": floats(h), "u": u1,
                 "method": "exact" if exact else "normalApproximation", "degeneracy": None}
        if exact:
            u_max = max(u1, m * n - u1)
            entry["p"] = exact_two_sided_p(u_max, m, n)  # exact rational arithmetic, then rounded
            entry["scipyExactP"] = float(r.pvalue)
        else:
            entry["p"] = float(r.pvalue)
            entry["scipyExactP"] = None
        # The normal approximation for every case, to test the forced approximation (exactLimit: 0).
        entry["asymptoticP"] = float(st.mannwhitneyu(h, b, method="asymptotic", use_continuity=True).pvalue)
        cases.append(entry)
    return cases


# ---------------------------------------------------------------- Hodges–Lehmann / Moses

def hl_reference(b, h, conf):
    m, n = len(h), len(b)
    d = np.sort(np.subtract.outer(np.asarray(h, float), np.asarray(b, float)).ravel())
    N = m * n
    est = float(np.median(d))
    alpha_half = (1 - conf) / 2
    if m <= EXACT_LIMIT and n <= EXACT_LIMIT:
        dist = _MWU(m, n)  # scipy's exact null distribution of U
        k = 0
        while k < N and float(dist.cdf(np.array([k]))[0]) <= alpha_half:
            k += 1
        order = max(1, k)
        achieved = 1 - 2 * float(dist.cdf(np.array([order - 1]))[0])
        method = "exact"
    else:
        mean = N / 2
        sigma = math.sqrt(N * (m + n + 1) / 12)
        z = st.norm.ppf(1 - alpha_half)
        k = math.floor(mean + 0.5 - z * sigma)
        order = max(1, k)
        achieved = 1 - 2 * st.norm.cdf((order - 0.5 - mean) / sigma)
        method = "normalApproximation"
    return {"estimate": est, "k": order, "levelReached": k >= 1, "lower": float(d[order - 1]),
            "upper": float(d[N - order]), "achieved": float(achieved), "method": method}


def hl_cases():
    cases = []
    for m, n in [(1, 1), (2, 2), (3, 3), (3, 4), (4, 4), (5, 5), (5, 9), (8, 8), (10, 7), (15, 20), (30, 30),
                 (50, 50), (51, 40), (100, 120)]:
        for conf in [0.9, 0.95, 0.99]:
            b = rng.lognormal(0, 0.3, n)
            h = rng.lognormal(0.1, 0.3, m)
            ref = hl_reference(b, h, conf)
            cases.append({"name": f"lognormal-{m}x{n}-{conf}", "base": floats(b), "head": floats(h),
                          "confidence": conf, **ref})
    b = rng.integers(0, 5, 12).astype(float)
    h = rng.integers(1, 6, 10).astype(float)
    cases.append({"name": "ties", "base": floats(b), "head": floats(h), "confidence": 0.95, **hl_reference(b, h, 0.95)})
    b = np.log(rng.lognormal(np.log(2e-6), 0.1, 10))
    h = np.log(rng.lognormal(np.log(2.2e-6), 0.1, 10))
    cases.append({"name": "log-of-1e-6-scale", "base": floats(b), "head": floats(h), "confidence": 0.95,
                  **hl_reference(b, h, 0.95)})
    return cases


# ---------------------------------------------------------------- median CI (binomial definition)

def median_ci_reference(x, conf):
    xs = np.sort(np.asarray(x, float))
    n = len(xs)

    def coverage(k):
        return 1 - 2 * st.binom.cdf(k - 1, n, 0.5)

    k = 0
    while k + 1 <= (n + 1) // 2 and coverage(k + 1) >= conf:
        k += 1
    order = max(1, k)
    return {"median": float(np.median(xs)), "k": order, "levelReached": k >= 1, "lower": float(xs[order - 1]),
            "upper": float(xs[n - order]), "achieved": float(coverage(order))}


def median_ci_cases():
    cases = []
    for n in [1, 2, 3, 5, 6, 7, 8, 10, 15, 20, 31, 50, 100, 257]:
        for conf in [0.9, 0.95, 0.99]:
            x = rng.lognormal(0, 0.4, n)
            cases.append({"name": f"n{n}-{conf}", "values": floats(x), "confidence": conf, **median_ci_reference(x, conf)})
    x = rng.integers(0, 3, 30).astype(float)
    cases.append({"name": "ties", "values": floats(x), "confidence": 0.95, **median_ci_reference(x, 0.95)})
    return cases


# ---------------------------------------------------------------- multiple comparisons (statsmodels, scipy)

def multiple_cases():
    families = []
    for m in [1, 2, 3, 5, 10, 51]:
        families.append((f"uniform-m{m}", rng.uniform(0, 1, m)))
        families.append((f"mixed-m{m}", np.concatenate([rng.uniform(0, 1e-3, (m + 1) // 2), rng.uniform(0, 1, m // 2)])))
    families.append(("ties", np.array([0.01, 0.01, 0.04, 0.04, 0.04, 0.5, 0.01])))
    families.append(("extremes", np.array([0.0, 1.0, 1e-300, 0.05, 1.0, 0.0])))
    families.append(("tiny", np.array([1e-20, 3e-15, 2e-12, 0.2])))
    families.append(("all-one", np.ones(4)))
    cases = []
    for name, p in families:
        bonf = multipletests(p, method="bonferroni")[1]
        holm = multipletests(p, method="holm")[1]
        bh = multipletests(p, method="fdr_bh")[1]
        bh_scipy = st.false_discovery_control(p, method="bh")
        assert np.allclose(bh, bh_scipy, rtol=1e-13, atol=0)
        cases.append({"name": name, "p": floats(p), "bonferroni": floats(bonf), "holm": floats(holm),
                      "benjaminiHochberg": floats(bh), "benjaminiHochbergScipy": floats(bh_scipy)})
    return cases


# ---------------------------------------------------------------- TOST (statsmodels)

def tost_cases():
    cases = []
    for n_b, n_h, ratio, sigma, margin in [(5, 5, 1.0, 0.02, 0.05), (10, 12, 1.01, 0.02, 0.05), (3, 4, 1.0, 0.05, 0.02),
                                           (20, 20, 1.04, 0.03, 0.05), (30, 25, 0.97, 0.01, 0.02),
                                           (8, 8, 1.2, 0.05, 0.05), (50, 50, 1.001, 0.005, 0.01),
                                           (6, 9, 0.99, 0.1, 0.1), (15, 15, 1.0, 0.001, 0.01), (2, 3, 1.0, 0.01, 0.05)]:
        for alpha in [0.05, 0.1]:
            b = np.log(rng.lognormal(np.log(1e-3), sigma, n_b))
            h = np.log(rng.lognormal(np.log(1e-3 * ratio), sigma, n_h))
            low, upp = math.log(1 - margin), math.log(1 + margin)
            p, (t1, p1, df1), (t2, p2, df2) = ttost_ind(h, b, low, upp, usevar="unequal")
            cases.append({"name": f"{n_b}x{n_h}-ratio{ratio}-sd{sigma}-m{margin}-a{alpha}", "base": floats(b),
                          "head": floats(h), "lower": low, "upper": upp, "alpha": alpha, "p": float(p),
                          "pLower": float(p1), "pUpper": float(p2), "df": float(df1),
                          "equivalent": bool(p <= alpha)})
    return cases


# ---------------------------------------------------------------- power (statsmodels)

def power_cases():
    solver = TTestIndPower()
    cases = []
    for effect, sd, alpha, target in [(0.5, 1, 0.05, 0.8), (0.2, 1, 0.05, 0.8), (1.0, 1, 0.05, 0.9), (2.0, 1, 0.05, 0.8),
                                      (3.0, 1, 0.05, 0.8), (0.05, 1, 0.05, 0.8), (0.8, 1, 0.01, 0.95),
                                      (math.log(1.02), 0.01, 0.05, 0.8), (math.log(1.05), 0.1, 0.05, 0.8),
                                      (math.log(1.01), 0.03, 0.05, 0.9), (-0.4, 1, 0.05, 0.8), (0.3, 2, 0.1, 0.7),
                                      (1.5, 0.5, 0.05, 0.99), (0.01, 1, 0.05, 0.8), (5.0, 1, 0.05, 0.5),
                                      (0.7, 1, 0.2, 0.6), (math.log(0.98), 0.02, 0.05, 0.8), (0.25, 1, 0.001, 0.9),
                                      (4.0, 1, 0.05, 0.999), (1.2, 1.0, 0.05, 0.8)]:
        d = abs(effect) / sd

        def pw(n):
            return float(solver.power(effect_size=d, nobs1=n, alpha=alpha, ratio=1.0, alternative="two-sided"))

        n = 2
        if pw(2) < target:
            lo, hi = 2, 4
            while pw(hi) < target:
                lo, hi = hi, hi * 2
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if pw(mid) >= target:
                    hi = mid
                else:
                    lo = mid
            n = hi
        try:
            solved = float(solver.solve_power(effect_size=d, alpha=alpha, power=target, ratio=1.0))
        except Exception:  # pragma: no cover
            solved = None
        # statsmodels' noncentral t (scipy/Boost nct) returns NaN far in the tail; keep finite probes.
        probe = [k for k in sorted({2, max(2, n - 1), n, n + 1, 3 * n}) if math.isfinite(pw(k))]
        cases.append({"name": f"effect{effect:.4g}-sd{sd}-a{alpha}-p{target}", "effect": effect,
                      "standardDeviation": sd, "alpha": alpha, "power": target, "samplesPerSide": n,
                      "solvePower": f(solved), "probeN": probe, "probePower": [pw(k) for k in probe]})
    return cases


# ---------------------------------------------------------------- Tukey fences (GSL type-7 formula)

def gsl_quantile(sorted_x, p):
    """gsl_stats_quantile_from_sorted_data: the same type-7 arithmetic as GSL."""
    n = len(sorted_x)
    index = (n - 1) * p
    lhs = int(math.floor(index))
    delta = index - lhs
    if n == 0:
        return 0.0
    if lhs == n - 1:
        return float(sorted_x[lhs])
    return float((1 - delta) * sorted_x[lhs] + delta * sorted_x[lhs + 1])


def outlier_cases():
    cases = []
    for name, x in sample_zoo():
        for log_scale in [False, True]:
            if log_scale and np.min(x) <= 0:
                continue
            for k in [1.5, 3.0]:
                y = np.log(x) if log_scale else np.asarray(x, float)
                s = np.sort(y)
                q1, q3 = gsl_quantile(s, 0.25), gsl_quantile(s, 0.75)
                assert abs(q1 - np.percentile(y, 25)) <= 1e-12 * max(1, abs(q1))
                iqr = q3 - q1
                lo, hi = q1 - k * iqr, q3 + k * iqr
                low = [int(i) for i in np.nonzero(y < lo)[0]]
                high = [int(i) for i in np.nonzero(y > hi)[0]]
                conv = (lambda v: math.exp(v)) if log_scale else (lambda v: v)
                cases.append({"name": f"{name}-{'log' if log_scale else 'linear'}-k{k}", "values": floats(x),
                              "k": k, "logScale": log_scale, "low": low, "high": high,
                              "lowerFence": conv(lo), "upperFence": conv(hi)})
    return cases


# ---------------------------------------------------------------- bootstrap (scipy.stats.bootstrap)

def bootstrap_cases():
    cases = []
    x = rng.lognormal(0, 0.5, 30)
    for method in ["percentile", "BCa"]:
        r = st.bootstrap((x,), np.mean, n_resamples=200_000, confidence_level=0.95, method=method,
                         rng=np.random.default_rng(SEED))
        cases.append({"name": f"mean-lognormal30-{method}", "kind": "oneSample", "statistic": "mean",
                      "base": [], "head": floats(x), "method": method, "confidence": 0.95,
                      "lower": float(r.confidence_interval.low), "upper": float(r.confidence_interval.high),
                      "standardError": float(r.standard_error)})
    b = rng.lognormal(0, 0.3, 25)
    h = rng.lognormal(0.1, 0.3, 20)

    def ratio(u, v, axis=-1):
        return np.mean(v, axis=axis) / np.mean(u, axis=axis)

    for method in ["percentile", "BCa"]:
        r = st.bootstrap((b, h), ratio, n_resamples=200_000, confidence_level=0.9, method=method,
                         rng=np.random.default_rng(SEED + 1))
        cases.append({"name": f"ratio-of-means-25x20-{method}", "kind": "twoSample", "statistic": "ratioOfMeans",
                      "base": floats(b), "head": floats(h), "method": method, "confidence": 0.9,
                      "lower": float(r.confidence_interval.low), "upper": float(r.confidence_interval.high),
                      "standardError": float(r.standard_error)})
    return cases


# ---------------------------------------------------------------- Student t tails (mpmath, 50 digits)

def t_tail_cases():
    """P(T > t) from the regularized incomplete beta in 50-digit mpmath, and quantiles from scipy.
    Includes the region where GSL's gsl_cdf_tdist_Q (Cornish–Fisher for df > 30) is off by ~1e-6."""
    import mpmath as mp
    mp.mp.dps = 50
    points = [(23.0, 53.3), (18.687, 52.72), (10.4, 36.98), (12.0, 30.5), (3.0, 5.5), (0.5, 1000.0), (1e-8, 5.0),
              (0.9, 0.7), (40.0, 78.0), (100.0, 4.0), (5.0, 1e4), (2.0, 9e4), (1.0, 2.0), (7.5, 31.0), (30.0, 200.0)]
    for _ in range(25):
        points.append((float(rng.uniform(0, 40)), float(np.exp(rng.uniform(0, 11)))))
    cases = []
    for t, df in points:
        x = mp.mpf(df) / (mp.mpf(df) + mp.mpf(t) ** 2)
        q = mp.betainc(mp.mpf(df) / 2, mp.mpf(1) / 2, 0, x, regularized=True) / 2
        if q < mp.mpf("1e-290"):
            continue
        cases.append({"t": t, "df": df, "survival": float(q)})
    quantiles = []
    for p in [0.5, 0.9, 0.975, 0.995, 0.9995, 1e-6]:
        for df in [1.0, 2.5, 7.0, 31.0, 45.7, 120.0, 5000.0]:
            quantiles.append({"p": p, "df": df, "quantile": float(st.t.ppf(p, df))})
    return {"tails": cases, "quantiles": quantiles}


# ---------------------------------------------------------------- NIST StRD univariate

NIST_DIR = os.path.join(HERE, "NIST")


def read_nist(name):
    """(values as decimal strings, certified dict) from a NIST/<name>.dat file of this repository."""
    values, certified = [], {}
    with open(os.path.join(NIST_DIR, f"{name}.dat")) as handle:
        for line in handle:
            line = line.strip()
            if line.startswith("# certified "):
                key, value = line[len("# certified "):].split(":")
                certified[key.strip()] = value.strip()
            elif line and not line.startswith("#"):
                values.append(line)
    return values, certified


def nist_cases():
    """For each dataset: the certified mean/sd, and the exact mean/sd of the values *as doubles*
    (exact rational arithmetic), the best any double-precision program can reach."""
    cases = []
    for name in ["NumAcc1", "NumAcc2", "NumAcc3", "NumAcc4", "Lew", "Michelso"]:
        values, certified = read_nist(name)
        exact_decimal = [Fraction(v) for v in values]
        as_double = [Fraction(float(v)) for v in values]

        def mean_sd(xs):
            n = len(xs)
            m = sum(xs) / n
            var = sum((x - m) ** 2 for x in xs) / (n - 1)
            return float(m), math.sqrt(float(var)) if var < 1e300 else None

        m_dec, sd_dec = mean_sd(exact_decimal)
        m_dbl, sd_dbl = mean_sd(as_double)
        assert abs(m_dec - float(certified["mean"])) <= 1e-15 * abs(m_dec), name
        assert abs(sd_dec - float(certified["standard deviation"])) <= 1e-14 * sd_dec, name
        cases.append({"name": name, "count": len(values), "certifiedMean": float(certified["mean"]),
                      "certifiedStandardDeviation": float(certified["standard deviation"]),
                      "meanOfDoubles": m_dbl, "standardDeviationOfDoubles": sd_dbl})
    return cases


def main():
    ref = {
        "generator": "Tests/StatisticsTests/Reference/generate_reference.py",
        "seed": SEED,
        "versions": {"scipy": scipy.__version__, "numpy": np.__version__, "statsmodels": statsmodels.__version__},
        "descriptive": descriptive_cases(),
        "tTest": ttest_cases(),
        "geometricMeanRatio": geomean_cases(),
        "mannWhitney": mwu_cases(),
        "hodgesLehmann": hl_cases(),
        "medianCI": median_ci_cases(),
        "multipleComparisons": multiple_cases(),
        "equivalence": tost_cases(),
        "power": power_cases(),
        "outliers": outlier_cases(),
        "bootstrap": bootstrap_cases(),
        "nist": nist_cases(),
        "studentT": t_tail_cases(),
    }
    counts = {k: len(v) for k, v in ref.items() if isinstance(v, list)}
    ref["caseCounts"] = counts
    with open(os.path.join(HERE, "reference.json"), "w") as out:
        json.dump(ref, out, indent=1, allow_nan=False)
        out.write("\n")
    print(counts, "total", sum(counts.values()))


if __name__ == "__main__":
    main()
