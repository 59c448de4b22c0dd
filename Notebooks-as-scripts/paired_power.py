"""Paired analysis on real interleaved data: how often `benchstat analyze` detects a small real
change with and without `--paired`.

Each repetition runs `benchstat measure` on two shell loops (base: N iterations, head: N * (1 + EFFECT)
iterations, interleaved A B A B ...) and analyses the same files twice, once unpaired (the default
Welch test on logs) and once with `--paired` (the paired t-test on log ratios), with a 1% threshold.
Every statistic comes from the benchstat binary.

    python3 Notebooks-as-scripts/paired_power.py [repetitions]   # BENCHSTAT=/path/to/benchstat
"""

from __future__ import annotations

import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = pathlib.Path(__file__).resolve().parent / "output"
BASE_LOOP = 2000
EFFECT = 0.05
RUNS = 20


def find_binary() -> pathlib.Path:
    env = os.environ.get("BENCHSTAT")
    candidates = [pathlib.Path(env)] if env else []
    candidates += [ROOT / ".build-calib" / "release" / "benchstat", ROOT / ".build" / "release" / "benchstat",
                   ROOT / ".build-paired" / "debug" / "benchstat"]
    for c in candidates:
        if c.exists():
            return c
    raise SystemExit("benchstat binary not found (set BENCHSTAT=/path/to/benchstat)")


def loop(count: int) -> str:
    return f"sh -c 'i=0; while [ $i -lt {count} ]; do i=$((i+1)); done'"


def analyze(binary: pathlib.Path, runs: pathlib.Path, paired: bool) -> dict:
    args = [str(binary), "analyze", str(runs), "--format", "json", "--threshold", "1"]
    if paired:
        args.append("--paired")
    out = subprocess.run(args, capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        raise SystemExit(out.stderr)
    return json.loads(out.stdout)["comparisons"][0]


def main() -> None:
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    binary = find_binary()
    head_loop = round(BASE_LOOP * (1 + EFFECT))
    rows = []
    for rep in range(repetitions):
        with tempfile.TemporaryDirectory() as tmp:
            runs = pathlib.Path(tmp) / "runs"
            subprocess.run(
                [str(binary), "measure", "--runs", str(RUNS), "--name", "base", "--name", "head", "--benchmark",
                 "loop", "-o", str(runs), loop(BASE_LOOP), loop(head_loop)],
                capture_output=True, text=True, check=True)
            unpaired = analyze(binary, runs, paired=False)
            paired = analyze(binary, runs, paired=True)
        rows.append((rep, unpaired, paired))
        print(f"rep {rep}: unpaired {unpaired['verdict']:12} p={unpaired['pValue']!s:24} "
              f"paired {paired['verdict']:12} p={paired['pValue']!s:24} ({paired['test']})", flush=True)
    detected = {name: sum(r[i]["verdict"] == "regression" for r in rows) for i, name in ((1, "unpaired"), (2, "paired"))}
    medians = {name: statistics.median(r[i]["pValue"] for r in rows) for i, name in ((1, "unpaired"), (2, "paired"))}
    summary = (f"{repetitions} measurements of {RUNS} interleaved rounds, head loop +{EFFECT:.0%} iterations: "
               f"detected {detected['unpaired']}/{repetitions} unpaired (median p {medians['unpaired']:.2g}), "
               f"{detected['paired']}/{repetitions} paired (median p {medians['paired']:.2g})")
    print(summary)
    OUT.mkdir(exist_ok=True)
    (OUT / "paired_power.txt").write_text(summary + "\n")


if __name__ == "__main__":
    main()
