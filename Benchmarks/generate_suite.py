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

--order consecutive (the default) writes the S samples of a benchmark as consecutive lines, as one
`go test -count S` prints them; --order interleaved writes the whole suite once per sample, as Go
benchstat's documentation recommends (`for i in $(seq S); do go test -bench . >> old.txt; done`) and as
files concatenated from several CI jobs look. The values are the same in both orders (drawn in the
same sequence); only the line order differs.

--precision go (the default) writes ns values with 4 significant digits, about what `go test` prints
(its prettyPrint keeps 4-5), so samples tie as real ones do; --precision full writes every digit
(repr), so no two samples tie. Go benchstat's Mann-Whitney is much slower with ties, so the harness
times it on both.

--labels L > 2 writes L labels (base, head, head3, ..., headL); every head shifts the benchmarks
that shift, by the same amount.

Usage: python3 Benchmarks/generate_suite.py OUT_DIR [--benchmarks 20000] [--samples 20] [--seed 1] [--runs 1]
           [--order consecutive|interleaved] [--precision go|full] [--labels 2]
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
    parser.add_argument("--order", choices=["consecutive", "interleaved"], default="consecutive")
    parser.add_argument("--labels", type=int, default=2)
    parser.add_argument("--precision", choices=["go", "full"], default="go")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.labels < 2:
        parser.error("--labels must be at least 2")
    labels = ["base", "head"] + [f"head{index}" for index in range(3, args.labels + 1)]

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
    for label in labels:
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
        lines = [] if args.order == "interleaved" else None
        for name, instrumentation, centre, cv, shift in benchmarks:
            mean = centre * (1 + shift if label != "base" else 1)
            sigma = math.sqrt(math.log(1 + cv * cv))
            group, case = name.split("/", 1)
            go_name = f"Benchmark{group.capitalize()}/case={case[5:10]}/size={case.split('size=')[1][:-1]}"
            for sample in range(args.samples):
                run = sample % args.runs
                jsonl, go = files[run]
                if lines is not None:
                    jsonl, go = _Deferred(lines, sample, run, "jsonl"), _Deferred(lines, sample, run, "go")
                value = mean * offsets[run] * math.exp(rng.gauss(-sigma * sigma / 2, sigma))
                if not instrumentation and rng.random() < 0.03:
                    value *= rng.uniform(1.2, 2.0)
                if instrumentation:
                    value = round(value)
                    record = {"benchmark": name, "mode": "instrumentation", "unit": "instructions",
                              "value": value}
                    go.write(f"{go_name}-8 \t 1\t {value} instructions/op\n")
                else:
                    value = float(f"{value:.4g}") if args.precision == "go" else value
                    record = {"benchmark": name, "unit": "ns", "value": value}
                    iterations = max(1, int(1e8 / value))
                    text = f"{value:g}" if args.precision == "go" else repr(value)
                    go.write(f"{go_name}-8 \t {iterations}\t {text} ns/op\n")
                jsonl.write(json.dumps(record) + "\n")
        if lines is not None:
            # Every sample index is one pass over the whole suite, in suite order.
            lines.sort(key=lambda line: line[0])
            for _, run, kind, text in lines:
                jsonl, go = files[run]
                (jsonl if kind == "jsonl" else go).write(text)
        for jsonl, go in files:
            go.write("PASS\nok  \texample.com/suite\t1.000s\n")
            jsonl.close()
            go.close()

class _Deferred:
    """Collects the lines of one sample index, to be written after the whole suite (interleaved order)."""

    def __init__(self, lines, sample, run, kind):
        self.lines, self.sample, self.run, self.kind = lines, sample, run, kind

    def write(self, text):
        self.lines.append((self.sample, self.run, self.kind, text))


if __name__ == "__main__":
    main()
