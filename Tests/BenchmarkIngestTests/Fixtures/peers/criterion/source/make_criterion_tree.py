#!/usr/bin/env python3
"""Writes a criterion.rs (0.5.x) `target/criterion/` tree with SYNTHETIC numbers.

criterion.rs cannot be built here (no crates registry), so this script reproduces
its on-disk format from the upstream source (see ../README.md for files/commits):

  <out>/<directory_name>/new/{benchmark.json,estimates.json,sample.json,tukey.json}
  <out>/<directory_name>/base/   same four files (copy of new/ made by --save-baseline)
  <out>/<directory_name>/change/estimates.json   (only when compared against a baseline)

All files are compact JSON exactly as `serde_json::to_string` writes them
(no whitespace, struct-field order, f64 always with a fractional part or exponent).

usage: make_criterion_tree.py base|head OUTDIR
  base: state after `cargo bench` (default --save-baseline base): new/ == base/
  head: state after a later `cargo bench -- --baseline base` on the head code:
        base/ = the base run, new/ = the head run, change/estimates.json = head vs base.
The statistics (mean/median/MAD/std_dev/slope, bootstrap CIs, Tukey fences) are
computed from the synthetic samples the way criterion does, but with 2,000
bootstrap resamples instead of criterion's default 100,000.
"""
import json
import math
import os
import random
import shutil
import sys

SAMPLE_SIZE = 100          # criterion default sample_size
MEASUREMENT_NS = 5e9       # criterion default measurement_time (5 s)
CL = 0.95                  # criterion default confidence_level
NRESAMPLES = 2000          # criterion default is 100_000; fewer here to keep the script fast

# (group_id, function_id, value_str, throughput, base ns/iter, head ns/iter)
BENCHES = [
    ("fib", "iterative", None, None, 18.4, 18.4),           # unchanged
    ("fib", None, "20", None, 21350.0, 23600.0),            # regressed ~10.5%
    ("sort", "std", "1000", {"Elements": 1000}, 8200.0, 8200.0),      # unchanged
    ("sort", "unstable", "1000", {"Elements": 1000}, 5100.0, 5650.0),  # regressed ~10.8%
]


def dumps(obj):
    """serde_json::to_string equivalent for our data (compact, f64 keeps '.0')."""
    def conv(o):
        if isinstance(o, float):
            r = repr(o)
            if "e" in r:   # serde_json/ryu: 1e-5, 1.5e16 (no '+', no leading zeros)
                mant, exp = r.split("e")
                r = mant + "e" + str(int(exp))
            return r
        if o is None:
            return "null"
        if isinstance(o, bool):
            return "true" if o else "false"
        if isinstance(o, int):
            return str(o)
        if isinstance(o, str):
            return json.dumps(o, ensure_ascii=False)
        if isinstance(o, (list, tuple)):
            return "[" + ",".join(conv(x) for x in o) + "]"
        if isinstance(o, dict):
            return "{" + ",".join(json.dumps(k) + ":" + conv(v) for k, v in o.items()) + "}"
        raise TypeError(type(o))
    return conv(obj)


def percentile(sorted_xs, p):
    # criterion stats::univariate::Percentiles::at
    rank = (p / 100.0) * (len(sorted_xs) - 1)
    lo = math.floor(rank)
    frac = rank - lo
    if frac == 0.0:
        return sorted_xs[lo]
    return sorted_xs[lo] + (sorted_xs[lo + 1] - sorted_xs[lo]) * frac


def mean(xs):
    return sum(xs) / len(xs)


def std_dev(xs):
    m = mean(xs)
    return math.sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - 1))


def median(xs):
    return percentile(sorted(xs), 50.0)


def mad(xs):
    med = median(xs)
    return median([abs(x - med) for x in xs]) * 1.4826


def slope(iters, times):
    return sum(x * y for x, y in zip(iters, times)) / sum(x * x for x in iters)


def estimate(point, dist):
    s = sorted(dist)
    return {
        "confidence_interval": {
            "confidence_level": CL,
            "lower_bound": percentile(s, 50.0 * (1.0 - CL)),
            "upper_bound": percentile(s, 50.0 * (1.0 + CL)),
        },
        "point_estimate": point,
        "standard_error": std_dev(dist),
    }


def sample(rng, ns_per_iter):
    # Linear sampling: iters = d, 2d, ..., n*d (criterion ActualSamplingMode::Linear)
    n = SAMPLE_SIZE
    d = max(1, math.ceil(MEASUREMENT_NS / ns_per_iter / (n * (n + 1) / 2)))
    iters = [float(d * k) for k in range(1, n + 1)]
    times = []
    for it in iters:
        noise = rng.gauss(0.0, 0.015)
        if rng.random() < 0.04:       # occasional slow sample -> Tukey outliers
            noise += rng.uniform(0.05, 0.15)
        t = it * ns_per_iter * (1.0 + noise) + rng.uniform(20.0, 60.0)
        times.append(float(round(t)))   # wall-clock nanoseconds, integral like Instant
    return iters, times


