# %% [markdown]
# # History: 10 baseline runs of the same zstd binary under layout-moving conditions
#
# Writes `Data/history-instrumentation/`, `Data/history-cycles/` and `Data/history-walltime/`,
# each `runNN.jsonl` = one past baseline run. Every run uses the same binary and inputs but a
# different process environment size (`env -i` semantics: only PATH, HOME and a dummy
# variable BENCHSTAT_PAD of 64*k bytes) and a different working-directory path length,
# with ASLR on (kernel randomize_va_space=2). This moves the initial stack (and therefore
# stack alignment of everything in the process) the way a CI runner's changing environment does.
# Ground truth: no change between runs.
#
# Run: `python3 Notebooks-as-scripts/collect_history.py`

# %%
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "collect"))
import common as C

N_RUNS = int(os.environ.get("COLLECT_HISTORY_RUNS", "10"))
PAUSE = int(os.environ.get("COLLECT_HISTORY_PAUSE", "10"))  # seconds between runs
rng = random.Random(20261125)
pads = list(range(N_RUNS)); rng.shuffle(pads)      # env pad = 64 * pads[i] bytes
dirs = list(range(N_RUNS)); rng.shuffle(dirs)      # cwd component length = 1 + 13 * dirs[i]

# %% Build and inputs
meta = {"start": C.stamp(), "machine": C.machine()}
meta["build"] = C.build(("O2",))
meta["inputs"] = C.materialize_inputs()
exe = {"x": meta["build"]["builds"]["O2"]["exe"]}
benches = [b for b, _, _ in C.benchmarks()]

# %% Collect: each run = walltime pass + callgrind pass under that run's conditions
conds, wall, ir, cy, runinfo = [], {}, {}, {}, []
for i in range(N_RUNS):
    run = f"run{i + 1:02d}"
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/root",
           "BENCHSTAT_PAD": "x" * (64 * pads[i])}
    cwd = os.path.join(C.WORK, "history-cwd", "d" * (1 + 13 * dirs[i]))
    os.makedirs(cwd, exist_ok=True)
    envbytes = sum(len(k) + len(v) + 2 for k, v in env.items())
    conds.append({"run": run, "env_pad_bytes": 64 * pads[i], "env_bytes": envbytes,
                  "cwd": cwd, "cwd_len": len(cwd)})
    rows, info = C.walltime_run(exe, run, env=env, cwd=cwd)
    wall[run] = rows["x"]
    runinfo.append(("history", info))
    a, c, _ = C.callgrind_run(exe, run, env=env, cwd=cwd)
    ir[run], cy[run] = a["x"], c["x"]
    print(run, conds[-1], info, flush=True)
    if i + 1 < N_RUNS:
        time.sleep(PAUSE)
meta["end"] = C.stamp()

# %% Write
gt = {b: {"expected": "no-change", "truePercent": 0,
          "note": "baseline history: same binary and input, only environment size / cwd length / ASLR differ"}
      for b in benches}
out = {}
for name, data in (("history-walltime", wall), ("history-instrumentation", ir), ("history-cycles", cy)):
    d = C.reset_dataset(name)
    for run, rows in data.items():
        C.write_jsonl(os.path.join(d, f"{run}.jsonl"), rows)
    # No ground-truth.json here: every file in a --history directory is read as a past run, so the
    # (trivial) ground truth lives in the README and in `gt` below for notebooks that import it.
    out[name] = d

# %% Descriptive spreads
cond_tab = ["| run | env bytes (pad) | cwd length | time (UTC) | loadavg before |", "|---|---|---|---|---|"]
for c_, (_, info) in zip(conds, runinfo):
    cond_tab.append(f"| {c_['run']} | {c_['env_bytes']} ({c_['env_pad_bytes']}) | {c_['cwd_len']} | "
                    f"{info['time']} | {' '.join(info['start_loadavg'])} |")
cond_md = "\n".join(cond_tab)


def cg_spread(data, unit):
    t = [f"| benchmark | min {unit} | max {unit} | distinct values | (max-min)/median |", "|---|---|---|---|---|"]
    for b in benches:
        v = [dict((x[0], x[3]) for x in rows)[b] for rows in data.values()]
        t.append(f"| {b} | {min(v)} | {max(v)} | {len(set(v))} | {100 * (max(v) - min(v)) / C.median(v):.4f}% |")
    return "\n".join(t)


def wall_spread():
    t = ["| benchmark | CV within runs | run medians min–max (ns) | (max-min)/median of run medians |", "|---|---|---|---|"]
    flat = [x for rows in wall.values() for x in rows]
    s = C.walltime_summary(flat)
    for b in benches:
        m = s[b]["run_medians"]
        t.append(f"| {b} | {s[b]['cv_min']:.1f}–{s[b]['cv_max']:.1f}% | {min(m):.0f}–{max(m):.0f} | "
                 f"{100 * (max(m) - min(m)) / C.median(m):.1f}% |")
    return "\n".join(t)


body = f"""
## Run conditions

Environment = exactly PATH, HOME and BENCHSTAT_PAD (64·k bytes, k shuffled over runs); working
directory `{C.WORK}/history-cwd/ddd…` with a shuffled length; ASLR on. Runs are {PAUSE}s apart.

{cond_md}
{C.common_md(meta, runinfo, 'python3 Notebooks-as-scripts/collect_history.py')}
## Ground truth

Baseline history: every run is the same binary on the same inputs → `no-change` for every
benchmark (stated here rather than in a `ground-truth.json`, since every file of a `--history`
directory is read as a past run). Use as `--history` for the matching A/B datasets (same build
`O2`, same inputs as `aa-*`, `injected-*` base and `lto-*` base).
"""
open(os.path.join(out["history-walltime"], "README.md"), "w").write(f"""# history-walltime — {N_RUNS} baseline runs, zstd, walltime

{N_RUNS} files `run01.jsonl` … each = one past baseline run, {len(benches)} benchmarks × 10 samples,
unit ns per operation.

{C.PROTOCOL_WALLTIME}
{body}
## Measured spreads (descriptive)

{wall_spread()}
""")
for name, data, unit in (("history-instrumentation", ir, "Ir"), ("history-cycles", cy, "cycles")):
    open(os.path.join(out[name], "README.md"), "w").write(f"""# {name} — {N_RUNS} baseline runs, zstd, callgrind {'instructions' if unit == 'Ir' else 'estimated cycles'}

{N_RUNS} files `run01.jsonl` … each = one past baseline run, {len(benches)} benchmarks × 1 sample
(one valgrind invocation each). `history-instrumentation`: instructions (Ir);
`history-cycles`: estimated cycles from the same invocations.

{C.PROTOCOL_CALLGRIND}
{body}
## Measured spread across the {N_RUNS} runs

{cg_spread(data, unit)}
""")
print(cg_spread(ir, "Ir"))
print(cg_spread(cy, "cycles"))
