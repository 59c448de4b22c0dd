#!/usr/bin/env python3
"""Writes R seeded runs of N benchmarks x S samples (canonical JSON Lines), for the history harness.

    <out>/run001.jsonl ... <out>/runRRR.jsonl

Each benchmark has a centre (log-uniform between 10 ns and 10 ms; a fifth are instruction counts),
a within-run CV between 0.2 % and 5 %, and a run-to-run offset (lognormal, sigma 1 %; instruction
counts 0.01 %). About 2 % of benchmarks step once (+-3 % to +-15 %) at a random run. Same seed,
same bytes.

Usage: python3 Benchmarks/generate_history.py OUT --benchmarks 20000 --samples 20 --runs 30 [--seed 1]
"""
import argparse
import math
import os
import random

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--benchmarks", type=int, default=20000)
parser.add_argument("--samples", type=int, default=20)
parser.add_argument("--runs", type=int, default=30)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
rng = random.Random(args.seed)
os.makedirs(args.out, exist_ok=True)
specs = []
for i in range(args.benchmarks):
    instr = rng.random() < 0.2
    centre = 10 ** rng.uniform(4, 9) if instr else 10 ** rng.uniform(1, 7)
    cv = rng.uniform(0.00001, 0.0002) if instr else rng.uniform(0.002, 0.05)
    step_at = rng.randrange(1, args.runs) if rng.random() < 0.02 and args.runs > 1 else None
    step = rng.choice([-1, 1]) * rng.uniform(0.03, 0.15)
    specs.append((f"suite/group{i % 97}/bench{i}", "instructions" if instr else "ns", centre, cv, step_at, step))
for r in range(args.runs):
    lines = []
    for name, unit, centre, cv, step_at, step in specs:
        c = centre * math.exp(rng.gauss(0, 0.0001 if unit == "instructions" else 0.01))
        if step_at is not None and r >= step_at:
            c *= 1 + step
        for _ in range(args.samples):
            v = c * math.exp(rng.gauss(0, cv))
            lines.append(f'{{"benchmark": "{name}", "unit": "{unit}", "value": {v:.6g}}}\n')
    with open(os.path.join(args.out, f"run{r + 1:03d}.jsonl"), "w") as f:
        f.writelines(lines)