def analyse(rng, iters, times):
    avg = [t / i for i, t in zip(iters, times)]
    s = sorted(avg)
    q1, q3 = percentile(s, 25.0), percentile(s, 75.0)
    iqr = q3 - q1
    fences = [q1 - 3 * iqr, q1 - 1.5 * iqr, q3 + 1.5 * iqr, q3 + 3 * iqr]
    dm, dmed, dmad, dsd, dslope = [], [], [], [], []
    n = len(avg)
    for _ in range(NRESAMPLES):
        idx = [rng.randrange(n) for _ in range(n)]
        r = [avg[j] for j in idx]
        dm.append(mean(r)); dsd.append(std_dev(r)); dmed.append(median(r)); dmad.append(mad(r))
        dslope.append(slope([iters[j] for j in idx], [times[j] for j in idx]))
    estimates = {
        "mean": estimate(mean(avg), dm),
        "median": estimate(median(avg), dmed),
        "median_abs_dev": estimate(mad(avg), dmad),
        "slope": estimate(slope(iters, times), dslope),
        "std_dev": estimate(std_dev(avg), dsd),
    }
    return avg, fences, estimates


def change(rng, avg_new, avg_base):
    def stats(a, b):
        return mean(a) / mean(b) - 1.0, median(a) / median(b) - 1.0
    dmean, dmed = [], []
    for _ in range(NRESAMPLES):
        a = [rng.choice(avg_new) for _ in avg_new]
        b = [rng.choice(avg_base) for _ in avg_base]
        m, md = stats(a, b)
        dmean.append(m); dmed.append(md)
    m, md = stats(avg_new, avg_base)
    return {"mean": estimate(m, dmean), "median": estimate(md, dmed)}


def filename_safe(s):
    for c in '?"/\\*<>:|^':
        s = s.replace(c, "_")
    return s[:64]


def benchmark_id(group, func, value, throughput):
    if func is not None and value is not None:
        full = f"{group}/{func}/{value}"
        dirn = f"{filename_safe(group)}/{filename_safe(func)}/{filename_safe(value)}"
    elif func is not None:
        full = f"{group}/{func}"
        dirn = f"{filename_safe(group)}/{filename_safe(func)}"
    elif value is not None:
        full = f"{group}/{value}"
        dirn = f"{filename_safe(group)}/{filename_safe(value)}"
    else:
        full = group
        dirn = filename_safe(group)
    return {
        "group_id": group,
        "function_id": func,
        "value_str": value,
        "throughput": throughput,
        "full_id": full,
        "directory_name": dirn,
        "title": full,
    }


def write_run(dirpath, bid, iters, times, fences, estimates):
    os.makedirs(dirpath, exist_ok=True)
    files = {
        "tukey.json": fences,
        "sample.json": {"sampling_mode": "Linear", "iters": iters, "times": times},
        "estimates.json": estimates,
        "benchmark.json": bid,
    }
    for name, obj in files.items():
        with open(os.path.join(dirpath, name), "w") as f:
            f.write(dumps(obj))


def main():
    variant, out = sys.argv[1], sys.argv[2]
    if os.path.exists(out):
        shutil.rmtree(out)
    for k, (group, func, value, thr, base_ns, head_ns) in enumerate(BENCHES):
        bid = benchmark_id(group, func, value, thr)
        root = os.path.join(out, bid["directory_name"])
        rng = random.Random(1000 + k)
        b_iters, b_times = sample(rng, base_ns)
        b_avg, b_fences, b_est = analyse(rng, b_iters, b_times)
        # run 1 (base code): writes new/, then copies new/ -> base/
        write_run(os.path.join(root, "base"), bid, b_iters, b_times, b_fences, b_est)
        if variant == "base":
            write_run(os.path.join(root, "new"), bid, b_iters, b_times, b_fences, b_est)
            continue
        # run 2 (head code) with --baseline base: compares, writes new/ and change/, keeps base/
        h_iters, h_times = sample(rng, head_ns)
        h_avg, h_fences, h_est = analyse(rng, h_iters, h_times)
        write_run(os.path.join(root, "new"), bid, h_iters, h_times, h_fences, h_est)
        os.makedirs(os.path.join(root, "change"), exist_ok=True)
        with open(os.path.join(root, "change", "estimates.json"), "w") as f:
            f.write(dumps(change(rng, h_avg, b_avg)))


if __name__ == "__main__":
    main()
