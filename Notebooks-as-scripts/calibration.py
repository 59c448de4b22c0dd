# %% [markdown]
# # Calibration of benchstat: false alarms, power and interval coverage
#
# Issue 5, part 2. This notebook is a *client* of the benchstat binary (`--format json`): every
# verdict, p-value and interval of benchstat below comes from the binary. Two **comparison
# baselines** are implemented here (see `calib_common.py`), only to compare with:
#
# * **Go rule** — Go benchstat's decision: Mann–Whitney U on all samples pooled (runs ignored),
#   α = 0.05, no correction for multiple comparisons; change = ratio of medians.
# * **criterion rule** — criterion.rs's decision: bootstrap Welch-t test on raw samples and a
#   percentile-bootstrap CI of the ratio of means; flagged when p < 0.05 and the whole CI lies beyond
#   the 1% noise threshold.
#
# Data:
#
# 1. **Real data as collected** (one suite per dataset, ground truth in `Data/*/ground-truth.json`).
# 2. **Pseudo-A/A on real runs**: the runs of one binary (`aa-walltime` base+head = 10 runs,
#    `history-walltime` 10 runs, `history-cycles` 10 runs, `history-instrumentation` 10 runs) are
#    split at random into base and head groups of k runs (k = 2, 3, 5), many times; each split is a
#    suite of 20 benchmarks whose truth is "no change". Effects are injected by multiplying the head
#    of a split by 1 + δ (δ = 1, 2, 5, 10%): power, and coverage of the known δ.
# 3. **Real injected data** (`injected-*`): every choice of k of the 5 base runs and k of the 5 head
#    runs (k = 2, 3: 100 sub-suites each; k = 5: the full data), truth from `ground-truth.json`.
# 4. **Simulation**: normal, lognormal, heavy-tailed with outliers and bimodal samples at n = 3, 5,
#    10, 20, 30 (one run per side), and r = 2, 3, 5 runs per side of 10 samples each with a random
#    between-run effect (σ_run = 3%). 200 replicate benchmarks per call (400 at δ = 0).
#
# Definitions. Per-benchmark false-positive rate: share of no-change benchmarks called `regression`
# or `improvement`. Suite false-alarm rate: share of no-change suites whose gate fails (≥ 1
# regression). Power: share of benchmarks with a true +δ called `regression`. Coverage: share of
# 95% intervals of the change that contain the true change. "test only" rows use `--threshold 0`
# (pure statistical behaviour); "gate" rows use the default thresholds (1% instrumentation, 5%
# walltime).

# %%
import collections
import itertools
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calib_common import (DATA, FLAGGED, OUT, BIN, analyze, analyze_path, binary_version,  # noqa: E402
                          criterion_rule, first_record, go_rule, load_runs, markdown_table, pct, to_rows,
                          wilson)

T0 = time.time()
QUICK = bool(os.environ.get("CALIB_QUICK"))
N_SPLITS = 12 if QUICK else 24       # splits for power, coverage and the baselines
N_GATE = 20 if QUICK else 80        # splits for the suite-level gate (one call each), walltime pools
R_SIM = 50 if QUICK else 150
rng = np.random.default_rng(20251125)
EFFECTS = [0.0, 0.01, 0.02, 0.05, 0.10]
print("benchstat", binary_version(), BIN)

# %% [markdown]
# ## 1. Real data as collected

# %%
def true_pct(t):
    """truePercent, else the estimated-cycles proxy (walltime truth is not directly known)."""
    for key in ("truePercent", "cyclesPercent", "instructionPercent"):
        if t.get(key) is not None:
            return t[key]
    return 0.0


