# %% [markdown]
# # A/A datasets: the same zstd binary measured in two separate batches
#
# Writes `Data/aa-walltime/`, `Data/aa-instrumentation/` and `Data/aa-cycles/`.
# base = batch 1, head = batch 2, started at least `GAP_SECONDS` after batch 1 started;
# nothing is interleaved. Ground truth: no change for every benchmark.
#
# Run: `python3 Notebooks-as-scripts/collect_aa.py` (needs gcc, valgrind, pip access to PyPI).

# %%
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "collect"))
import common as C

WALL_RUNS = int(os.environ.get("AA_WALL_RUNS", "5"))       # walltime runs per side (files), 10 samples per benchmark each
CG_RUNS = int(os.environ.get("AA_CG_RUNS", "5"))         # callgrind runs per side (one valgrind invocation per benchmark each)
GAP_SECONDS = int(os.environ.get("AA_GAP_SECONDS", "180"))

# %% Build and inputs
meta = {"start": C.stamp(), "machine": C.machine()}
meta["build"] = C.build(("O2",))
meta["inputs"] = C.materialize_inputs()
exe = {"x": meta["build"]["builds"]["O2"]["exe"]}
benches = [b for b, _, _ in C.benchmarks()]
print(len(benches), "benchmarks")

# %% Batches: walltime runs, then callgrind runs; batch 2 starts >= GAP_SECONDS later
runinfo = []
wall = {"base": [], "head": []}
ir = {"base": {}, "head": {}}
cy = {"base": {}, "head": {}}
for side in ("base", "head"):
    t_batch = time.monotonic()
    for r in range(1, WALL_RUNS + 1):
        rows, info = C.walltime_run(exe, f"r{r}")
        wall[side].append(rows["x"])
        runinfo.append((side, info))
        print(side, info, flush=True)
    for r in range(1, CG_RUNS + 1):
        a, c, _ = C.callgrind_run(exe, f"r{r}")
        ir[side][r], cy[side][r] = a["x"], c["x"]
        print(side, "callgrind run", r, "done", C.stamp(), flush=True)
    if side == "base":
        wait = GAP_SECONDS - (time.monotonic() - t_batch)
        if wait > 0:
            print(f"sleeping {wait:.0f}s between batches", flush=True)
            time.sleep(wait)
meta["end"] = C.stamp()

# %% Write the datasets
dw = C.reset_dataset("aa-walltime")
di = C.reset_dataset("aa-instrumentation")
dc = C.reset_dataset("aa-cycles")
for side in ("base", "head"):
    for r, rows in enumerate(wall[side], 1):
        C.write_jsonl(os.path.join(dw, side, f"run{r}.jsonl"), rows)
    for r in ir[side]:
        C.write_jsonl(os.path.join(di, side, f"run{r}.jsonl"), ir[side][r])
        C.write_jsonl(os.path.join(dc, side, f"run{r}.jsonl"), cy[side][r])
gt = {b: {"expected": "no-change", "truePercent": 0,
          "note": "A/A: identical binary and input, two batches minutes apart"} for b in benches}
for d in (dw, di, dc):
    C.write_json(os.path.join(d, "ground-truth.json"), gt)

# %% Descriptive spreads for the READMEs
def flat(rs):
    return [x for r in rs for x in r]

ws = {s: C.walltime_summary(flat(wall[s])) for s in ("base", "head")}
wtab = ["| benchmark | CV within runs (base) | CV within runs (head) | base run medians spread | head/base median |",
        "|---|---|---|---|---|"]
for b in benches:
    bs, hs = ws["base"][b], ws["head"][b]
    spread = 100 * (max(bs["run_medians"]) - min(bs["run_medians"])) / bs["median"]
    wtab.append(f"| {b} | {bs['cv_min']:.1f}–{bs['cv_max']:.1f}% | {hs['cv_min']:.1f}–{hs['cv_max']:.1f}% | "
                f"{spread:.1f}% | {C.pct(bs['median'], hs['median']):+.2f}% |")

def cg_tab(d, unit):
    return C.cg_table(d, unit, benches)

common_md = f"""
## Program, build, machine

{C.machine_md(meta)}

## Inputs (real files from this machine)

{C.inputs_md(meta['inputs'])}

Benchmarks ({len(benches)}): `compress/level3[<input>]` for the 16 inputs, and
`decompress/level3[<input>]` for {', '.join(C.DECOMPRESS_INPUTS)} (input compressed at
level 3 first, untimed).

## Collection runs

{C.runs_md(runinfo)}

Batch 1 (base) ran all walltime runs then all callgrind runs; batch 2 (head) started
{GAP_SECONDS}s or more after batch 1 started, with the same binary, inputs, environment
and working directory. Nothing interleaved.

## Ground truth

`ground-truth.json`: every benchmark `no-change` (truePercent 0). Any "significant"
difference reported on this dataset is a false positive.

Regenerate: `python3 Notebooks-as-scripts/collect_aa.py` (about 4 minutes, mostly the gap between batches).
"""

open(os.path.join(dw, "README.md"), "w").write(f"""# aa-walltime — A/A, zstd, walltime

Same binary measured in two separate batches: base = batch 1, head = batch 2.
{len(benches)} benchmarks; per side {WALL_RUNS} runs (`base/run1.jsonl` … ) × 10 samples =
{WALL_RUNS * 10} samples per benchmark per side; unit ns per operation.

{C.PROTOCOL_WALLTIME}
{common_md}
## Measured spreads (descriptive)

{chr(10).join(wtab)}
""")
open(os.path.join(di, "README.md"), "w").write(f"""# aa-instrumentation — A/A, zstd, callgrind instructions

Same binary measured in two separate batches: base = batch 1, head = batch 2.
{len(benches)} benchmarks; per side {CG_RUNS} runs (one valgrind invocation per benchmark per
run, one sample each); unit instructions (callgrind Ir). Estimated cycles from the same
invocations are in `../aa-cycles/`.

{C.PROTOCOL_CALLGRIND}
{common_md}
## Measured values

{cg_tab(ir, 'Ir')}
""")
open(os.path.join(dc, "README.md"), "w").write(f"""# aa-cycles — A/A, zstd, callgrind estimated cycles

Same invocations as `../aa-instrumentation/`, metric = estimated cycles (unit "cycles").

{C.PROTOCOL_CALLGRIND}
{common_md}
## Measured values

{cg_tab(cy, 'cycles')}
""")
print("wrote", dw, di, dc)
