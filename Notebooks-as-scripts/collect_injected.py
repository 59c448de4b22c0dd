# %% [markdown]
# # Injected effects: same zstd binary, 4 benchmarks get a larger input on head
#
# Writes `Data/injected-walltime/`, `Data/injected-instrumentation/`, `Data/injected-cycles/`.
# base and head use the SAME binary. For 4 benchmarks head's input is the original
# file plus the first k bytes of another real file of the same kind (k = 2/5/10/20 %
# of the original size); the other 16 benchmarks are identical on both sides.
# The true change of the instrumentation modes is the measured count change (counts
# are deterministic here); walltime's true change is not directly known, the
# instruction/cycle change is given as its best proxy.
#
# Run: `python3 Notebooks-as-scripts/collect_injected.py`

# %%
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "collect"))
import common as C

WALL_RUNS = int(os.environ.get("COLLECT_WALL_RUNS", "5"))
CG_RUNS = int(os.environ.get("COLLECT_CG_RUNS", "5"))
PYLIB = C.PYLIB
INJECT = [  # (benchmark id, input name, percent of bytes appended, filler source)
    ("compress/level3[python-stdlib/typing.py]", "python-stdlib/typing.py", 2,
     ("file", os.path.join(PYLIB, "inspect.py"))),
    ("compress/level3[man/curl.1]", "man/curl.1", 5, ("gunzip", "/usr/share/man/man1/wget.1.gz")),
    ("compress/level3[usr-bin/diff]", "usr-bin/diff", 10, ("file", "/usr/bin/date")),
    ("decompress/level3[licenses/GPL-3]", "licenses/GPL-3", 20,
     ("file", "/usr/share/common-licenses/GPL-2")),
]

# %% Build and inputs
meta = {"start": C.stamp(), "machine": C.machine()}
meta["build"] = C.build(("O2",))
meta["inputs"] = C.materialize_inputs()
exe = meta["build"]["builds"]["O2"]["exe"]
exes = {"base": exe, "head": exe}
head_inputs, grown = {}, {}
for bench, name, p, filler in INJECT:
    path, g = C.make_grown_input(name, p, filler, variant=f"grown-{p}pct")
    head_inputs[bench] = path
    grown[bench] = g
benches = [b for b, _, _ in C.benchmarks()]

# %% Collect (interleaved)
wall, ir, cy, runinfo = C.ab_collect(exes, WALL_RUNS, CG_RUNS, inputs={"head": head_inputs})
meta["end"] = C.stamp()

# %% Ground truth from the measured counts
irb, _ = C.cg_medians(ir, "base")
irh, _ = C.cg_medians(ir, "head")
cyb, _ = C.cg_medians(cy, "base")
cyh, _ = C.cg_medians(cy, "head")
gt = {"walltime": {}, "instructions": {}, "cycles": {}}
for b in benches:
    if b in grown:
        g = grown[b]
        dIr, dCy = C.pct(irb[b], irh[b]), C.pct(cyb[b], cyh[b])
        base_note = (f"head input = base input + {g['appended_bytes']} bytes (+{g['byte_percent']:.2f}%) "
                     f"from {g['appended_from']}; measured instructions {dIr:+.3f}%, "
                     f"estimated cycles {dCy:+.3f}%")
        extra = {"bytePercent": round(g["byte_percent"], 3), "instructionPercent": round(dIr, 3),
                 "cyclesPercent": round(dCy, 3)}
        gt["instructions"][b] = {"expected": "change", "truePercent": round(dIr, 3), "note": base_note, **extra}
        gt["cycles"][b] = {"expected": "change", "truePercent": round(dCy, 3), "note": base_note, **extra}
        gt["walltime"][b] = {"expected": "change", "truePercent": round(dCy, 3),
                             "note": base_note + "; walltime truth not directly known: truePercent is the "
                             "estimated-cycles change, a proxy", **extra}
    else:
        for k in gt:
            gt[k][b] = {"expected": "no-change", "truePercent": 0,
                        "note": "identical binary and input on both sides"}

# %% Write
dw = C.write_ab("injected-walltime", wall=wall)
di = C.write_ab("injected-instrumentation", cg=ir)
dc = C.write_ab("injected-cycles", cg=cy)
C.write_json(os.path.join(dw, "ground-truth.json"), gt["walltime"])
C.write_json(os.path.join(di, "ground-truth.json"), gt["instructions"])
C.write_json(os.path.join(dc, "ground-truth.json"), gt["cycles"])

inj_tab = ["| benchmark | base bytes | head bytes | appended from | bytes | instructions | est. cycles |",
           "|---|---|---|---|---|---|---|"]
for b, name, p, filler in INJECT:
    g = grown[b]
    inj_tab.append(f"| {b} | {g['base_bytes']} | {g['head_bytes']} | `{g['appended_from']}` | "
                   f"+{g['byte_percent']:.2f}% | {C.pct(irb[b], irh[b]):+.3f}% | {C.pct(cyb[b], cyh[b]):+.3f}% |")
inj_md = "\n".join(inj_tab)
extra = f"""
## Injected changes (head only) and measured truth

Head's input for these 4 benchmarks = the original file followed by the first k bytes of
another real file of the same kind (python source, man page, ELF binary, license text).
For the decompress benchmark, the grown file is compressed (untimed) and decompressed.

{inj_md}

All other benchmarks: same binary, same input on both sides → `no-change`.
"""
cm = C.common_md(meta, runinfo, "python3 Notebooks-as-scripts/collect_injected.py", extra)
gt_md = """## Ground truth

`ground-truth.json`: the 4 benchmarks above are `change` with `truePercent` = the measured
median count change of this dataset's metric (instructions, resp. estimated cycles; for
walltime the estimated-cycles change is given as a proxy, the true walltime change is not
known exactly); the extra keys `bytePercent`, `instructionPercent`, `cyclesPercent` give all
three. The other 16 are `no-change` (truePercent 0).
"""
open(os.path.join(dw, "README.md"), "w").write(f"""# injected-walltime — known injected input growth, zstd, walltime

Same binary on both sides; 4 of {len(benches)} benchmarks have a larger input on head.
Per side {WALL_RUNS} runs × 10 samples = {WALL_RUNS * 10} samples per benchmark; base and head
interleaved per benchmark within each run. Unit ns per operation.

{C.PROTOCOL_WALLTIME}
{cm}
{gt_md}
## Measured spreads (descriptive)

{C.wall_table(wall, benches)}
""")
for d, data, unit, title in ((di, ir, "Ir", "callgrind instructions"), (dc, cy, "cycles", "callgrind estimated cycles")):
    open(os.path.join(d, "README.md"), "w").write(f"""# {os.path.basename(d)} — known injected input growth, zstd, {title}

Same binary on both sides; 4 of {len(benches)} benchmarks have a larger input on head.
Per side {CG_RUNS} runs (one valgrind invocation per benchmark per run, one sample each).
`injected-instrumentation` has unit instructions (Ir); `injected-cycles` has estimated cycles
from the same invocations.

{C.PROTOCOL_CALLGRIND}
{cm}
{gt_md}
## Measured values

{C.cg_table(data, unit, benches)}
""")
print(inj_md)