GT = {}
real_rows = []
real_detail = []
for ds in ["aa", "linkorder", "injected", "lto"]:
    for metric in ["walltime", "instrumentation", "cycles"]:
        name = f"{ds}-{metric}"
        path = DATA / name
        truth = __import__("json").loads((path / "ground-truth.json").read_text())
        GT[name] = truth
        hist = DATA / f"history-{metric}"
        variants = {
            "welch, bh (default)": [],
            "welch, none": ["--correction", "none"],
            "mann-whitney, bh": ["--test", "mann-whitney"],
            "welch, bh, --history": ["--history", str(hist)],
        }
        base_runs, head_runs = load_runs(path / "base"), load_runs(path / "head")
        for vname, args in variants.items():
            res = analyze_path(path, args)
            fp = sum(1 for c in res["comparisons"]
                     if truth[c["benchmark"]]["expected"] == "no-change" and c["verdict"] in FLAGGED)
            nulls = sum(1 for t in truth.values() if t["expected"] == "no-change")
            det = [c for c in res["comparisons"] if truth[c["benchmark"]]["expected"] == "change"]
            right = sum(1 for c in det if c["verdict"] in FLAGGED
                        and np.sign(c["change"]["percent"]) == np.sign(true_pct(truth[c["benchmark"]])))
            counts = res["summary"]["counts"]
            real_rows.append([name, vname, res["gate"]["verdict"], f"{fp}/{nulls}",
                              f"{right}/{len(det)}" if det else "—",
                              " ".join(f"{k[:4]} {v}" for k, v in counts.items() if v)])
        # baselines on pooled samples
        for bname in ["Go rule (baseline)", "criterion rule (baseline)"]:
            fp = det_right = 0
            reg = 0
            for b in truth:
                bs = np.concatenate([r[b] for r in base_runs.values() if b in r])
                hs = np.concatenate([r[b] for r in head_runs.values() if b in r])
                v = go_rule(bs, hs)[0] if bname.startswith("Go") else criterion_rule(bs, hs, rng)[0]
                reg += v == "regression"
                if truth[b]["expected"] == "no-change":
                    fp += v in FLAGGED
                elif v in FLAGGED and np.sign(np.median(hs) - np.median(bs)) == np.sign(true_pct(truth[b])):
                    det_right += 1
            nulls = sum(1 for t in truth.values() if t["expected"] == "no-change")
            nchg = len(truth) - nulls
            real_rows.append([name, bname, "fail" if reg else "pass", f"{fp}/{nulls}",
                              f"{det_right}/{nchg}" if nchg else "—", ""])
print(f"real as collected: {time.time() - T0:.0f}s")

# %% [markdown]
# ## 2. Pseudo-A/A splits of real runs of one binary, with injected effects

# %%
def pool(name):
    p = DATA / name
    if (p / "base").exists():
        runs = list(load_runs(p / "base").values()) + list(load_runs(p / "head").values())
    else:
        runs = list(load_runs(p).values())
    rec = first_record(p)
    return runs, rec["mode"], rec["unit"]


def split_suites(runs, k, n_splits):
    out = []
    for _ in range(n_splits):
        perm = rng.permutation(len(runs))
        out.append((perm[:k], perm[k:2 * k]))
    return out


def batched(runs, mode, unit, splits, delta, args, history_dir=None, collapse=False):
    """All splits in one call (benchmarks prefixed sNNN/): valid with --correction none only."""
    base = collections.defaultdict(list)
    head = collections.defaultdict(list)
    for s, (bi, hi) in enumerate(splits):
        for j, r in enumerate(bi):
            base[f"r{j + 1}"] += to_rows(runs[r], mode, unit, prefix=f"s{s:03d}/", collapse=collapse)
        for j, r in enumerate(hi):
            head[f"r{j + 1}"] += to_rows(runs[r], mode, unit, prefix=f"s{s:03d}/", factor=1 + delta,
                                         collapse=collapse)
    history_runs = None
    if history_dir is not None:
        # the history's benchmark names must match the prefixed ones: each past run is written once
        # per split, collapsed to its geometric mean (the centre benchstat takes of a past run)
        history_runs = collections.defaultdict(list)
        for run_id, run in load_runs(history_dir).items():
            for s in range(len(splits)):
                history_runs[run_id] += to_rows(run, mode, unit, prefix=f"s{s:03d}/", collapse=True)
    res = analyze(base, head, ["--correction", "none", *args], history_runs=history_runs)
    return res["comparisons"]


