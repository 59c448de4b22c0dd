"""Shared helpers for the collect_*.py scripts: fetch + build zstd, real inputs,
walltime and callgrind runners, canonical JSON Lines writers, README metadata.

Nothing here is statistics: it only produces raw measurements for Data/.
"""
import concurrent.futures as cf
import datetime
import gzip
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(REPO, "Data")
WORK = os.environ.get("BENCHSTAT_COLLECT_DIR", "/tmp/benchstat-collect")
SRC = os.path.join(WORK, "src")
BUILD = os.path.join(WORK, "build")
INPUTS = os.path.join(WORK, "inputs")

ZSTANDARD_SDIST = "zstandard==0.25.0"  # vendors zstd 1.5.7 as the single-file zstd.c
LEVEL = 3
PYLIB = os.path.dirname(os.__file__)  # this interpreter's stdlib (CPython 3.11.7 here)

# ---------------------------------------------------------------- inputs
# (name, how to get the bytes). Names appear in benchmark ids.
INPUT_SOURCES = [
    ("python-stdlib/argparse.py", ("file", os.path.join(PYLIB, "argparse.py"))),
    ("python-stdlib/typing.py", ("file", os.path.join(PYLIB, "typing.py"))),
    ("python-stdlib/tarfile.py", ("file", os.path.join(PYLIB, "tarfile.py"))),
    ("python-stdlib/difflib.py", ("file", os.path.join(PYLIB, "difflib.py"))),
    ("python-stdlib/_pydecimal.py", ("file", os.path.join(PYLIB, "_pydecimal.py"))),
    ("python-stdlib/enum.py", ("file", os.path.join(PYLIB, "enum.py"))),
    ("man/bash.1", ("gunzip", "/usr/share/man/man1/bash.1.gz")),
    ("man/curl.1", ("gunzip", "/usr/share/man/man1/curl.1.gz")),
    ("man/git-config.1", ("gunzip", "/usr/share/man/man1/git-config.1.gz")),
    ("man/gpg.1", ("gunzip", "/usr/share/man/man1/gpg.1.gz")),
    ("usr-bin/cp", ("file", "/usr/bin/cp")),
    ("usr-bin/diff", ("file", "/usr/bin/diff")),
    ("usr-bin/dash", ("file", "/usr/bin/dash")),
    ("usr-bin/find", ("file", "/usr/bin/find")),
    ("licenses/GPL-3", ("file", "/usr/share/common-licenses/GPL-3")),
    ("etc/services", ("file", "/etc/services")),
]
DECOMPRESS_INPUTS = ["python-stdlib/argparse.py", "man/bash.1", "usr-bin/cp", "licenses/GPL-3"]


def benchmarks():
    """List of (benchmark id, zbench mode, input name)."""
    out = [(f"compress/level{LEVEL}[{n}]", "c", n) for n, _ in INPUT_SOURCES]
    out += [(f"decompress/level{LEVEL}[{n}]", "d", n) for n in DECOMPRESS_INPUTS]
    return out


def _read_source(how):
    kind, path = how
    if kind == "file":
        with open(path, "rb") as f:
            return f.read()
    if kind == "gunzip":
        with gzip.open(path, "rb") as f:
            return f.read()
    raise ValueError(kind)


def input_path(name, variant="orig"):
    return os.path.join(INPUTS, variant, name)


def materialize_inputs():
    """Copy the real files into WORK/inputs/orig/<name>; return metadata."""
    meta = {}
    for name, how in INPUT_SOURCES:
        data = _read_source(how)
        p = input_path(name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data)
        meta[name] = {"source": how[1], "how": how[0], "bytes": len(data),
                      "sha256": hashlib.sha256(data).hexdigest()}
    return meta


