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


def side_values(d):
    """{benchmark: {run: [values]}} for one label directory or a history directory."""
    out = {}
    for f in sorted(glob.glob(os.path.join(d, "*.jsonl"))):
        for r in load_rows(f):
            out.setdefault(r["benchmark"], {}).setdefault(r["run"], []).append(r["value"])
    return out


def findings():
    """A few descriptive numbers computed from the data (no inference)."""
    L = ["", "## What the data shows (descriptive, recomputed by collect_index.py)", ""]
    try:
        for ds in ("aa-walltime", "lto-walltime", "linkorder-walltime", "injected-walltime"):
            b = side_values(os.path.join(C.DATA, ds, "base"))
            h = side_values(os.path.join(C.DATA, ds, "head"))
            cvs, shifts, runmed = [], [], []
            for k in b:
                for side in (b, h):
                    for v in side[k].values():
                        m = sum(v) / len(v)
                        cvs.append(100 * (sum((x - m) ** 2 for x in v) / (len(v) - 1)) ** 0.5 / m)
                    meds = [C.median(v) for v in side[k].values()]
                    runmed.append(100 * (max(meds) - min(meds)) / C.median(meds))
                bm = C.median([x for v in b[k].values() for x in v])
                hm = C.median([x for v in h[k].values() for x in v])
                shifts.append(C.pct(bm, hm))
            L.append(f"- `{ds}`: within-run CV {min(cvs):.1f}–{max(cvs):.1f}% (median {C.median(cvs):.1f}%); "
                     f"spread of run medians within one side {min(runmed):.1f}–{max(runmed):.1f}%; "
                     f"head/base median {min(shifts):+.2f}% … {max(shifts):+.2f}%.")
        hv = side_values(os.path.join(C.DATA, "history-walltime"))
        sp = [100 * (max(m) - min(m)) / C.median(m) for m in
              ([C.median(v) for v in runs.values()] for runs in hv.values())]
        L.append(f"- `history-walltime`: spread of the 10 run medians {min(sp):.1f}–{max(sp):.1f}% per benchmark.")
        for ds in ("aa-instrumentation", "history-instrumentation", "linkorder-instrumentation", "history-cycles",
                   "aa-cycles", "linkorder-cycles"):
            d = os.path.join(C.DATA, ds)
            parts = [d] if not os.path.isdir(os.path.join(d, "base")) else [os.path.join(d, "base"), os.path.join(d, "head")]
            vals = {}
            for p in parts:
                for k, runs in side_values(p).items():
                    vals.setdefault(k, []).extend(x for v in runs.values() for x in v)
            rel = [100 * (max(v) - min(v)) / C.median(v) for v in vals.values()]
            nd = [len(set(v)) for v in vals.values()]
            L.append(f"- `{ds}`: all samples of a benchmark (both sides / all runs) span {min(rel):.4f}–{max(rel):.4f}% "
                     f"of the median; distinct values per benchmark {min(nd)}–{max(nd)}.")
        for ds in ("lto-instrumentation", "lto-cycles", "injected-instrumentation"):
            gt = json.load(open(os.path.join(C.DATA, ds, "ground-truth.json")))
            tp = [v["truePercent"] for v in gt.values() if v["expected"] == "change"]
            L.append(f"- `{ds}`: {len(tp)} benchmarks changed, by {min(tp):+.3f}% … {max(tp):+.3f}%.")
    except (OSError, KeyError, ValueError, ZeroDivisionError) as e:
        L.append(f"- (incomplete: {e})")
    return "\n".join(L) + "\n"


# %%
dirs = sorted((d for d in glob.glob(os.path.join(C.DATA, "*")) if os.path.isdir(d)
               and os.path.exists(os.path.join(d, "ground-truth.json"))),
              key=lambda d: (ORDER.index(os.path.basename(d).split("-")[0])
                             if os.path.basename(d).split("-")[0] in ORDER else 99, d))
lines = [describe(d) for d in dirs]
others = sorted(d for d in glob.glob(os.path.join(C.DATA, "*")) if os.path.isdir(d) and d not in dirs)
other_md = ""
if others:
    other_md = "\n## Other datasets (not produced by the collect_*.py scripts)\n\n" + "\n".join(
        f"- `{os.path.basename(d)}/` — " + (open(os.path.join(d, "README.md")).readline().lstrip("# ").strip()
                                           if os.path.exists(os.path.join(d, "README.md")) else "see folder")
        for d in others) + "\n"
with open(os.path.join(C.DATA, "README.md"), "w") as f:
    f.write(HEADER + "\n".join(lines) + "\n" + findings() + other_md)
print("\n".join(lines))