def one_suite(runs, mode, unit, split, args, delta=0.0, history_dir=None, collapse=False):
    bi, hi = split
    base = {f"r{j + 1}": to_rows(runs[r], mode, unit, collapse=collapse) for j, r in enumerate(bi)}
    head = {f"r{j + 1}": to_rows(runs[r], mode, unit, factor=1 + delta, collapse=collapse)
            for j, r in enumerate(hi)}
    return analyze(base, head, list(args), history_dir=history_dir)


def covered(c, delta):
    ci = c["change"]["ci"] if c.get("change") else None
    if ci is None or ci[0] is None:
        return None
    return ci[0] - 1e-9 <= 100 * delta <= ci[1] + 1e-9


POOLS = ["aa-walltime", "history-walltime", "history-cycles", "history-instrumentation"]
KS = [2, 3, 5]
split_stats = {}   # (pool, k, method) -> dict
for pname in POOLS:
    runs, mode, unit = pool(pname)
    for k in KS:
        gate_splits = split_suites(runs, k, N_GATE if mode == "walltime" else N_SPLITS)
        splits = gate_splits[:N_SPLITS]
        st = collections.defaultdict(dict)
        # suite-level gate with BH (one call per split) and with none (batched, grouped per split)
        variants = [("benchstat welch", [], None, False), ("benchstat mann-whitney", ["--test", "mann-whitney"], None, False)]
        if mode == "walltime":
            variants.append(("PROPOSAL A: benchstat welch on run means (run always the unit)", [], None, True))
        if pname == "aa-walltime":
            variants.append(("benchstat welch + --history history-walltime", [], DATA / "history-walltime", False))
        for mname, args, hdir, collapse in variants:
            fails = 0
            fp_bh = 0
            nb = 0
            for sp in gate_splits:
                r = one_suite(runs, mode, unit, sp, args, history_dir=hdir, collapse=collapse)
                fails += r["gate"]["verdict"] == "fail"
                fp_bh += sum(c["verdict"] in FLAGGED for c in r["comparisons"])
                nb += len(r["comparisons"])
            st[mname]["suite_bh"] = (fails, len(gate_splits))
            st[mname]["fpr_bh"] = (fp_bh, nb)
            for delta in EFFECTS:
                comps = batched(runs, mode, unit, splits, delta, args, history_dir=hdir, collapse=collapse)
                if delta == 0:
                    by_noise = collections.defaultdict(lambda: [0, 0])
                    for c in comps:
                        by_noise[c["noise"]][0] += c["verdict"] in FLAGGED
                        by_noise[c["noise"]][1] += 1
                    st[mname]["by_noise"] = dict(by_noise)
                    per_suite = collections.defaultdict(int)
                    for c in comps:
                        per_suite[c["benchmark"].split("/", 1)[0]] += c["verdict"] == "regression"
                    st[mname]["suite_none"] = (sum(v > 0 for v in per_suite.values()), len(splits))
                    st[mname]["fpr_none"] = (sum(c["verdict"] in FLAGGED for c in comps), len(comps))
                else:
                    st[mname][f"power_{delta}"] = (sum(c["verdict"] == "regression" for c in comps), len(comps))
                cov = [covered(c, delta) for c in comps]
                cov = [x for x in cov if x is not None]
                st[mname][f"cov_{delta}"] = (sum(cov), len(cov))
        # baselines on the same splits (pooled samples)
        for bname in ["Go rule (baseline)", "criterion rule (baseline)"]:
            for delta in EFFECTS:
                flagged = reg = n = 0
                cov_k = cov_n = 0
                suites_failed = 0
                for bi, hi in splits:
                    suite_reg = 0
                    for b in runs[0]:
                        bs = np.concatenate([runs[r][b] for r in bi])
                        hs = np.concatenate([runs[r][b] for r in hi]) * (1 + delta)
                        if bname.startswith("Go"):
                            v = go_rule(bs, hs)[0]
                        else:
                            v, _, _, (lo, hi_) = criterion_rule(bs, hs, rng, resamples=200)
                            cov_n += 1
                            cov_k += lo - 1e-9 <= 100 * delta <= hi_ + 1e-9
                        flagged += v in FLAGGED
                        reg += v == "regression"
                        suite_reg += v == "regression"
                        n += 1
                    suites_failed += suite_reg > 0
                if delta == 0:
                    st[bname]["fpr_none"] = (flagged, n)
                    st[bname]["suite_none"] = (suites_failed, len(splits))
                else:
                    st[bname][f"power_{delta}"] = (reg, n)
                if cov_n:
                    st[bname][f"cov_{delta}"] = (cov_k, cov_n)
        for m, d in st.items():
            split_stats[(pname, k, m)] = d
        print(f"{pname} k={k}: {time.time() - T0:.0f}s")

