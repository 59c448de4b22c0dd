# %% [markdown]
# # Decision quality, BEFORE and AFTER issue 13
#
# A client of two benchstat binaries through `--format json` (`benchstat analyze <dir> --format json`):
#
# * **BEFORE** — the tool before issue 13 (`BENCHSTAT_BEFORE`, default `/tmp/bench-before`);
# * **AFTER** — this worktree's build (`BENCHSTAT_AFTER`, default `.build-calib/release/benchstat`).
#
# Every verdict, interval, p-value, note and gate line comes from the binaries. The only statistics
# computed here are (1) Monte-Carlo rates and their standard errors and (2) one clearly labelled
# **ORACLE** (a z-test on run means that knows the true between-run σ, with the same BH correction and
# threshold rule), a comparison baseline only.
#
# Most rows are **SYNTHETIC**: seeded numpy simulations (`numpy.random.default_rng([SEED, cell, rep])`,
# so BEFORE and AFTER see the very same data sets). Walltime samples are lognormal:
# value = 10⁶·m_b · exp(r_run + ε), r_run ~ N(0, σ_run) per run and benchmark, ε ~ N(0, σ_within) per
# sample, m_b ~ exp(U(0, 3)) per benchmark. Instruction counts are one exact value per build (written 5
# times, as callgrind repeats give), a build's jitter being N(0, σ_build) on the log scale. History runs
# (`--history`) are drawn from the same base process. "Changed" benchmarks have the head multiplied by
# 1 + δ. The last section uses the real runs in `Data/` (pseudo-A/A splits of one binary's runs).
#
# Definitions: *suite false alarm* = share of suites with no true regression whose gate fails;
# *power* = share of truly regressed comparisons called `regression`; *coverage* = share of 95%
# intervals (`change.ci`) containing the true change (comparisons with an interval). Monte-Carlo
# standard error of a rate p over n units: √(p(1−p)/n), printed as "± se".

# %%
import collections
import concurrent.futures as cf
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np
from scipy import stats

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT / "Data"
OUT = HERE / "output"
OUT.mkdir(exist_ok=True)
BEFORE = os.environ.get("BENCHSTAT_BEFORE", "/tmp/bench-before")
AFTER = os.environ.get("BENCHSTAT_AFTER", str(ROOT / ".build-calib" / "release" / "benchstat"))
SEED = 20251213
SCALE = float(os.environ.get("DQ_SCALE", "1"))   # multiplies every replicate count (1 = the committed run)
WORKERS = 2
T0 = time.time()
MD = []


def say(text=""):
    print(text, flush=True)
    MD.append(text + "\n")


def reps(n):
    return max(4, int(round(n * SCALE)))


def version(binary):
    p = subprocess.run([binary, "--version"], capture_output=True, text=True)
    return (p.stdout or p.stderr).strip()


# %% Calling a binary ---------------------------------------------------------------------------------

