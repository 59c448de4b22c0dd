# %% [markdown]
# # Real A/B: zstd built `-O2` (base) vs `-O2 -flto` (head)
#
# Writes `Data/lto-walltime/`, `Data/lto-instrumentation/`, `Data/lto-cycles/`.
# The same sources (zstd.c + the zbench.c driver) built two ways, the kind of build
# change of the motivating case (ruff's thin -> fat LTO). base and head are interleaved
# per benchmark in every run. There is no injected truth: callgrind counts are
# deterministic for a given binary and input here, so the per-benchmark count
# change IS the real change of that metric; for walltime it is only a proxy.
#
# Run: `python3 Notebooks-as-scripts/collect_lto.py`

# %%
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "collect"))
import common as C

WALL_RUNS = int(os.environ.get("COLLECT_WALL_RUNS", "5"))
CG_RUNS = int(os.environ.get("COLLECT_CG_RUNS", "5"))
PRACTICAL = 0.1  # % : |count change| below this is labelled "no-change" (see README)

# %% Build both variants and materialize inputs
meta = {"start": C.stamp(), "machine": C.machine()}
meta["build"] = C.build(("O2", "O2-flto"))
meta["inputs"] = C.materialize_inputs()
exes = {"base": meta["build"]["builds"]["O2"]["exe"], "head": meta["build"]["builds"]["O2-flto"]["exe"]}
benches = [b for b, _, _ in C.benchmarks()]

# %% Collect (interleaved A/B)
wall, ir, cy, runinfo = C.ab_collect(exes, WALL_RUNS, CG_RUNS)
meta["end"] = C.stamp()

# %% Ground truth = measured count changes
irb, irall_b = C.cg_medians(ir, "base")
irh, irall_h = C.cg_medians(ir, "head")
cyb, _ = C.cg_medians(cy, "base")
cyh, _ = C.cg_medians(cy, "head")
gt = {"walltime": {}, "instructions": {}, "cycles": {}}
for b in benches:
    dIr, dCy = C.pct(irb[b], irh[b]), C.pct(cyb[b], cyh[b])
    ex = {"instructionPercent": round(dIr, 4), "cyclesPercent": round(dCy, 4)}
    note = (f"-O2 -> -O2 -flto: instructions {dIr:+.3f}%, estimated cycles {dCy:+.3f}% "
            f"(deterministic counts; 'change' iff |delta| >= {PRACTICAL}%)")
    gt["instructions"][b] = {"expected": "change" if abs(dIr) >= PRACTICAL else "no-change",
                             "truePercent": round(dIr, 4), "note": note, **ex}
    gt["cycles"][b] = {"expected": "change" if abs(dCy) >= PRACTICAL else "no-change",
                       "truePercent": round(dCy, 4), "note": note, **ex}
    gt["walltime"][b] = {"expected": "change" if abs(dCy) >= PRACTICAL else "no-change",
                         "truePercent": None,
                         "note": note + "; true walltime change unknown, the estimated-cycles change is "
                         "the best available proxy (expected derived from it)", **ex}

# %% Write
dw = C.write_ab("lto-walltime", wall=wall)
di = C.write_ab("lto-instrumentation", cg=ir)
dc = C.write_ab("lto-cycles", cg=cy)
C.write_json(os.path.join(dw, "ground-truth.json"), gt["walltime"])
C.write_json(os.path.join(di, "ground-truth.json"), gt["instructions"])
C.write_json(os.path.join(dc, "ground-truth.json"), gt["cycles"])

tab = ["| benchmark | instructions -O2 → -flto | est. cycles | expected (instr.) |", "|---|---|---|---|"]
for b in benches:
    tab.append(f"| {b} | {C.pct(irb[b], irh[b]):+.3f}% | {C.pct(cyb[b], cyh[b]):+.3f}% | "
               f"{gt['instructions'][b]['expected']} |")
tab_md = "\n".join(tab)
extra = f"""
## The A/B change

base = build `O2`, head = build `O2-flto` (commands above; same sources, same driver, same
inputs). With `-flto` gcc sees the driver and the library together at link time and
internalizes/inlines across them and re-partitions code, so both instruction counts and code
layout change. Measured count change per benchmark (median over runs):

{tab_md}
"""
cm = C.common_md(meta, runinfo, "python3 Notebooks-as-scripts/collect_lto.py", extra)
gt_md = f"""## Ground truth

Not injected: the real effect of the build change is unknown a priori. Callgrind counts of
one binary on one input were bit-identical across runs in this collection (see the
instrumentation tables), so for the instrumentation datasets the measured median change IS
the true change of that metric: `truePercent` = measured change, `expected` = `change` iff
|change| >= {PRACTICAL}% (a practical threshold we chose; smaller deterministic differences are
real but labelled `no-change`; in the first collection the compress benchmarks changed by
0.2–1.4% and the decompress ones by < 0.05%, so the threshold sits in a natural gap). For
walltime `truePercent` is null (unknown) and `expected` follows the estimated-cycles change —
a proxy, not a proof: changes of well under 1% are far below what walltime with the
within-run CVs below can resolve with 50 samples, so a walltime "no significant change" on
them is a correct answer, not a miss. `instructionPercent` and `cyclesPercent` are given for
every benchmark.
"""
open(os.path.join(dw, "README.md"), "w").write(f"""# lto-walltime — real A/B build change (-O2 vs -O2 -flto), zstd, walltime

{len(benches)} benchmarks; per side {WALL_RUNS} runs × 10 samples = {WALL_RUNS * 10} samples per
benchmark, base and head interleaved per benchmark within each run. Unit ns per operation.

{C.PROTOCOL_WALLTIME}
{cm}
{gt_md}
## Measured spreads (descriptive)

{C.wall_table(wall, benches)}
""")
for d, data, unit, title in ((di, ir, "Ir", "callgrind instructions"), (dc, cy, "cycles", "callgrind estimated cycles")):
    open(os.path.join(d, "README.md"), "w").write(f"""# {os.path.basename(d)} — real A/B build change (-O2 vs -O2 -flto), zstd, {title}

{len(benches)} benchmarks; per side {CG_RUNS} runs (one valgrind invocation per benchmark per run,
one sample each). `lto-instrumentation`: unit instructions (Ir); `lto-cycles`: estimated
cycles from the same invocations.

{C.PROTOCOL_CALLGRIND}
{cm}
{gt_md}
## Measured values

{C.cg_table(data, unit, benches)}
""")
print(tab_md)
