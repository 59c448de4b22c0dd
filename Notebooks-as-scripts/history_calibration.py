# %% [markdown]
# # Change points on real history: benchstat `history changes` against Apache Otava
#
# A client of the benchstat binary (it reads `history changes --format json` and `history show
# --format json`; it never re-implements benchstat's statistics). Data: `Data/zstd-releases`
# (zstd 1.4.8 → 1.5.6 as bundled by successive python-zstandard sdists, each release measured as 4
# consecutive "commits", then 30 flat re-runs of the last build; callgrind instruction counts and
# walltime). Ground truth: a change point belongs at each commit where the zstd release changes
# (`ground-truth.json`); 0.18.0 → 0.19.0 bundle byte-identical zstd 1.5.2, so no change belongs there.
# Instruction counts are exact, so at a release boundary a count that moved at all is a true change;
# for walltime (measured on a shared, loaded machine) a boundary is a true change where the same
# benchmark's instruction count moved by ≥ 5 % (smaller effects are below this machine's noise).
#
# Otava (`pip install apache-otava==0.8.0`) is run on the same series of run centres with the same
# settings (max p 0.001; window 50, Otava's default, and window 16), without the FDR step; benchstat
# adds Benjamini–Hochberg across series (FDR 0.05). Run: `python3 Notebooks-as-scripts/history_calibration.py` (an interpreter that
# has otava installed; without it the Otava columns are left empty and say so).

# %%
import json
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "Data" / "zstd-releases"
OUT = ROOT / "Notebooks-as-scripts" / "output"
BINARY = os.environ.get("BENCHSTAT") or next(
    (str(p) for p in [ROOT / ".build/release/benchstat", ROOT / ".build/debug/benchstat"] if p.exists()), "benchstat"
)
truth = json.loads((DATA / "ground-truth.json").read_text())
commits = sorted(p for p in (DATA / "commits").iterdir() if p.is_dir())
print(f"{len(commits)} commits, binary {BINARY}")

# %% Record every commit into a fresh SQLite history, in commit order.
work = pathlib.Path(tempfile.mkdtemp(prefix="history-calibration-"))
db = work / "history.sqlite"
for position, commit in enumerate(commits):
    subprocess.run(
        [BINARY, "history", "record", str(commit), "--commit", commit.name, "--machine", "zstd-vm",
         "--time", str(1_700_000_000 + 60 * position), "--db", str(db)],
        check=True, capture_output=True)


def run_json(*arguments):
    result = subprocess.run([BINARY, *arguments, "--db", str(db), "--format", "json"], capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(result.stderr)
    return json.loads(result.stdout)


WINDOWS = [50, 16]
changes_by_window = {w: run_json("history", "changes", "--window", str(w))["changePoints"] for w in WINDOWS}
changes = changes_by_window[50]

# %% Series (run centres) per benchmark and unit, from `history show`.
series = {}
for name in truth["benchmarks"]:
    for item in run_json("history", "show", name)["series"]:
        series[(item["benchmark"], item["unit"])] = [run["centre"] for run in item["runs"]]

# %% Otava on the same centres.
try:
    from otava.analysis import compute_change_points
    otava_version = "apache-otava 0.8.0"
except ImportError:
    compute_change_points = None
    otava_version = None
otava = {w: {} for w in WINDOWS}
if compute_change_points:
    for w in WINDOWS:
        for key, values in series.items():
            points, _ = compute_change_points(list(values), window_len=w, max_pvalue=0.001, min_magnitude=0.0)
            otava[w][key] = [int(p.index) for p in points]

# %% Score: a found change point is right when it is at a true boundary of its series (exactly, or
# one commit late); false otherwise; false points in the flat stretch are counted per 100 commits.
boundaries = {int(b["index"]): b for b in truth["boundaries"]}
flat = range(truth["flatStart"], len(commits))


def true_boundaries(key, values):
    counts = series[(key[0].removeprefix("walltime/"), "instructions")]
    result = []
    for index, boundary in boundaries.items():
        if not boundary["zstdChanged"]:
            continue
        moved = abs(counts[index] / counts[index - 1] - 1)
        if moved > (0 if key[1] == "instructions" else 0.05):
            result.append(index)
    return result


def score(found_by_key, unit):
    right = late = missed = false = false_flat = 0
    expected_total = 0
    keys = [key for key in series if key[1] == unit]
    for key in keys:
        values = series[key]
        expected = set(true_boundaries(key, values))
        expected_total += len(expected)
        found = found_by_key.get(key, [])
        hit = set()
        for index in found:
            if index in expected:
                right += 1
                hit.add(index)
            elif index - 1 in expected:
                late += 1
                hit.add(index - 1)
            else:
                false += 1
                if index in flat:
                    false_flat += 1
        missed += len(expected - hit)
    flat_commits = len(flat) * len(keys)
    return {
        "expected": expected_total, "exact": right, "oneLate": late, "missed": missed, "false": false,
        "falsePer100FlatCommits": round(100 * false_flat / flat_commits, 2) if flat_commits else None,
    }


table = {}
for unit, label in [("instructions", "instruction counts"), ("s", "walltime")]:
    for w in WINDOWS:
        ours = {}
        for change in changes_by_window[w]:
            ours.setdefault((change["benchmark"], change["unit"]), []).append(change["index"])
        table[f"{label}, window {w}: benchstat (BH FDR 0.05)"] = score(ours, unit)
        if compute_change_points:
            table[f"{label}, window {w}: {otava_version}"] = score(otava[w], unit)

# %% Which releases changed performance, as `history changes` names them.
release_of = {c.name: c.name.split("-", 1)[1] for c in commits}
named = {}
for change in changes:
    named.setdefault(release_of[change["firstCommitAfter"]], []).append(
        f'{change["benchmark"]} [{change["unit"]}] {change["change"]["percent"]:+.2f}%')

# %% Write the table the README quotes.
OUT.mkdir(exist_ok=True)
lines = ["| series, setting: method | true changes | found at the commit | one commit late | missed | false | false per 100 flat series-commits |",
         "|---|---|---|---|---|---|---|"]
for method, s in table.items():
    lines.append(f'| {method} | {s["expected"]} | {s["exact"]} | {s["oneLate"]} | {s["missed"]} | {s["false"]} | '
                 f'{s["falsePer100FlatCommits"]} |')
if not compute_change_points:
    lines.append("| Apache Otava | not run: otava is not installed in this interpreter | | | | | |")
lines += ["", "Releases named by `benchstat history changes` (default window 50; first commit after each change point):", ""]
for release in sorted(named):
    lines.append(f"- **{release}**: " + "; ".join(sorted(named[release])))
(OUT / "history_calibration.md").write_text("\n".join(lines) + "\n")
(OUT / "history_calibration.json").write_text(json.dumps({"table": table, "named": named}, indent=1) + "\n")
print("\n".join(lines))
