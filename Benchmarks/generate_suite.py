#!/usr/bin/env python3
"""Writes a synthetic, seeded benchmark suite for load-time measurements of benchstat's ingest.

N benchmarks x S samples x 2 labels (base, head), in two formats:

    <out>/jsonl/base.jsonl, <out>/jsonl/head.jsonl   canonical JSON Lines (DESIGN.md)
    <out>/go/base.txt,      <out>/go/head.txt        Go benchmark text (golang.org/x/perf/benchfmt)

Samples are lognormal around a per-benchmark centre (log-uniform between 10 ns and 10 ms) with
a per-benchmark coefficient of variation between 0.2 % and 8 %; about 3 % of samples are
outliers (x1.2 to x2); about 5 % of benchmarks truly shift in head (-15 % to +15 %). A fifth of
the benchmarks are instrumentation (instruction counts, nearly exact). Same seed, same bytes.

With --runs R > 1, each label is a directory of R files (<out>/jsonl/base/run1.jsonl, ...,
<out>/go/base/run1.txt, ...): sample i of a benchmark goes to run i mod R, and each run of head
carries its own small build-to-build offset (lognormal, sigma 0.5 %), so between-run noise is
exercised. R = 1 (the default) writes the layout above, byte for byte as before.

Usage: python3 Benchmarks/generate_suite.py OUT_DIR [--benchmarks 20000] [--samples 20] [--seed 1] [--runs 1]
"""

import argparse
import json
import math
import os
import random


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--benchmarks", type=int, default=20000)
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    rng = random.Random(args.seed)
    groups = ["parse", "lint", "format", "render", "hash", "sort", "encode", "decode"]
    benchmarks = []
    for index in range(args.benchmarks):
        name = f"{groups[index % len(groups)]}/case-{index:05d}[size={2 ** (index % 12)}]"
        instrumentation = index % 5 == 0
        centre = 10 ** rng.uniform(1, 7)  # ns, or instructions
        if instrumentation:
            centre *= 50
        cv = rng.uniform(0.002, 0.08) if not instrumentation else rng.uniform(0.0001, 0.002)
        shift = rng.uniform(-0.15, 0.15) if rng.random() < 0.05 else 0.0
        benchmarks.append((name, instrumentation, centre, cv, shift))

    os.makedirs(os.path.join(args.out, "jsonl"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "go"), exist_ok=True)
    for label in ("base", "head"):
        if args.runs == 1:
            paths = [(os.path.join(args.out, "jsonl", f"{label}.jsonl"), os.path.join(args.out, "go", f"{label}.txt"))]
        else:
            os.makedirs(os.path.join(args.out, "jsonl", label), exist_ok=True)
            os.makedirs(os.path.join(args.out, "go", label), exist_ok=True)
            paths = [
                (os.path.join(args.out, "jsonl", label, f"run{r + 1}.jsonl"),
                 os.path.join(args.out, "go", label, f"run{r + 1}.txt"))
                for r in range(args.runs)
            ]
        offsets = [1.0] if args.runs == 1 else [math.exp(rng.gauss(0, 0.005)) for _ in range(args.runs)]
        files = [(open(jsonl_path, "w"), open(go_path, "w")) for jsonl_path, go_path in paths]
        for _, go in files:
            go.write("goos: linux\ngoarch: amd64\npkg: example.com/suite\ncpu: synthetic\n")
        for name, instrumentation, centre, cv, shift in benchmarks:
            mean = centre * (1 + shift if label == "head" else 1)
            sigma = math.sqrt(math.log(1 + cv * cv))
            group, case = name.split("/", 1)
            go_name = f"Benchmark{group.capitalize()}/case={case[5:10]}/size={case.split('size=')[1][:-1]}"
            for sample in range(args.samples):
                run = sample % args.runs
                jsonl, go = files[run]
                value = mean * offsets[run] * math.exp(rng.gauss(-sigma * sigma / 2, sigma))
                if not instrumentation and rng.random() < 0.03:
                    value *= rng.uniform(1.2, 2.0)
                if instrumentation:
                    value = round(value)
                    record = {"benchmark": name, "mode": "instrumentation", "unit": "instructions",
                              "value": value}
                    go.write(f"{go_name}-8 \t 1\t {value} instructions/op\n")
                else:
                    value = float(f"{value:.4g}")
                    record = {"benchmark": name, "unit": "ns", "value": value}
                    iterations = max(1, int(1e8 / value))
                    go.write(f"{go_name}-8 \t {iterations}\t {value:g} ns/op\n")
                jsonl.write(json.dumps(record) + "\n")
        for jsonl, go in files:
            go.write("PASS\nok  \texample.com/suite\t1.000s\n")
            jsonl.close()
            go.close()

if __name__ == "__main__":
    main()