# %% [markdown]
# ## 3. Real injected effects (`injected-*`): every sub-suite of k base and k head runs

# %%
inj_stats = {}
for metric in ["walltime", "instrumentation", "cycles"]:
    name = f"injected-{metric}"
    truth = GT[name]
    rec = first_record(DATA / name)
    mode, unit = rec["mode"], rec["unit"]
    base_runs = list(load_runs(DATA / name / "base").values())
    head_runs = list(load_runs(DATA / name / "head").values())
    changed = sorted((b for b, t in truth.items() if t["expected"] == "change"),
                     key=lambda b: truth[b].get("bytePercent", 0))
    for k in [2, 3, 5]:
        combos = [(bi, hi) for bi in itertools.combinations(range(5), k)
                  for hi in itertools.combinations(range(5), k)]
        inj_methods = [("benchstat welch", []), ("benchstat mann-whitney", ["--test", "mann-whitney"])]
        if metric == "walltime":
            inj_methods.append(("PROPOSAL A: benchstat welch on run means (run always the unit)", ["collapse"]))
        inj_methods += [("Go rule (baseline)", None), ("criterion rule (baseline)", None)]
        for mname, args in inj_methods:
            collapse = args == ["collapse"]
            if collapse:
                args = []
            st = {"suite_fa": 0, "fp": 0, "nulls": 0, "n": len(combos),
                  "det": collections.Counter(), "cov": collections.Counter()}
            for bi, hi in combos:
                if args is not None:
                    res = analyze({f"r{j + 1}": to_rows(base_runs[r], mode, unit, collapse=collapse)
                                   for j, r in enumerate(bi)},
                                  {f"r{j + 1}": to_rows(head_runs[r], mode, unit, collapse=collapse)
                                   for j, r in enumerate(hi)},
                                  args)
                    verd = {c["benchmark"]: c for c in res["comparisons"]}
                    get = {b: (c["verdict"], (c["change"] or {}).get("ci")) for b, c in verd.items()}
                else:
                    get = {}
                    for b in truth:
                        bs = np.concatenate([base_runs[r][b] for r in bi])
                        hs = np.concatenate([head_runs[r][b] for r in hi])
                        if mname.startswith("Go"):
                            get[b] = (go_rule(bs, hs)[0], None)
                        else:
                            v, _, _, ci = criterion_rule(bs, hs, rng, resamples=200)
                            get[b] = (v, list(ci))
                null_reg = False
                for b, t in truth.items():
                    v, ci = get[b]
                    if t["expected"] == "no-change":
                        st["nulls"] += 1
                        st["fp"] += v in FLAGGED
                        null_reg |= v == "regression"
                    else:
                        st["det"][b] += v == "regression"
                        tp = t.get({"walltime": "cyclesPercent", "instrumentation": "instructionPercent",
                                          "cycles": "cyclesPercent"}[metric], true_pct(t))
                        if ci is not None and ci[0] is not None:
                            st["cov"][b] += ci[0] <= tp <= ci[1]
                st["suite_fa"] += null_reg
            inj_stats[(name, k, mname)] = st
        print(f"{name} k={k}: {time.time() - T0:.0f}s")