def make_grown_input(name, percent, filler_how, variant="grown"):
    """Head input = original + first k bytes of another real file of the same kind,
    k = round(len * percent / 100). Returns (path, metadata)."""
    orig = open(input_path(name), "rb").read()
    filler = _read_source(filler_how)
    k = round(len(orig) * percent / 100.0)
    assert len(filler) >= k, (name, filler_how)
    data = orig + filler[:k]
    p = input_path(name, variant)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(data)
    return p, {"base_bytes": len(orig), "head_bytes": len(data), "appended_bytes": k,
               "appended_from": filler_how[1], "byte_percent": 100.0 * k / len(orig),
               "head_sha256": hashlib.sha256(data).hexdigest()}


def ops_for(nbytes, mode):
    """Operations per walltime sample (fixed per benchmark, so each sample is ~2-6 ms)."""
    target = 3_000_000 if mode == "c" else 12_000_000
    return max(1, round(target / max(nbytes, 1)))


# ---------------------------------------------------------------- build
def sh(cmd, **kw):
    print("+", cmd if isinstance(cmd, str) else " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, shell=isinstance(cmd, str), **kw)


def fetch_zstd():
    """pip-download the zstandard sdist (not committed) and unpack it; return the dir with zstd.c."""
    os.makedirs(SRC, exist_ok=True)
    tars = [f for f in os.listdir(SRC) if f.startswith("zstandard-") and f.endswith(".tar.gz")]
    if not tars:
        sh([sys.executable, "-m", "pip", "download", "--no-binary", ":all:", "--no-deps",
            "-d", SRC, ZSTANDARD_SDIST])
        tars = [f for f in os.listdir(SRC) if f.startswith("zstandard-") and f.endswith(".tar.gz")]
    tar = os.path.join(SRC, sorted(tars)[-1])
    top = os.path.join(SRC, os.path.basename(tar)[: -len(".tar.gz")])
    if not os.path.isdir(top):
        with tarfile.open(tar) as t:
            t.extractall(SRC)
    zdir = os.path.join(top, "zstd")
    hdr = open(os.path.join(zdir, "zstd.h")).read()
    ver = ".".join(re.search(r"#define ZSTD_VERSION_%s\s+(\d+)" % k, hdr).group(1)
                   for k in ("MAJOR", "MINOR", "RELEASE"))
    return zdir, {"sdist": os.path.basename(tar),
                  "sdist_sha256": hashlib.sha256(open(tar, "rb").read()).hexdigest(),
                  "zstd_version": ver,
                  "zstd_c_sha256": hashlib.sha256(open(os.path.join(zdir, "zstd.c"), "rb").read()).hexdigest()}


BUILDS = {
    # name: (compile+link commands given zstd dir, driver, output)
    "O2": "gcc -O2 -pthread -I{z} -c {z}/zstd.c -o {b}/zstd-O2.o && "
          "gcc -O2 -pthread -I{z} -c {d} -o {b}/zbench-O2.o && "
          "gcc -O2 -pthread {b}/zbench-O2.o {b}/zstd-O2.o -o {b}/zbench-O2",
    # same objects as "O2", linked in the other order (library text before the driver)
    "O2-linkswap": "gcc -O2 -pthread -I{z} -c {z}/zstd.c -o {b}/zstd-O2.o && "
                   "gcc -O2 -pthread -I{z} -c {d} -o {b}/zbench-O2.o && "
                   "gcc -O2 -pthread {b}/zstd-O2.o {b}/zbench-O2.o -o {b}/zbench-O2-linkswap",
    "O2-flto": "gcc -O2 -flto=auto -pthread -I{z} {z}/zstd.c {d} -o {b}/zbench-O2-flto",
}


def build(which=("O2",), tag=None):
    """Build the requested variants into WORK/build/<tag> (tag = calling script's name, so
    concurrently running collect scripts never overwrite each other's binaries)."""
    zdir, meta = fetch_zstd()
    tag = tag or os.path.splitext(os.path.basename(sys.argv[0]))[0] or "x"
    bdir = os.path.join(BUILD, tag)
    os.makedirs(bdir, exist_ok=True)
    drv = os.path.join(HERE, "zbench.c")
    out = {}
    for w in which:
        cmd = BUILDS[w].format(z=zdir, d=drv, b=bdir)
        exe = os.path.join(bdir, f"zbench-{w}")
        sh(cmd)
        out[w] = {"exe": exe, "command": cmd.replace(zdir, "<sdist>/zstd").replace(bdir, "<build>")
                  .replace(drv, "Notebooks-as-scripts/collect/zbench.c"),
                  "sha256": hashlib.sha256(open(exe, "rb").read()).hexdigest()}
    meta["gcc"] = subprocess.run(["gcc", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    meta["builds"] = out
    return meta


# ---------------------------------------------------------------- machine
def machine():
    model = ""
    for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
        if line.startswith("Model name"):
            model = line.split(":", 1)[1].strip()
    return {"nproc": os.cpu_count(), "cpu_model": model, "kernel": platform.release(),
            "valgrind": subprocess.run(["valgrind", "--version"], capture_output=True, text=True).stdout.strip(),
            "aslr": open("/proc/sys/kernel/randomize_va_space").read().strip()}


def loadavg():
    return open("/proc/loadavg").read().split()[:3]


def stamp():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------- runners
def walltime_samples(exe, mode, path, ops, samples, env=None, cwd=None):
    r = subprocess.run([exe, mode, str(LEVEL), path, str(ops), str(samples)],
                       capture_output=True, text=True, check=True, env=env, cwd=cwd)
    vals = [int(x) for x in r.stdout.split()]
    assert len(vals) == samples
    return vals


CG_EVENTS = ["Ir", "Dr", "Dw", "I1mr", "D1mr", "D1mw", "ILmr", "DLmr", "DLmw"]


def callgrind_one(exe, mode, path, env=None, cwd=None, tag="x"):
    """One valgrind invocation; only the single measured bench_work(1) call is collected
    (--toggle-collect), i.e. one compress/decompress of the input after a warm-up call.
    Returns (Ir, estimated cycles, raw events)."""
    out = os.path.join(WORK, "cg", f"cg.{tag}.{os.getpid()}.{time.monotonic_ns()}")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    cmd = ["valgrind", "--tool=callgrind", "--cache-sim=yes", "--toggle-collect=bench_work*",
           f"--callgrind-out-file={out}", exe, mode, str(LEVEL), path, "1", "0"]
    subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=cwd)
    events = totals = None
    for line in open(out):
        if line.startswith("events:"):
            events = line.split()[1:]
        elif line.startswith("totals:") or (line.startswith("summary:") and totals is None):
            totals = [int(x) for x in line.split()[1:]]
    os.remove(out)
    totals = totals + [0] * (len(events) - len(totals))  # callgrind drops trailing zero counts
    ev = dict(zip(events, totals))
    return ev["Ir"], est_cycles(ev), ev


def est_cycles(ev):
    """iai / pythonspeed "estimated cycles" (the model CodSpeed's instrumentation
    mode was built on): L1 hits + 5 x LL hits + 35 x RAM hits, where
    RAM = ILmr+DLmr+DLmw, LL hits = (I1mr+D1mr+D1mw) - RAM,
    L1 hits = (Ir+Dr+Dw) - (I1mr+D1mr+D1mw)."""
    ram = ev["ILmr"] + ev["DLmr"] + ev["DLmw"]
    l1m = ev["I1mr"] + ev["D1mr"] + ev["D1mw"]
    return (ev["Ir"] + ev["Dr"] + ev["Dw"] - l1m) + 5 * (l1m - ram) + 35 * ram


def callgrind_batch(jobs, workers=2):
    """jobs: list of dicts with keys key, exe, mode, path, env, cwd -> {key: (Ir, cycles, ev)}.
    Counts do not depend on wall-clock load, so two invocations run in parallel."""
    res = {}
    with cf.ThreadPoolExecutor(workers) as ex:
        futs = {ex.submit(callgrind_one, j["exe"], j["mode"], j["path"], j.get("env"), j.get("cwd"),
                          str(i)): j["key"] for i, j in enumerate(jobs)}
        for f in cf.as_completed(futs):
            res[futs[f]] = f.result()
    return res


# ---------------------------------------------------------------- writers
def line(bench, mode, unit, value, run):
    return (f'{{"benchmark": {json.dumps(bench)}, "mode": "{mode}", "unit": "{unit}", '
            f'"value": {int(value)}, "run": "{run}"}}\n')


def write_jsonl(path, rows):
    """rows: list of (bench, mode, unit, value, run)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        for r in rows:
            f.write(line(*r))


def reset_dataset(name):
    d = os.path.join(DATA, name)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    return d


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=2, sort_keys=False)
        f.write("\n")


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def pct(a, b):
    return 100.0 * (b - a) / a


# ---------------------------------------------------------------- batches
def walltime_run(exes, run, samples=10, env=None, cwd=None, inputs=None, order_flip=False):
    """One walltime run over all benchmarks. exes: {label: exe}. inputs: {label: {benchmark id: path}}
    (default: the original inputs). Labels are interleaved per benchmark (A,B / B,A alternating
    with order_flip). Returns {label: rows}, plus the load average before/after."""
    rows = {lab: [] for lab in exes}
    la0, t0 = loadavg(), stamp()
    labels = list(exes)
    for i, (bench, mode, name) in enumerate(benchmarks()):
        order = labels[::-1] if (order_flip ^ (i % 2 == 1)) and len(labels) > 1 else labels
        for lab in order:
            path = (inputs or {}).get(lab, {}).get(bench, input_path(name))
            ops = ops_for(os.path.getsize(input_path(name)), mode)
            for v in walltime_samples(exes[lab], mode, path, ops, samples, env=env, cwd=cwd):
                rows[lab].append((bench, "walltime", "ns", v, run))
    return rows, {"run": run, "start_loadavg": la0, "end_loadavg": loadavg(), "time": t0}


def callgrind_run(exes, run, env=None, cwd=None, inputs=None):
    """One instrumentation run: one valgrind invocation per (label, benchmark).
    Returns ({label: Ir rows}, {label: cycles rows}, {label: {bench: events}})."""
    jobs = []
    for bench, mode, name in benchmarks():
        for lab, exe in exes.items():
            path = (inputs or {}).get(lab, {}).get(bench, input_path(name))
            jobs.append({"key": (lab, bench), "exe": exe, "mode": mode, "path": path,
                         "env": env, "cwd": cwd})
    res = callgrind_batch(jobs)
    ir = {lab: [] for lab in exes}
    cy = {lab: [] for lab in exes}
    raw = {lab: {} for lab in exes}
    for bench, _, _ in benchmarks():
        for lab in exes:
            a, c, ev = res[(lab, bench)]
            ir[lab].append((bench, "instrumentation", "instructions", a, run))
            cy[lab].append((bench, "instrumentation", "cycles", c, run))
            raw[lab][bench] = ev
    return ir, cy, raw


def by_bench(rows):
    d = {}
    for bench, _, _, v, run in rows:
        d.setdefault(bench, {}).setdefault(run, []).append(v)
    return d


def walltime_summary(side_rows):
    """Descriptive numbers only (for the README): per benchmark, CV within each run and
    the spread of run medians relative to the overall median."""
    out = {}
    for bench, runs in by_bench(side_rows).items():
        cvs, meds = [], []
        for vals in runs.values():
            m = sum(vals) / len(vals)
            sd = (sum((x - m) ** 2 for x in vals) / (len(vals) - 1)) ** 0.5
            cvs.append(100 * sd / m)
            meds.append(median(vals))
        out[bench] = {"cv_min": min(cvs), "cv_max": max(cvs), "run_medians": meds,
                      "median": median([v for vals in runs.values() for v in vals])}
    return out


PROTOCOL_WALLTIME = """\
Walltime protocol: the driver `zbench` (Notebooks-as-scripts/collect/zbench.c) reads the
input into memory, creates one ZSTD_CCtx/ZSTD_DCtx, does one untimed warm-up operation,
then times SAMPLES calls of `bench_work(OPS)` with `clock_gettime(CLOCK_MONOTONIC)`; each
sample is the elapsed time divided by OPS (ns per operation, rounded to an integer). OPS is
fixed per benchmark (3 MB of input per sample for compression, 12 MB for decompression,
so a sample is a few ms). One process per (run, benchmark, side) prints its 10 samples;
a run is one pass over all benchmarks; each run is one file. Samples within a run share
one process (same heap/stack layout), so they are not independent of each other.
"""

PROTOCOL_CALLGRIND = """\
Instrumentation protocol: one `valgrind --tool=callgrind --cache-sim=yes
--toggle-collect=bench_work*` invocation per (run, benchmark, side); the driver does its
setup (read input; for decompression, compress it first) and one warm-up operation outside
`bench_work`, then exactly one operation inside it, so the counts are the program's own
work for ONE compress/decompress of the input with warm caches, excluding process startup,
file reading and the warm-up. `value` = total `Ir` of the collected region (unit
"instructions"). The companion `*-cycles` dataset holds, from the same invocations,
estimated cycles (unit "cycles") = L1 hits + 5 x LL hits + 35 x RAM hits with
RAM = ILmr+DLmr+DLmw, LL hits = I1mr+D1mr+D1mw - RAM, L1 hits = Ir+Dr+Dw - (I1mr+D1mr+D1mw)
(the "estimated cycles" model of iai / calliper, after pythonspeed.com's "consistent
benchmarking in CI"; CodSpeed's CPU-simulation mode uses a cache-aware estimate of the same
kind, but its exact current weights could not be checked offline, so treat this as
CodSpeed-like, not CodSpeed-identical).
Valgrind's default cache model for this host was used (auto-detected I1/D1/LL).
Two valgrind invocations run in parallel (counts do not depend on load).
"""


def machine_md(meta):
    m = meta["machine"]
    b = meta["build"]
    lines = [
        f"- Program: zstd {b['zstd_version']} (single-file `zstd.c` vendored in the PyPI sdist "
        f"`{b['sdist']}`, sha256 `{b['sdist_sha256'][:16]}…`; `zstd.c` sha256 `{b['zstd_c_sha256'][:16]}…`), "
        f"driven by `Notebooks-as-scripts/collect/zbench.c`, compression level {LEVEL}.",
        f"- Compiler: {b['gcc']}",
    ]
    for name, bb in b["builds"].items():
        lines.append(f"- Build `{name}`: `{bb['command']}` (binary sha256 `{bb['sha256'][:16]}…`)")
    lines += [
        f"- Machine: {m['cpu_model']}, nproc={m['nproc']}, kernel {m['kernel']}, ASLR "
        f"randomize_va_space={m['aslr']}, {m['valgrind']}. Shared CI-like VM: other engineers "
        f"were compiling Swift on the same 2 cores during collection (not avoided, on purpose).",
        f"- Collected: {meta['start']} → {meta['end']} (UTC).",
    ]
    return "\n".join(lines)


def inputs_md(meta_inputs):
    rows = ["| input | source | bytes | sha256 (prefix) |", "|---|---|---|---|"]
    for name, m in meta_inputs.items():
        src = m["source"] + (" (gunzipped)" if m["how"] == "gunzip" else "")
        rows.append(f"| {name} | `{src}` | {m['bytes']} | `{m['sha256'][:12]}` |")
    return "\n".join(rows)


def runs_md(runinfo):
    rows = ["| side | run | time (UTC) | loadavg before | loadavg after |", "|---|---|---|---|---|"]
    for side, info in runinfo:
        rows.append(f"| {side} | {info['run']} | {info['time']} | {' '.join(info['start_loadavg'])} | "
                    f"{' '.join(info['end_loadavg'])} |")
    return "\n".join(rows)


def ab_collect(exes, wall_runs, cg_runs, inputs=None):
    """Interleaved A/B collection. exes: {"base": exe, "head": exe}. Within each run the
    two sides alternate per benchmark (A,B then B,A ...), and the starting side flips
    between runs. Returns wall {side: [rows per run]}, ir/cy {side: {run: rows}}, runinfo."""
    wall = {s: [] for s in exes}
    ir = {s: {} for s in exes}
    cy = {s: {} for s in exes}
    runinfo = []
    for r in range(1, wall_runs + 1):
        rows, info = walltime_run(exes, f"r{r}", inputs=inputs, order_flip=(r % 2 == 0))
        for s in exes:
            wall[s].append(rows[s])
        runinfo.append(("both", info))
        print(info, flush=True)
    for r in range(1, cg_runs + 1):
        a, c, _ = callgrind_run(exes, f"r{r}", inputs=inputs)
        for s in exes:
            ir[s][r], cy[s][r] = a[s], c[s]
        print("callgrind run", r, "done", stamp(), flush=True)
    return wall, ir, cy, runinfo


def cg_medians(d, side):
    vals = {}
    for r in sorted(d[side]):
        for bench, _, _, v, _ in d[side][r]:
            vals.setdefault(bench, []).append(v)
    return {b: median(v) for b, v in vals.items()}, vals


def cg_table(d, unit, benches):
    _, bv = cg_medians(d, "base")
    _, hv = cg_medians(d, "head")
    t = [f"| benchmark | base {unit} (runs) | head {unit} (runs) | distinct values base/head | head/base median |",
         "|---|---|---|---|---|"]
    for b in benches:
        t.append(f"| {b} | {', '.join(map(str, bv[b]))} | {', '.join(map(str, hv[b]))} | "
                 f"{len(set(bv[b]))}/{len(set(hv[b]))} | {pct(median(bv[b]), median(hv[b])):+.4f}% |")
    return "\n".join(t)


def wall_table(wall, benches):
    flat = lambda rs: [x for r in rs for x in r]
    ws = {s: walltime_summary(flat(wall[s])) for s in ("base", "head")}
    t = ["| benchmark | CV within runs (base) | CV within runs (head) | spread of base run medians | spread of head run medians | head/base median |",
         "|---|---|---|---|---|---|"]
    for b in benches:
        bs, hs = ws["base"][b], ws["head"][b]
        sp = lambda x: 100 * (max(x["run_medians"]) - min(x["run_medians"])) / x["median"]
        t.append(f"| {b} | {bs['cv_min']:.1f}–{bs['cv_max']:.1f}% | {hs['cv_min']:.1f}–{hs['cv_max']:.1f}% | "
                 f"{sp(bs):.1f}% | {sp(hs):.1f}% | {pct(bs['median'], hs['median']):+.2f}% |")
    return "\n".join(t)


def write_ab(dname, wall=None, cg=None):
    """Write base/ and head/ run files for one dataset; wall: {side: [rows per run]},
    cg: {side: {run: rows}}."""
    d = reset_dataset(dname)
    for side in ("base", "head"):
        if wall is not None:
            for r, rows in enumerate(wall[side], 1):
                write_jsonl(os.path.join(d, side, f"run{r}.jsonl"), rows)
        if cg is not None:
            for r in sorted(cg[side]):
                write_jsonl(os.path.join(d, side, f"run{r}.jsonl"), cg[side][r])
    return d


def common_md(meta, runinfo, regenerate, extra=""):
    return f"""
## Program, build, machine

{machine_md(meta)}

## Inputs (real files from this machine)

{inputs_md(meta['inputs'])}

Benchmarks ({len(benchmarks())}): `compress/level{LEVEL}[<input>]` for the 16 inputs, and
`decompress/level{LEVEL}[<input>]` for {', '.join(DECOMPRESS_INPUTS)} (input compressed at
level {LEVEL} first, untimed).
{extra}
## Collection runs (walltime)

{runs_md(runinfo)}

Regenerate: `{regenerate}`.
"""
