# %% [markdown]
# # Data/README.md index
#
# Scans the dataset folders written by the other collect_*.py scripts and writes the
# index table (what, ground truth, sample counts) to `Data/README.md`. Run it last.

# %%
import glob
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "collect"))
import common as C

ORDER = ["aa", "injected", "lto", "linkorder", "history"]
HEADER = """# Data — real, measured datasets with documented ground truth

All datasets measure zstd 1.5.7 (the single-file `zstd.c` vendored in the PyPI sdist
`zstandard-0.25.0`) through the driver `Notebooks-as-scripts/collect/zbench.c`: 20 benchmarks,
`compress/level3[<input>]` on 16 real files of this machine (Python stdlib sources, man pages,
ELF binaries from /usr/bin, a license text, /etc/services) and `decompress/level3[<input>]` on 4
of them. Collected on a shared 2-core VM (AMD EPYC, nproc=2) while other engineers compiled
Swift on the same cores — deliberately not avoided; load averages are in each README.

Each folder has a `README.md` (program, exact source version, build commands, inputs with
sha256, machine, date, protocol, measured spreads) and a `ground-truth.json` mapping every
benchmark to `{"expected": "no-change"|"change", "truePercent": number|null, "note": ...}`
(some datasets add `bytePercent`, `instructionPercent`, `cyclesPercent`).

Layout: A/B datasets `<name>/base/runN.jsonl` and `<name>/head/runN.jsonl` (label =
sub-directory, one file per run, `run` field set); history datasets `<name>/runNN.jsonl`
(one file per past baseline run). Canonical JSON Lines. Metrics:
`*-walltime` = ns per operation (in-process timing, 10 samples per process);
`*-instrumentation` = callgrind `Ir` of exactly one operation (unit `instructions`);
`*-cycles` = estimated cycles from the same valgrind invocations
(L1 hits + 5·LL hits + 35·RAM hits, unit `cycles`, mode instrumentation).

Regenerate everything (≈ 15 minutes): `collect_aa.py`, `collect_injected.py`,
`collect_lto.py`, `collect_linkorder.py`, `collect_history.py`, then `collect_index.py`
(all in `Notebooks-as-scripts/`, run with `python3`).

| dataset | what | ground truth | benchmarks | samples per benchmark |
|---|---|---|---|---|
"""

WHAT = {
    "aa": "A/A: same binary, two batches ≥ 3 min apart (base = batch 1, head = batch 2)",
    "injected": "same binary; 4 benchmarks get +2/+5/+10/+20 % input bytes on head",
    "lto": "real A/B build change: `-O2` (base) vs `-O2 -flto` (head)",
    "linkorder": "layout-only A/B: same `-O2` objects linked in swapped order",
    "history": "10 baseline runs, varying env size, cwd length, ASLR on",
}


def load_rows(path):
    return [json.loads(l) for l in open(path) if l.strip()]


def describe(d):
    name = os.path.basename(d)
    kind = name.split("-")[0]
    gt = json.load(open(os.path.join(d, "ground-truth.json")))
    nchg = sum(1 for v in gt.values() if v["expected"] == "change")
    gtxt = f"{len(gt) - nchg} no-change, {nchg} change"
    if os.path.isdir(os.path.join(d, "base")):
        parts = []
        for side in ("base", "head"):
            files = sorted(glob.glob(os.path.join(d, side, "*.jsonl")))
            rows = [r for f in files for r in load_rows(f)]
            per = len(rows) // len({r["benchmark"] for r in rows})
            parts.append(f"{side}: {len(files)} runs, {per}")
        samples = "; ".join(parts)
    else:
        files = sorted(glob.glob(os.path.join(d, "*.jsonl")))
        rows = [r for f in files for r in load_rows(f)]
        per = len(rows) // len({r["benchmark"] for r in rows})
        samples = f"{len(files)} runs, {per} in total ({per // len(files)} per run)"
    unit = rows[0]["unit"]
    return f"| `{name}/` | {WHAT.get(kind, '')} ({unit}) | {gtxt} | {len(gt)} | {samples} |"


# %%
dirs = sorted((d for d in glob.glob(os.path.join(C.DATA, "*")) if os.path.isdir(d)
               and os.path.exists(os.path.join(d, "ground-truth.json"))),
              key=lambda d: (ORDER.index(os.path.basename(d).split("-")[0])
                             if os.path.basename(d).split("-")[0] in ORDER else 99, d))
lines = [describe(d) for d in dirs]
with open(os.path.join(C.DATA, "README.md"), "w") as f:
    f.write(HEADER + "\n".join(lines) + "\n")
print("\n".join(lines))