INJ_CHANGED = {m: sorted((b for b, t in GT[f"injected-{m}"].items() if t["expected"] == "change"),
                         key=lambda b: GT[f"injected-{m}"][b].get("bytePercent", 0))
               for m in ["walltime", "instrumentation", "cycles"]}

# %% [markdown]
# ## 4. Simulation

# %%
BASE_VALUE = 1e6  # ns


def draw(dist, shape):
    if dist == "normal (CV 5%)":
        return BASE_VALUE * (1 + 0.05 * rng.standard_normal(shape))
    if dist == "lognormal (σ 10%)":
        return BASE_VALUE * np.exp(0.10 * rng.standard_normal(shape))
    if dist == "heavy-tailed t3 (2%) + 5% outliers ×1.5–3":
        x = BASE_VALUE * (1 + 0.02 * rng.standard_t(3, shape))
        x = np.maximum(x, 0.5 * BASE_VALUE)
        out = rng.random(shape) < 0.05
        return np.where(out, x * rng.uniform(1.5, 3.0, shape), x)
    if dist == "bimodal (50/50, modes 10% apart, CV 1%)":
        mode = rng.random(shape) < 0.5
        return BASE_VALUE * np.where(mode, 1.0, 1.10) * (1 + 0.01 * rng.standard_normal(shape))
    raise ValueError(dist)


DISTS = ["normal (CV 5%)", "lognormal (σ 10%)", "heavy-tailed t3 (2%) + 5% outliers ×1.5–3",
         "bimodal (50/50, modes 10% apart, CV 1%)"]
NS = [3, 5, 10, 20, 30]
RUNS = [2, 3, 5]
SIGMA_RUN, SIGMA_WITHIN, N_PER_RUN = 0.03, 0.02, 10


def sim_cell(kind, n, delta, reps):
    """Returns base, head arrays of shape (reps, runs, per_run)."""
    if kind == "runs":
        shape = (reps, n, N_PER_RUN)
        b = BASE_VALUE * np.exp(SIGMA_RUN * rng.standard_normal((reps, n, 1)) + SIGMA_WITHIN * rng.standard_normal(shape))
        h = BASE_VALUE * np.exp(SIGMA_RUN * rng.standard_normal((reps, n, 1)) + SIGMA_WITHIN * rng.standard_normal(shape))
    else:
        b = draw(kind, (reps, 1, n))
        h = draw(kind, (reps, 1, n))
    return b, h * (1 + delta)


def sim_call(b, h, args):
    base = collections.defaultdict(list)
    head = collections.defaultdict(list)
    for i in range(b.shape[0]):
        for r in range(b.shape[1]):
            base[f"r{r + 1}"] += [(f"b{i:04d}", "walltime", "ns", v) for v in b[i, r]]
            head[f"r{r + 1}"] += [(f"b{i:04d}", "walltime", "ns", v) for v in h[i, r]]
    return analyze(base, head, ["--correction", "none", *args])["comparisons"]