def _write_side(folder, runs, mode, unit):
    """runs: list of dict benchmark -> values; one JSON Lines file per run."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, run in enumerate(runs):
        rid = f"r{i + 1:02d}"
        lines = []
        for b, vals in run.items():
            head = '{"benchmark":"%s","mode":"%s","unit":"%s","run":"%s","value":' % (b, mode, unit, rid)
            lines += [head + repr(float(v)) + "}\n" for v in vals]
        (folder / f"{rid}.jsonl").write_text("".join(lines))


def analyze(binary, suite, args=()):
    """suite: dict(base=[runs], head=[runs], history=[runs] or None, mode, unit). Returns parsed JSON."""
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="dq-"))
    try:
        _write_side(tmp / "runs" / "base", suite["base"], suite["mode"], suite["unit"])
        _write_side(tmp / "runs" / "head", suite["head"], suite["mode"], suite["unit"])
        cmd = [binary, "analyze", str(tmp / "runs"), "--format", "json", *args]
        if suite.get("history"):
            _write_side(tmp / "history", suite["history"], suite["mode"], suite["unit"])
            cmd += ["--history", str(tmp / "history")]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(cmd)} -> {p.returncode}\n{p.stderr}")
        return json.loads(p.stdout)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


POOL = cf.ThreadPoolExecutor(max_workers=WORKERS)


def run_all(jobs):
    """jobs: list of (binary, suite, args) -> list of results, in order (2 workers)."""
    return list(POOL.map(lambda j: analyze(*j), jobs))


# %% Simulated suites ---------------------------------------------------------------------------------

def rng_for(cell, rep):
    return np.random.default_rng([SEED, cell, rep])


def walltime_suite(rng, nb, runs_base, runs_head, n, s_within, s_run, delta, hist_runs=0, tail=None):
    """delta: array of true changes per benchmark. tail=(share, factor): that share of samples × factor."""
    m = 1e6 * np.exp(rng.uniform(0, 3, nb))

    def one_run(factor):
        r = rng.normal(0, s_run, nb)
        x = m[:, None] * factor[:, None] * np.exp(r[:, None] + rng.normal(0, s_within, (nb, n)))
        if tail is not None:
            x = np.where(rng.random((nb, n)) < tail[0], x * tail[1], x)
        return {f"b{i:03d}": x[i] for i in range(nb)}

    ones = np.ones(nb)
    return dict(base=[one_run(ones) for _ in range(runs_base)],
                head=[one_run(1 + delta) for _ in range(runs_head)],
                history=[one_run(ones) for _ in range(hist_runs)] or None,
                mode="walltime", unit="ns", delta=delta)


def counts_suite(rng, nb, s_build, delta, hist_runs=0, repeats=5, runs_base=1, runs_head=1):
    """Instruction counts: one exact value per build (repeated), build jitter N(0, s_build) per benchmark."""
    m = np.round(1e7 * np.exp(rng.uniform(0, 3, nb)))

    def build(factor):
        v = np.round(m * factor * np.exp(rng.normal(0, 1, nb) * s_build))
        return {f"b{i:03d}": [v[i]] * repeats for i in range(nb)}

    ones = np.ones(nb)
    return dict(base=[build(ones) for _ in range(runs_base)], head=[build(1 + delta) for _ in range(runs_head)],
                history=[build(ones) for _ in range(hist_runs)] or None,
                mode="instrumentation", unit="instructions", delta=delta)


# %% Reading results ----------------------------------------------------------------------------------

def comps(res):
    return res["comparisons"]


def idx(name):
    return int(name[1:])


def covered(c, delta):
    ci = (c.get("change") or {}).get("ci")
    if not ci or ci[0] is None:
        return None
    return ci[0] - 1e-9 <= 100 * delta <= ci[1] + 1e-9


def rate(k, n):
    if n == 0:
        return "—"
    p = k / n
    return f"{100 * p:.1f}% ± {100 * np.sqrt(p * (1 - p) / n):.1f}"


def has_note(c, text):
    return any(text in s for s in c.get("notes") or [])


class Tally:
    """Accumulates what the rows need from a list of (suite, result)."""

    def __init__(self):
        self.k = collections.Counter()
        self.n = collections.Counter()

    def add(self, key, hit, weight=1):
        if hit is None:
            return
        self.k[key] += bool(hit)
        self.n[key] += weight

    def r(self, key):
        return rate(self.k[key], self.n[key])


def tally(suites, results, drift_text="between-run drift not measured"):
    t = Tally()
    for s, res in zip(suites, results):
        d = s["delta"]
        unchanged = [c for c in comps(res) if d[idx(c["benchmark"])] == 0]
        regressed = [c for c in comps(res) if d[idx(c["benchmark"])] > 0]
        if len(unchanged) == len(comps(res)) or all(d <= 0):
            t.add("suite_fa", res["gate"]["verdict"] == "fail")
        t.add("suite_fail", res["gate"]["verdict"] == "fail")
        t.add("false_reg", any(c["verdict"] == "regression" for c in unchanged))
        for c in comps(res):
            dd = d[idx(c["benchmark"])]
            t.add("cov", covered(c, dd))
            if dd > 0:
                t.add("cov_changed", covered(c, dd))
            t.add("drift_note", has_note(c, drift_text))
            t.add("robust_note", has_note(c, "trimmed means"))
            t.add("moderated", c.get("priorDegreesOfFreedom") is not None)
        for c in unchanged:
            t.add("fpr", c["verdict"] in ("regression", "improvement"))
            t.add("fp_reg", c["verdict"] == "regression")
            t.add("unch_noise", c["verdict"] == "noise")
            t.add("ni_unch", c.get("nonInferiorityShown"))
        for c in regressed:
            for v in ("regression", "noise", "inconclusive", "improvement"):
                t.add("ch_" + v, c["verdict"] == v)
            t.add("ni_changed", c.get("nonInferiorityShown"))
        t.add("gate_drift_line", any("drift not measured" in x for x in res["gate"].get("reasons", [])))
    return t


def header(title):
    say(f"\n## {title}\n")


def table(head, rows):
    say("| " + " | ".join(head) + " |")
    say("|" + "---|" * len(head))
    for r in rows:
        say("| " + " | ".join(str(c) for c in r) + " |")
    say()


SUMMARY = []   # (defect, setting, before, after, target/remark)


def elapsed():
    return f"{time.time() - T0:.0f}s"


# %%
say("# Decision quality before and after issue 13 (SYNTHETIC unless marked REAL)\n")
say(f"BEFORE `{BEFORE}` (version {version(BEFORE)}); AFTER `{AFTER}` (version {version(AFTER)}). "
    f"Seed {SEED}; replicate scale {SCALE:g}. Rates are `rate ± Monte-Carlo standard error`.")

# %% [markdown]
# ## 1. Gate false alarm, 200 benchmarks, one run × 10 samples per side (iid lognormal, σ = 4.5%)

# %%
header("1. Gate false alarm with 200 benchmarks (1 run × 10 samples per side, iid lognormal σ_within = 4.5%)")
R1 = reps(100)
rows = []
for cell, label, improved in [(11, "no change", 0), (12, "100 of 200 truly −20%", 100)]:
    suites = []
    for r in range(R1):
        d = np.zeros(200)
        d[:improved] = -0.20
        suites.append(walltime_suite(rng_for(cell, r), 200, 1, 1, 10, 0.045, 0.0, d))
    tb = tally(suites, run_all([(BEFORE, s, ()) for s in suites]))
    ta = tally(suites, run_all([(AFTER, s, ()) for s in suites]))
    rows.append([label, R1, tb.r("false_reg"), ta.r("false_reg"), tb.r("cov"), ta.r("cov")])
    SUMMARY.append(("1", f"200 benchmarks iid, {label}: suites failing", tb.r("false_reg"), ta.r("false_reg"),
                    "one-sided families; drift not measurable (1 run)"))
table(["setting", "suites", "gate fails BEFORE", "gate fails AFTER", "coverage BEFORE", "coverage AFTER"], rows)
say(f"({elapsed()})")

# Half the suite improved where drift IS measurable: 3 runs per side, 20 benchmarks, 10 at −20%.
R1b = reps(100)
suites = []
for r in range(R1b):
    d = np.zeros(20)
    d[:10] = -0.20
    suites.append(walltime_suite(rng_for(13, r), 20, 3, 3, 10, 0.02, 0.03, d))
tb = tally(suites, run_all([(BEFORE, s, ()) for s in suites]))
ta = tally(suites, run_all([(AFTER, s, ()) for s in suites]))
say(f"Drift measurable, half improved (3 runs × 10 samples per side, σ_run 3%, σ_within 2%, 20 benchmarks, "
    f"10 at −20%; {R1b} suites): gate fails BEFORE {tb.r('false_reg')}, AFTER {ta.r('false_reg')}.\n")
SUMMARY.append(("1", "3 runs/side, 20 bm, 10 at −20%: suites failing", tb.r("false_reg"), ta.r("false_reg"),
                "target ≤ 5%"))

# %% [markdown]
# ## 2. True +10% regressions with a 10-run history (σ_run ≈ 3%)

# %%
header("2. True +10% regressions with history (10 history runs, σ_run = 3%, 1 run per side, 5 of 20 changed)")
R2 = reps(40)
rows = []
for cell, label, kind in [(21, "walltime (10 samples/run, σ_within 1%)", "wall"),
                          (22, "instruction-count-like (exact within a run)", "counts")]:
    suites = []
    for r in range(R2):
        d = np.zeros(20)
        d[:5] = 0.10
        g = rng_for(cell, r)
        if kind == "wall":
            suites.append(walltime_suite(g, 20, 1, 1, 10, 0.01, 0.03, d, hist_runs=10))
        else:
            suites.append(counts_suite(g, 20, 0.03, d, hist_runs=10))
    for name, binary in [("BEFORE", BEFORE), ("AFTER", AFTER)]:
        t = tally(suites, run_all([(binary, s, ()) for s in suites]))
        rows.append([label, name, t.n["ch_noise"], t.r("ch_noise"), t.r("ch_regression"), t.r("ch_inconclusive"),
                     t.r("cov"), t.r("false_reg")])
        if name == "BEFORE":
            before_noise = t.r("ch_noise")
        else:
            SUMMARY.append(("2", f"+10% with history, {kind}: share called noise", before_noise, t.r("ch_noise"),
                            "should be ~0"))
table(["data", "binary", "changed comparisons", "called noise", "regression", "inconclusive", "coverage (all)",
       "suites with a false regression"], rows)
say(f"({elapsed()})")

# %% [markdown]
# ## 3. Instruction counts with build jitter and a history

# %%
header("3. Gate false alarm with history, instruction counts with build jitter (A/A: 1 build per side + 10-build history)")
say("Build jitter σ_build per benchmark log-uniform in 0.01–0.5%; threshold 1% (instrumentation default).\n")
R3 = reps(100)
rows = []
for cell, nb in [(31, 20), (32, 200)]:
    suites = []
    for r in range(R3):
        g = rng_for(cell, r)
        s_build = np.exp(g.uniform(np.log(1e-4), np.log(5e-3), nb))
        suites.append(counts_suite(g, nb, s_build, np.zeros(nb), hist_runs=10))
    tb = tally(suites, run_all([(BEFORE, s, ()) for s in suites]))
    ta = tally(suites, run_all([(AFTER, s, ()) for s in suites]))
    rows.append([nb, R3, tb.r("suite_fa"), ta.r("suite_fa"), tb.r("fpr"), ta.r("fpr"), tb.r("cov"), ta.r("cov")])
    SUMMARY.append(("3", f"counts + history, build jitter, {nb} bm: suites failing", tb.r("suite_fa"),
                    ta.r("suite_fa"), "target ≤ 5%"))
table(["benchmarks", "suites", "gate fails BEFORE", "AFTER", "per-benchmark FPR BEFORE", "AFTER",
       "coverage BEFORE", "AFTER"], rows)

# Two layout states: history alternates ±0.5% around the centre; base is in one state; head = base × 1.011.
suites = []
R3b = reps(20)
for r in range(R3b):
    g = rng_for(33, r)
    nb = 20
    m = np.round(1e7 * np.exp(g.uniform(0, 3, nb)))
    phase = g.integers(0, 2, nb)
    state = lambda k: np.where((k + phase) % 2 == 0, 1.005, 0.995)  # noqa: E731
    hist = [{f"b{i:03d}": [np.round(m[i] * state(k)[i])] * 5 for i in range(nb)} for k in range(10)]
    bstate = state(10)
    base = [{f"b{i:03d}": [np.round(m[i] * bstate[i])] * 5 for i in range(nb)}]
    head = [{f"b{i:03d}": [np.round(m[i] * bstate[i] * 1.011)] * 5 for i in range(nb)}]
    suites.append(dict(base=base, head=head, history=hist, mode="instrumentation", unit="instructions",
                       delta=np.full(nb, 0.011)))
rows = []
for name, binary in [("BEFORE", BEFORE), ("AFTER", AFTER)]:
    res = run_all([(binary, s, ()) for s in suites])
    cs = [c for x in res for c in comps(x)]
    exact_reg = sum(c["verdict"] == "regression" and c["noise"] == "exact" for c in cs)
    reg = sum(c["verdict"] == "regression" for c in cs)
    noise_kinds = collections.Counter(c["noise"] for c in cs)
    verd = collections.Counter(c["verdict"] for c in cs)
    rows.append([name, len(cs), rate(reg, len(cs)), rate(exact_reg, len(cs)), dict(verd), dict(noise_kinds)])
    if name == "BEFORE":
        b_exact = rate(exact_reg, len(cs))
    else:
        SUMMARY.append(("3", "two-layout history ±0.5%, +1.1%: called regression as exact", b_exact,
                        rate(exact_reg, len(cs)), "should be 0"))
table(["binary", "comparisons", "regression", "regression with noise = exact", "verdicts", "noise source"], rows)
say(f"({elapsed()})")

# %% [markdown]
# ## 4. Two runs per side with run effects; moderation

# %%
header("4. Two runs per side, 20 benchmarks, run effects (σ_run 3%, σ_within 2%, 10 samples per run)")
R4 = reps(100)
A4 = [walltime_suite(rng_for(41, r), 20, 2, 2, 10, 0.02, 0.03, np.zeros(20)) for r in range(R4)]
P4 = []
for r in range(R4):
    d = np.zeros(20)
    d[:5] = 0.20
    P4.append(walltime_suite(rng_for(42, r), 20, 2, 2, 10, 0.02, 0.03, d))
rows = []
VARIANTS = [("BEFORE", BEFORE, ()), ("AFTER", AFTER, ()), ("AFTER --no-moderation", AFTER, ("--no-moderation",))]
res4 = {}
for name, binary, args in VARIANTS:
    ta = tally(A4, run_all([(binary, s, args) for s in A4]))
    tp = tally(P4, run_all([(binary, s, args) for s in P4]))
    res4[name] = (ta, tp)
    rows.append([name, ta.r("suite_fa"), tp.r("ch_regression"), ta.r("cov"), tp.r("cov"),
                 f"{100 * ta.k['moderated'] / max(1, ta.n['moderated']):.0f}%"])
table(["binary", f"A/A gate fails ({R4} suites)", f"power at +20% ({5 * R4} comparisons)", "coverage A/A",
       "coverage +20% suites", "comparisons moderated"], rows)
for i, what in enumerate(["A/A gate fails", "power at +20%"]):
    key = "suite_fa" if i == 0 else "ch_regression"
    SUMMARY.append(("4", f"2 runs/side, 20 bm: {what}", res4["BEFORE"][i].r(key),
                    f"{res4['AFTER'][i].r(key)} (no-mod {res4['AFTER --no-moderation'][i].r(key)})",
                    "FA ≤ 5%" if i == 0 else "higher is better"))
SUMMARY.append(("cov", "2 runs/side coverage (A/A)", res4["BEFORE"][0].r("cov"),
                f"{res4['AFTER'][0].r('cov')} (no-mod {res4['AFTER --no-moderation'][0].r('cov')})", "93–97%"))
say(f"({elapsed()})")

# %% [markdown]
# ## Targets: three runs per side — power at +10% against an ORACLE, A/A, `--strict` (item 9)
#
# ORACLE (comparison baseline, computed here with scipy): for each benchmark, the difference of the
# mean log run centres (geometric means of each run) of head and base, divided by its *true* standard
# error √((σ_run² + σ_within²/n)(1/3 + 1/3)); two-sided normal p-value; Benjamini–Hochberg over the 20
# benchmarks of the suite; `regression` when the adjusted p < 0.05 and the estimated change ≥ +5% (the
# same threshold rule as benchstat). Same simulated suites as the binaries.

# %%
header("Targets, and 9. Three runs per side, 20 benchmarks (σ_run 3%, σ_within 2%, 10 samples per run)")
R9 = reps(100)
A9 = [walltime_suite(rng_for(91, r), 20, 3, 3, 10, 0.02, 0.03, np.zeros(20)) for r in range(R9)]
P9 = []
for r in range(R9):
    d = np.zeros(20)
    d[:5] = 0.10
    P9.append(walltime_suite(rng_for(92, r), 20, 3, 3, 10, 0.02, 0.03, d))


def oracle(suite, s_run=0.03, s_within=0.02, n=10, threshold=0.05, alpha=0.05):
    """ORACLE (baseline, not benchstat): known-σ z-test on run centres, BH, threshold rule."""
    names = list(suite["base"][0])
    ests, ps = [], []
    for b in names:
        lb = np.mean([np.mean(np.log(run[b])) for run in suite["base"]])
        lh = np.mean([np.mean(np.log(run[b])) for run in suite["head"]])
        se = np.sqrt((s_run ** 2 + s_within ** 2 / n) * (1 / len(suite["base"]) + 1 / len(suite["head"])))
        ests.append(lh - lb)
        ps.append(2 * stats.norm.sf(abs(lh - lb) / se))
    padj = stats.false_discovery_control(ps, method="bh")
    return {b: ("regression" if (pa < alpha and e >= np.log1p(threshold)) else "other")
            for b, e, pa in zip(names, ests, padj)}


orc_hit = orc_n = orc_fa = 0
for s in P9:
    o = oracle(s)
    for b, v in o.items():
        if s["delta"][idx(b)] > 0:
            orc_hit += v == "regression"
            orc_n += 1
for s in A9:
    orc_fa += any(v == "regression" for v in oracle(s).values())
rows = [["ORACLE (known σ, z on run centres, BH)", rate(orc_fa, len(A9)), rate(orc_hit, orc_n), "—", "—", "—", "—"]]
res9 = {}
for name, binary, args in VARIANTS:
    ta = tally(A9, run_all([(binary, s, args) for s in A9]))
    tp = tally(P9, run_all([(binary, s, args) for s in P9]))
    tas = tally(A9, run_all([(binary, s, ("--strict", *args)) for s in A9]))
    tps = tally(P9, run_all([(binary, s, ("--strict", *args)) for s in P9]))
    res9[name] = (ta, tp, tas, tps)
    rows.append([name, ta.r("suite_fa"), tp.r("ch_regression"), ta.r("cov"), tp.r("cov"),
                 tas.r("suite_fail"), tps.r("suite_fail")])
table(["decider", f"A/A gate fails ({R9} suites)", f"power at +10% ({5 * R9} comparisons)", "coverage A/A",
       "coverage +10% suites", "--strict: A/A gate fails", "--strict: gate fails, 5 of 20 at +10%"], rows)
say("`--strict` BEFORE fails on any inconclusive comparison; AFTER fails unless every comparison shows "
    "non-inferiority (one-sided, corrected, margin = threshold).")
say(f"AFTER: share of unchanged comparisons showing non-inferiority {res9['AFTER'][2].r('ni_unch')}; "
    f"of +10% comparisons {res9['AFTER'][3].r('ni_changed')}.\n")
# --strict where non-inferiority at ±5% is reachable: σ_run 1%, σ_within 1%.
Q9 = [walltime_suite(rng_for(93, r), 20, 3, 3, 10, 0.01, 0.01, np.zeros(20)) for r in range(R9 // 2)]
QP9 = []
for r in range(R9 // 2):
    d = np.zeros(20)
    d[:5] = 0.10
    QP9.append(walltime_suite(rng_for(94, r), 20, 3, 3, 10, 0.01, 0.01, d))
rows = []
for name, binary in [("BEFORE", BEFORE), ("AFTER", AFTER)]:
    tq = tally(Q9, run_all([(binary, s, ("--strict",)) for s in Q9]))
    tqp = tally(QP9, run_all([(binary, s, ("--strict",)) for s in QP9]))
    rows.append([name, tq.r("suite_fail"), tqp.r("suite_fail"), tq.r("ni_unch"), tqp.r("ni_changed")])
    if name == "BEFORE":
        b9q = (tq, tqp)
    else:
        SUMMARY.append(("9", "--strict, quiet (σ_run 1%, σ_within 1%): A/A fails / 5 at +10% fails",
                        f"{b9q[0].r('suite_fail')} / {b9q[1].r('suite_fail')}",
                        f"{tq.r('suite_fail')} / {tqp.r('suite_fail')}", ""))
say(f"`--strict` on quieter suites (3 runs × 10 per side, σ_run 1%, σ_within 1%; {R9 // 2} suites each):\n")
table(["binary", "A/A gate fails", "gate fails, 5 of 20 at +10%", "unchanged showing non-inferiority",
       "+10% showing non-inferiority"], rows)
SUMMARY.append(("target", "3 runs/side: power at +10% (ORACLE " + rate(orc_hit, orc_n) + ")",
                res9["BEFORE"][1].r("ch_regression"),
                f"{res9['AFTER'][1].r('ch_regression')} (no-mod {res9['AFTER --no-moderation'][1].r('ch_regression')})",
                "within 10 points of oracle"))
SUMMARY.append(("target", "3 runs/side: A/A gate fails", res9["BEFORE"][0].r("suite_fa"),
                f"{res9['AFTER'][0].r('suite_fa')} (no-mod {res9['AFTER --no-moderation'][0].r('suite_fa')})", "≤ 5%"))
SUMMARY.append(("cov", "3 runs/side coverage (A/A)", res9["BEFORE"][0].r("cov"),
                f"{res9['AFTER'][0].r('cov')} (no-mod {res9['AFTER --no-moderation'][0].r('cov')})", "93–97%"))
SUMMARY.append(("9", "--strict A/A, 3 runs/side: gate fails", res9["BEFORE"][2].r("suite_fail"),
                res9["AFTER"][2].r("suite_fail"), "lower is better"))
SUMMARY.append(("9", "--strict, 5 of 20 at +10%: gate fails", res9["BEFORE"][3].r("suite_fail"),
                res9["AFTER"][3].r("suite_fail"), "higher is better"))
say(f"({elapsed()})")

# %% [markdown]
# ## 5. One run per side with run effects

# %%
header("5. One run per side with run effects (σ_run 3%, σ_within 1%, 10 samples, 20 benchmarks, A/A)")
R5 = reps(100)
A5 = [walltime_suite(rng_for(51, r), 20, 1, 1, 10, 0.01, 0.03, np.zeros(20)) for r in range(R5)]
rows = []
for name, binary in [("BEFORE", BEFORE), ("AFTER", AFTER)]:
    t = tally(A5, run_all([(binary, s, ()) for s in A5]))
    rows.append([name, t.r("suite_fa"), t.r("fpr"), t.r("cov"), t.r("drift_note"), t.r("gate_drift_line")])
    if name == "BEFORE":
        b5 = t
    else:
        SUMMARY.append(("5", "1 run/side, σ_run 3%: suites failing / coverage", f"{b5.r('suite_fa')} / {b5.r('cov')}",
                        f"{t.r('suite_fa')} / {t.r('cov')}", f"AFTER says so: drift note on {t.r('drift_note')}, "
                        f"gate line in {t.r('gate_drift_line')} of suites"))
table(["binary", f"suites failing ({R5})", "per-benchmark FPR", "coverage", "comparisons with drift note",
       "suites with drift gate line"], rows)
say(f"({elapsed()})")

# %% [markdown]
# ## 6. One run vs five runs

# %%
header("6. One base run vs five head runs (σ_run 3%, σ_within 1%, 10 samples per run, 20 benchmarks, A/A)")
R6 = reps(100)
A6 = [walltime_suite(rng_for(61, r), 20, 1, 5, 10, 0.01, 0.03, np.zeros(20)) for r in range(R6)]
rows = []
for name, binary in [("BEFORE", BEFORE), ("AFTER", AFTER)]:
    t = tally(A6, run_all([(binary, s, ()) for s in A6]))
    t0 = tally(A6, run_all([(binary, s, ("--threshold", "0")) for s in A6]))
    rows.append([name, t.r("fpr"), t0.r("fpr"), t.r("suite_fa"), t.r("cov")])
    if name == "BEFORE":
        b6 = (t, t0)
    else:
        SUMMARY.append(("6", "1 vs 5 runs: FPR (threshold 0) / coverage", f"{b6[1].r('fpr')} / {b6[0].r('cov')}",
                        f"{t0.r('fpr')} / {t.r('cov')}", "FPR ≤ 5%, coverage 93–97%"))
table(["binary", "per-benchmark FPR (default 5%)", "per-benchmark FPR (--threshold 0)", "suites failing",
       "coverage"], rows)
say(f"({elapsed()})")

# %% [markdown]
# ## 7. Re-running at the recommended N
#
# Suites of 20 benchmarks, 2 runs × 10 samples per side (σ_run 4%, σ_within 2%), 5 benchmarks at +T (T = 6%, 10%).
# For each changed comparison that is `inconclusive` with a `samplesNeeded` N (runs per side here, the
# noise being between runs), the whole suite is simulated again with N runs per side (N capped at 40)
# and analysed by the same binary: is that benchmark now a `regression`? The power analysis promises
# 80% significance for a change of the threshold (5%) at the corrected level; for T > 5% the promise
# should carry over to the verdict (which also needs the estimate ≥ 5%).

# %%
header("7. Does re-running at samplesNeeded settle a true +T? (2 runs/side, σ_run 4%, σ_within 2%, 5 of 20 at +T)")
R7 = reps(60)
MAX7 = reps(80)
rows = []
for T, cell in [(0.06, 71), (0.10, 73)]:
    d7 = np.zeros(20)
    d7[:5] = T
    S7 = [walltime_suite(rng_for(cell, r), 20, 2, 2, 10, 0.02, 0.04, d7) for r in range(R7)]
    for name, binary in [("BEFORE", BEFORE), ("AFTER", AFTER)]:
        res = run_all([(binary, s, ()) for s in S7])
        todo = []
        leq_current = 0
        incon = 0
        for res_i in res:
            for c in comps(res_i):
                if d7[idx(c["benchmark"])] > 0 and c["verdict"] == "inconclusive":
                    incon += 1
                    if c.get("samplesNeeded"):
                        if c["samplesNeeded"] <= 2:
                            leq_current += 1
                        todo.append((c["benchmark"], min(40, max(2, c["samplesNeeded"]))))
        todo = todo[:MAX7]
        jobs, names = [], []
        for j, (b, nrun) in enumerate(todo):
            jobs.append((binary, walltime_suite(rng_for(cell + 1, 1000 * (name == "AFTER") + j), 20, nrun, nrun, 10,
                                                0.02, 0.04, d7), ()))
            names.append(b)
        rr = run_all(jobs)
        hit = sum(next(c for c in comps(x) if c["benchmark"] == b)["verdict"] == "regression"
                  for x, b in zip(rr, names))
        ns = [n for _, n in todo]
        rows.append([f"+{100 * T:g}%", name, incon, len(todo), f"{np.median(ns) if ns else float('nan'):.0f}",
                     leq_current, rate(hit, len(todo))])
        if name == "BEFORE":
            b7 = rate(hit, len(todo))
        else:
            SUMMARY.append(("7", f"re-run at samplesNeeded: true +{100 * T:g}% now a regression", b7,
                            rate(hit, len(todo)), "promised ≥ 80%"))
table(["true change", "binary", "inconclusive changed comparisons", "re-simulated", "median N (runs/side)",
       "N ≤ current runs", "regression at N"], rows)
say(f"({elapsed()})")

# %% [markdown]
# ## 8. Swap symmetry near the threshold

# %%
header("8. Swap symmetry: changes uniform in 4.5–5.5%, `--threshold 5`, base and head swapped")
R8 = reps(400)
rows = []
for cell, label in [(81, "exact counts (instrumentation)"), (82, "precise walltime (1 run × 10, σ 0.05%)")]:
    g = rng_for(cell, 0)
    d = g.uniform(0.045, 0.055, R8)
    if cell == 81:
        s = counts_suite(g, R8, 0.0, d)
    else:
        s = walltime_suite(g, R8, 1, 1, 10, 0.0005, 0.0, d)
    swapped = dict(s, base=s["head"], head=s["base"])
    for name, binary in [("BEFORE", BEFORE), ("AFTER", AFTER)]:
        fwd, bwd = run_all([(binary, s, ("--threshold", "5")), (binary, swapped, ("--threshold", "5"))])
        flip = {"regression": "improvement", "improvement": "regression"}
        vb = {c["benchmark"]: c["verdict"] for c in comps(bwd)}
        diff = sum(flip.get(vb[c["benchmark"]], vb[c["benchmark"]]) != c["verdict"] for c in comps(fwd))
        rows.append([label, name, R8, rate(diff, R8)])
        if name == "BEFORE":
            b8 = rate(diff, R8)
        else:
            SUMMARY.append(("8", f"swap symmetry, {label}: verdict changes", b8, rate(diff, R8), "0"))
table(["data", "binary", "benchmarks", "verdict changes when swapped"], rows)
say(f"({elapsed()})")

# %% [markdown]
# ## 10. Mann–Whitney with history at α = 0.1

# %%
header("10. `--test mann-whitney --alpha 0.1` with history (A/A, σ_run 3%, σ_within 1%, 1 run per side, 10-run history)")
R10 = reps(60)
A10 = [walltime_suite(rng_for(101, r), 20, 1, 1, 10, 0.01, 0.03, np.zeros(20), hist_runs=10) for r in range(R10)]
rows = []
for name, binary in [("BEFORE", BEFORE), ("AFTER", AFTER)]:
    res = run_all([(binary, s, ("--test", "mann-whitney", "--alpha", "0.1")) for s in A10])
    cs = [c for x in res for c in comps(x)]
    within = [c for c in cs if abs(np.log1p(c["change"]["percent"] / 100)) < 2 * np.sqrt(2) * 0.03]
    reg_all = sum(c["verdict"] == "regression" for c in cs)
    reg_w = sum(c["verdict"] == "regression" for c in within)
    fa = sum(x["gate"]["verdict"] == "fail" for x in res)
    rows.append([name, len(cs), rate(reg_all, len(cs)), len(within), rate(reg_w, len(within)), rate(fa, len(res))])
    if name == "BEFORE":
        b10 = rate(reg_w, len(within))
    else:
        SUMMARY.append(("10", "MW + history, α 0.1: within-history-noise changes called regression", b10,
                        rate(reg_w, len(within)), "≈ 0"))
table(["binary", "comparisons", "called regression", "within 2σ·√2 of history noise", "of those: regression",
       "suites failing"], rows)
say(f"({elapsed()})")

# %% [markdown]
# ## 11. Heavy right tails

# %%
header("11. Heavy right tails: A/A, 3 runs × 20 samples per side, σ_within 2%, σ_run 1%, 5% of samples × 5")
R11 = reps(60)
A11 = [walltime_suite(rng_for(111, r), 20, 3, 3, 20, 0.02, 0.01, np.zeros(20), tail=(0.05, 5.0))
       for r in range(R11)]
A11b = [walltime_suite(rng_for(112, r), 20, 1, 1, 30, 0.02, 0.0, np.zeros(20), tail=(0.05, 5.0))
        for r in range(R11)]
rows = []
fp11 = {}
for label, suites in [("3 runs × 20 per side", A11), ("1 run × 30 per side (no run effect)", A11b)]:
    for name, binary, args in [("BEFORE welch", BEFORE, ()), ("AFTER welch", AFTER, ()),
                               ("AFTER --test yuen", AFTER, ("--test", "yuen"))]:
        t = tally(suites, run_all([(binary, s, args) for s in suites]))
        t0 = tally(suites, run_all([(binary, s, ("--threshold", "0", *args)) for s in suites]))
        rows.append([label, name, t.r("fpr"), t0.r("fpr"), t.r("suite_fa"), t.r("cov"),
                     t.r("robust_note") if "AFTER" in name else "—"])
        fp11[(label[0], name)] = (t.r("fpr"), t0.r("fpr"), t.r("robust_note"))
for lab, txt in [("3", "3 runs × 20/side"), ("1", "1 run × 30/side")]:
    SUMMARY.append(("11", f"heavy tails, {txt}: FPR default / --threshold 0 (AFTER: welch; yuen)",
                    " / ".join(fp11[(lab, "BEFORE welch")][:2]),
                    " / ".join(fp11[(lab, "AFTER welch")][:2]) + "; " + " / ".join(fp11[(lab, "AFTER --test yuen")][:2]),
                    f"robust note on {fp11[(lab, 'AFTER welch')][2]} of AFTER welch comparisons"))
table(["data", "decider", "per-benchmark FPR (default 5%)", "FPR (--threshold 0)", "suites failing", "coverage",
       "robust-disagreement note"], rows)
say(f"({elapsed()})")

# %% [markdown]
# ## REAL data: pseudo-A/A splits of one binary's runs (`Data/`)
#
# As in `calibration.py` section 2 (lean): the 10 runs of one binary (`aa-*` base+head, or `history-*`)
# are split at random into k base and k head runs (k = 2, 3, 5); each split is a 20-benchmark suite whose
# truth is "no change"; default gate. Both binaries see the same splits.

# %%
header("REAL: suite false alarm on pseudo-A/A splits of real same-binary runs (default gate)")


def load_runs(folder):
    runs = {}
    for f in sorted(folder.glob("*.jsonl")):
        d = collections.defaultdict(list)
        mode = unit = None
        for line in f.read_text().splitlines():
            if line.strip():
                r = json.loads(line)
                d[r["benchmark"]].append(float(r["value"]))
                mode, unit = r.get("mode", "walltime"), r["unit"]
        runs[f.stem] = (dict(d), mode, unit)
    return runs


def pool(name):
    p = DATA / name
    if (p / "base").exists():
        runs = list(load_runs(p / "base").values()) + list(load_runs(p / "head").values())
        files = [f"{name}/{side}/{f.name}" for side in ("base", "head") for f in sorted((p / side).glob("*.jsonl"))]
    else:
        runs = list(load_runs(p).values())
        files = [f"{name}/{f.name}" for f in sorted(p.glob("*.jsonl"))]
    return [r[0] for r in runs], runs[0][1], runs[0][2], files


REPRO = []   # AFTER false alarms on real splits: (cell, base files, head files, regressions, --no-moderation gate)


NSPLIT = reps(40)
real_rng = np.random.default_rng(SEED + 7)
rows = []
hist_walltime = [r[0] for r in load_runs(DATA / "history-walltime").values()]
for pname in ["aa-walltime", "history-walltime", "aa-instrumentation", "history-instrumentation", "history-cycles",
              "aa-cycles"]:
    runs, mode, unit, files = pool(pname)
    for k in [2, 3, 5]:
        splits = []
        for _ in range(NSPLIT):
            perm = real_rng.permutation(len(runs))
            splits.append(dict(base=[runs[i] for i in perm[:k]], head=[runs[i] for i in perm[k:2 * k]],
                               history=None, mode=mode, unit=unit, delta=np.zeros(20),
                               files=([files[i] for i in perm[:k]], [files[i] for i in perm[k:2 * k]])))
        variants = [(splits, "")]
        if pname == "aa-walltime":
            variants.append(([dict(s, history=[{b: [np.exp(np.mean(np.log(v)))] for b, v in h.items()}
                                               for h in hist_walltime]) for s in splits],
                             " + --history history-walltime"))
        for ss, suffix in variants:
            out = []
            for name, binary in [("BEFORE", BEFORE), ("AFTER", AFTER)]:
                res = run_all([(binary, s, ()) for s in ss])
                fails = sum(x["gate"]["verdict"] == "fail" for x in res)
                if name == "AFTER":
                    for s, x in zip(ss, res):
                        if x["gate"]["verdict"] == "fail":
                            nm = analyze(AFTER, s, ("--no-moderation",))["gate"]["verdict"]
                            regs = [f"{c['benchmark']} {c['change']['percent']:+.1f}% "
                                    f"[{c['change']['ci'][0]:+.1f}, {c['change']['ci'][1]:+.1f}] "
                                    f"pAdj={c['pAdjusted']:.3f} df={c['degreesOfFreedom']:.1f} "
                                    f"d0={c['priorDegreesOfFreedom']}" for c in comps(x) if c["verdict"] == "regression"]
                            REPRO.append((f"{pname}{suffix} k={k}", s["files"][0], s["files"][1], regs, nm))
                cs = [c for x in res for c in comps(x)]
                out += [rate(fails, len(res)), rate(sum(bool(covered(c, 0)) for c in cs),
                                                    sum(covered(c, 0) is not None for c in cs))]
            rows.append([pname + suffix, k, NSPLIT, out[0], out[2], out[1], out[3]])
    say(f"real {pname}: {elapsed()}")
table(["runs of (REAL)", "k runs/side", "splits", "suite false alarm BEFORE", "AFTER", "coverage of 0 BEFORE",
       "AFTER"], rows)
if REPRO:
    say("AFTER false alarms on real same-binary splits (reproduce: copy the base files to `X/base/`, the head files "
        "to `X/head/`, giving each file a distinct name, then `benchstat analyze X`; add `--no-moderation` to "
        "compare):\n")
    for cell, bf, hf, regs, nm in REPRO:
        say(f"- {cell}: base {', '.join(bf)}; head {', '.join(hf)}; --no-moderation gate: {nm}; regressions: "
            + "; ".join(regs))
    say()
worst = max(rows, key=lambda r: float(r[4].split("%")[0]))
SUMMARY.append(("REAL", "pseudo-A/A splits, worst suite false alarm (AFTER)", "",
                f"{worst[4]} ({worst[0]}, k={worst[1]})", "0 on every split"))

# %% [markdown]
# ## Summary

# %%
header("Summary: BEFORE / AFTER per defect (SYNTHETIC unless REAL)")
table(["#", "setting", "BEFORE", "AFTER", "target / remark"], SUMMARY)
say(f"Replicates: item 1: {R1} suites per setting (+{R1b} with 3 runs); 2: {R2}; 3: {R3} (+{R3b} layout); "
    f"4: {R4}+{R4}; targets/9: {R9}+{R9}; 5: {R5}; 6: {R6}; 7: {R7} (≤ {MAX7} re-simulations); 8: {R8} "
    f"benchmarks; 10: {R10}; 11: {R11} per setting; real: {NSPLIT} splits per cell. Total run time {elapsed()} "
    f"on {WORKERS} workers.")
(OUT / "decision_quality.md").write_text("".join(MD))
POOL.shutdown()
