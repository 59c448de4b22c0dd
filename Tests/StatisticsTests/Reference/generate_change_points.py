"""Reference change points from Apache Otava 0.8.0 (pip install apache-otava==0.8.0).

Writes change_points.json next to this file: for each committed series, E-divisive's first
candidate over the whole series (otava PairDistanceCalculator) and the change points and weak
points of otava's compute_change_points (Hunter: split + merge) at several settings.

Run: python3 -m venv /tmp/otava && /tmp/otava/bin/pip install apache-otava==0.8.0 &&
     /tmp/otava/bin/python Tests/StatisticsTests/Reference/generate_change_points.py
"""
import json
import math
import pathlib

import numpy as np
from otava.analysis import compute_change_points, split
from otava.change_point_divisive.calculator import PairDistanceCalculator

rng = np.random.default_rng(20231114)


def steps(levels, lengths, sd):
    out = []
    for level, n in zip(levels, lengths):
        out.extend(level + sd * rng.standard_normal(n))
    return [float(v) for v in out]


series = {
    "flat-60": steps([100], [60], 1.0),
    "one-step-40": steps([100, 110], [20, 20], 1.0),
    "two-steps-90": steps([100, 105, 98], [30, 30, 30], 1.5),
    "small-step-120": steps([1000, 1010], [70, 50], 4.0),
    "many-steps-200": steps([50, 55, 52, 60, 60.5, 45], [40, 30, 35, 45, 20, 30], 1.0),
    "short-8": steps([10, 20], [4, 4], 0.5),
    "noisy-no-step-150": steps([10], [150], 2.0),
    "spike-70": steps([200, 260, 200], [30, 3, 37], 2.0),
    "instruction-counts-60": [float(round(v)) for v in steps([2.833e6, 2.795e6, 2.80e6], [20, 25, 15], 300.0)],
    "drift-100": [float(100 + 0.1 * i + rng.standard_normal()) for i in range(100)],
}

settings = [
    {"windowLength": 50, "maxPValue": 0.001, "minMagnitude": 0.0},
    {"windowLength": 30, "maxPValue": 0.01, "minMagnitude": 0.0},
    {"windowLength": 20, "maxPValue": 0.05, "minMagnitude": 0.02},
]


def point(cp):
    s = cp.stats
    p = float(s.pvalue)
    return {
        "index": int(cp.index),
        "pValue": None if math.isnan(p) else p,
        "meanBefore": float(s.mean_1),
        "meanAfter": float(s.mean_2),
        "sdBefore": float(s.std_1),
        "sdAfter": float(s.std_2),
    }


cases = []
for name, values in series.items():
    calc = PairDistanceCalculator(np.array(values, dtype=np.float64))
    first = calc.get_candidate_change_point(slice(0, len(values)))
    results = []
    for setting in settings:
        cps, _ = compute_change_points(
            list(values),
            window_len=setting["windowLength"],
            max_pvalue=setting["maxPValue"],
            min_magnitude=setting["minMagnitude"],
        )
        # compute_change_points returns the merged list twice (merge() deletes from the weak list in
        # place), so the weak points of the split step are computed here with otava's own split().
        p = setting["maxPValue"]
        first_pass = p * 10 if p < 0.05 else (p * 2 if p < 0.5 else p)
        weak = split(list(values), setting["windowLength"], first_pass)
        results.append({**setting, "changePoints": [point(c) for c in cps], "weak": [point(c) for c in weak]})
    cases.append(
        {"name": name, "values": values, "firstCandidate": {"index": int(first.index), "qhat": float(first.qhat)},
         "results": results}
    )

out = pathlib.Path(__file__).with_name("change_points.json")
out.write_text(json.dumps({"generator": "apache-otava 0.8.0", "cases": cases}, indent=1) + "\n")
print(f"wrote {out} ({len(cases)} series)")