sim = {}  # (kind, n, delta, method, setting) -> (k flagged/regression, n, cov_k, cov_n)
SIM_METHODS = [("benchstat welch", []), ("benchstat mann-whitney", ["--test", "mann-whitney"])]
cells = [(d, n) for d in DISTS for n in NS] + [("runs", r) for r in RUNS]
for kind, n in cells:
    for delta in EFFECTS:
        reps = 2 * R_SIM if delta == 0 else R_SIM
        b, h = sim_cell(kind, n, delta, reps)
        for mname, margs in SIM_METHODS:
            for setting, targs in [("test only", ["--threshold", "0"]), ("gate", [])]:
                comps = sim_call(b, h, [*margs, *targs])
                hit = sum(c["verdict"] in FLAGGED for c in comps) if delta == 0 else \
                    sum(c["verdict"] == "regression" for c in comps)
                cov = [covered(c, delta) for c in comps]
                cov = [x for x in cov if x is not None]
                sim[(kind, n, delta, mname, setting)] = (hit, len(comps), sum(cov), len(cov))
        # baselines on pooled samples
        bp, hp = b.reshape(reps, -1), h.reshape(reps, -1)
        g = [go_rule(bp[i], hp[i])[0] for i in range(reps)]
        hit = sum(v in FLAGGED for v in g) if delta == 0 else sum(v == "regression" for v in g)
        sim[(kind, n, delta, "Go rule (baseline)", "")] = (hit, reps, 0, 0)
        cr = [criterion_rule(bp[i], hp[i], rng, resamples=200) for i in range(reps)]
        hit = sum(v[0] in FLAGGED for v in cr) if delta == 0 else sum(v[0] == "regression" for v in cr)
        cov = sum(v[3][0] - 1e-9 <= 100 * delta <= v[3][1] + 1e-9 for v in cr)
        sim[(kind, n, delta, "criterion rule (baseline)", "")] = (hit, reps, cov, reps)
    print(f"sim {kind[:20]} n={n}: {time.time() - T0:.0f}s")

# %% [markdown]
# ## 5. Tables

# %%
def rate(t):
    if not t or t[1] == 0:
        return "—"
    return pct(t[0] / t[1])


def rate_ci(t):
    if not t or t[1] == 0:
        return "—"
    lo, hi = wilson(t[0], t[1])
    return f"{pct(t[0] / t[1])} [{pct(lo, 0)}–{pct(hi, 0)}]"


md = []
md.append("# Calibration of benchstat (generated by `Notebooks-as-scripts/calibration.py`)\n")
md.append(f"Binary: `benchstat {binary_version()}`; {N_GATE} random splits per walltime pool and k for the "
          f"suite-level gate (bh), {N_SPLITS} for everything else; "
          f"{R_SIM} simulated replicates per cell ({2 * R_SIM} at δ = 0). Rates with a Wilson 95% "
          "interval where useful. Baselines are re-implementations for comparison only (labelled).\n")

md.append("\n## Table 1 — pseudo-A/A on real runs of one binary (main calibration table)\n")
md.append("Each split = one suite of 20 benchmarks, base = k random runs, head = k other runs of the "
          "same binary. Suite false alarm = gate fails. Power = P(`regression`) when the head of the "
          "split is multiplied by 1 + δ (per benchmark, `--correction none`). Coverage = 95% CI of the "
          "change contains the true change (0 and the injected δ pooled).\n\n")
header = ["pool", "k runs/side", "method", "suite false alarm (bh)", "suite false alarm (none)",
          "per-bench FP (bh)", "per-bench FP (none)", "power δ=1%", "δ=2%", "δ=5%", "δ=10%", "CI coverage"]
rows = []
for (pname, k, m), d in split_stats.items():
    covs = [d.get(f"cov_{e}") for e in EFFECTS if d.get(f"cov_{e}")]
    cov = (sum(c[0] for c in covs), sum(c[1] for c in covs)) if covs else None
    rows.append([pname, k, m, rate_ci(d.get("suite_bh")), rate_ci(d.get("suite_none")), rate(d.get("fpr_bh")),
                 rate(d.get("fpr_none")), *[rate(d.get(f"power_{e}")) for e in EFFECTS[1:]], rate(cov)])
md.append(markdown_table(header, rows))

md.append("\n### Table 1b — where the false positives come from: per-benchmark FP (`--correction none`, δ = 0) "
          "by the noise model benchstat chose\n\n")
rows = []
for (pname, k, m), d in split_stats.items():
    if "by_noise" in d and "walltime" in pname:
        rows.append([pname, k, m, *[f"{v[0]}/{v[1]} = {v[0] / v[1]:.1%}" if (v := d["by_noise"].get(nm)) else "—"
                                     for nm in ["within-run", "between-run", "history"]],
                     ", ".join(f"{nm} {v[0]}/{v[1]}" for nm, v in d["by_noise"].items()
                               if nm not in ("within-run", "between-run", "history"))])
md.append(markdown_table(["pool", "k", "method", "within-run (samples independent)", "between-run",
                          "history", "other"], rows))

md.append("\n## Table 2 — real datasets as collected (one suite each)\n\n")
md.append("`aa-*`: two batches ≥ 3 min apart, not interleaved. `linkorder-*`, `injected-*`, `lto-*`: base "
          "and head interleaved. Ground truth from `ground-truth.json` (for `lto-*` the 16 'change' "
          "benchmarks move by −0.2…−1.5%, below the 5% walltime threshold). \"detected\" = flagged in the "
          "true direction.\n\n")
md.append(markdown_table(["dataset", "method", "gate", "false positives / no-change", "detected / change",
                          "verdict counts"], real_rows))

md.append("\n## Table 3 — real injected effects (`injected-*`), every sub-suite of k base and k head runs\n\n")
md.append("Detection = P(`regression`) for the benchmark with +2/+5/+10/+20% input bytes (true change "
          "in instructions/estimated cycles given). Suite false alarm = a no-change benchmark is a "
          "regression. Default gate (bh, default thresholds).\n\n")
rows = []
for (name, k, m), st in inj_stats.items():
    metric = name.split("-", 1)[1]
    dets = []
    for b in INJ_CHANGED[metric]:
        t = GT[name][b]
        dets.append(f"{pct(st['det'][b] / st['n'], 0)}")
    rows.append([name, k, m, st["n"], rate_ci((st["suite_fa"], st["n"])), rate((st["fp"], st["nulls"])), *dets])
hdr_eff = []
for b in INJ_CHANGED["walltime"]:
    t = GT["injected-walltime"][b]
    hdr_eff.append(f"+{t['bytePercent']:.0f}% bytes (instr {t['instructionPercent']:+.1f}%, cyc {t['cyclesPercent']:+.1f}%)")
md.append(markdown_table(["dataset", "k", "method", "sub-suites", "suite false alarm", "per-bench FP",
                          *hdr_eff], rows))

md.append("\n## Table 4 — simulation: per-benchmark false-positive rate (δ = 0, `--correction none`)\n\n")
md.append(f"One run per side of n samples, or r runs per side × {N_PER_RUN} samples with a between-run "
          f"effect σ_run = {SIGMA_RUN:.0%} (within-run σ = {SIGMA_WITHIN:.0%}). 'test' = `--threshold 0`, "
          "'gate' = default 5% walltime threshold.\n\n")
methods = [("benchstat welch", "test only"), ("benchstat welch", "gate"), ("benchstat mann-whitney", "test only"),
           ("benchstat mann-whitney", "gate"), ("Go rule (baseline)", ""), ("criterion rule (baseline)", "")]
mlabel = [f"{m.replace('benchstat ', '')}{' ' + s if s else ''}" for m, s in methods]
rows = []
for kind, n in cells:
    label = kind if kind != "runs" else f"runs: r runs × {N_PER_RUN}, σ_run {SIGMA_RUN:.0%}"
    rows.append([label, n, *[rate(sim[(kind, n, 0.0, m, s)]) for m, s in methods]])
md.append(markdown_table(["distribution", "n (or r)", *mlabel], rows))

md.append("\n## Table 5 — simulation: power P(`regression`) at δ = 1/2/5/10%\n\n")
rows = []
for kind, n in cells:
    label = kind if kind != "runs" else f"runs (σ_run {SIGMA_RUN:.0%})"
    rows.append([label, n, *["/".join(rate(sim[(kind, n, e, m, s)]).rstrip("%") for e in EFFECTS[1:])
                             for m, s in methods]])
md.append("Each cell: power at δ = 1 / 2 / 5 / 10 % (in %).\n\n")
md.append(markdown_table(["distribution", "n (or r)", *mlabel], rows))

md.append("\n## Table 6 — simulation: coverage of the 95% interval of the change (all δ pooled)\n\n")
rows = []
for kind, n in cells:
    label = kind if kind != "runs" else f"runs (σ_run {SIGMA_RUN:.0%})"
    row = [label, n]
    for m in ["benchstat welch", "benchstat mann-whitney", "criterion rule (baseline)"]:
        s = "test only" if m.startswith("benchstat") else ""
        k_ = sum(sim[(kind, n, e, m, s)][2] for e in EFFECTS)
        n_ = sum(sim[(kind, n, e, m, s)][3] for e in EFFECTS)
        row.append(rate((k_, n_)))
    rows.append(row)
md.append(markdown_table(["distribution", "n (or r)", "welch (geomean ratio)", "mann-whitney (HL shift)",
                          "criterion (mean ratio, baseline)"], rows))
md.append(f"\nRun time: {time.time() - T0:.0f} s.\n")
(OUT / "calibration.md").write_text("".join(md))
print("".join(md))

# %% [markdown]
# ## 6. Figure

# %%
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

fig, axes = plt.subplots(2, 5, figsize=(20, 7.5), sharey="row")
colors = {"benchstat welch": "C0", "benchstat mann-whitney": "C1", "Go rule (baseline)": "C3",
          "criterion rule (baseline)": "C2"}
for j, kind in enumerate(DISTS + ["runs"]):
    xs = NS if kind != "runs" else RUNS
    for m, s in methods:
        ls = "--" if s == "gate" else "-"
        fpr = [sim[(kind, n, 0.0, m, s)][0] / sim[(kind, n, 0.0, m, s)][1] for n in xs]
        pw = [sim[(kind, n, 0.05, m, s)][0] / sim[(kind, n, 0.05, m, s)][1] for n in xs]
        lab = f"{m}{' (' + s + ')' if s else ''}"
        axes[0, j].plot(xs, fpr, ls, marker="o", color=colors[m], label=lab)
        axes[1, j].plot(xs, pw, ls, marker="o", color=colors[m], label=lab)
    axes[0, j].axhline(0.05, color="k", lw=0.8, ls=":")
    axes[0, j].set_title(kind if kind != "runs" else f"r runs × {N_PER_RUN}, σ_run {SIGMA_RUN:.0%}", fontsize=9)
    axes[1, j].set_xlabel("samples per side" if kind != "runs" else "runs per side")
axes[0, 0].set_ylabel("false-positive rate (δ = 0)")
axes[1, 0].set_ylabel("P(regression) at δ = +5%")
axes[0, 0].legend(fontsize=7)
fig.suptitle("benchstat calibration on simulated samples (solid: --threshold 0; dashed: default 5% gate)")
fig.tight_layout()
fig.savefig(OUT / "calibration.png", dpi=110)

fig, ax = plt.subplots(figsize=(9, 4.5))
labels, vals, errs = [], [], []
for (pname, k, m), d in split_stats.items():
    if "suite_bh" in d and m.startswith("benchstat"):
        k_, n_ = d["suite_bh"]
        lo, hi = wilson(k_, n_)
        labels.append(f"{pname} k={k}\n{m.replace('benchstat ', '')}")
        vals.append(k_ / n_)
        errs.append([k_ / n_ - lo, hi - k_ / n_])
ax.bar(range(len(vals)), vals, yerr=np.array(errs).T, color="C0", capsize=2)
ax.axhline(0.05, color="r", ls="--", lw=1, label="issue's bar: 5%")
ax.set_xticks(range(len(vals)))
ax.set_xticklabels(labels, rotation=90, fontsize=6)
ax.set_ylabel("suite false-alarm rate (gate fails)")
ax.set_title("Pseudo-A/A splits of real runs: suite false alarms of the default gate (bh)")
ax.legend()
fig.tight_layout()
fig.savefig(OUT / "calibration-real-aa.png", dpi=110)
print(f"done in {time.time() - T0:.0f}s")
