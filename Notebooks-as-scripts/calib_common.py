"""Shared helpers of the calibration notebooks (calibration.py, seed_case.py, sample_size.py).

* `analyze(...)` writes canonical JSON Lines (one file per run, `base/` and `head/` sub-directories)
  to a temporary directory and returns the parsed `--format json` of the benchstat binary. Every
  statistic of benchstat comes from the binary; nothing here re-implements it.
* `go_rule` and `criterion_rule` are COMPARISON BASELINES, implemented here only to compare with:
  - Go benchstat's rule: Mann-Whitney U on all samples pooled (runs ignored), alpha = 0.05, no
    correction for multiple comparisons, change = ratio of medians; significant -> flagged.
  - a criterion.rs-style rule: Welch t statistic on raw samples with a bootstrap null distribution
    (resampling the pooled samples), percentile-bootstrap CI of the ratio of means; flagged when
    p < 0.05 and the whole CI lies beyond the 1% noise threshold (criterion's defaults).
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import tempfile

import numpy as np
from scipy import stats

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "Data"
OUT = pathlib.Path(__file__).resolve().parent / "output"
OUT.mkdir(exist_ok=True)


def find_binary() -> pathlib.Path:
    env = os.environ.get("BENCHSTAT")
    candidates = [pathlib.Path(env)] if env else []
    candidates += [ROOT / ".build-calib" / "release" / "benchstat", ROOT / ".build" / "release" / "benchstat"]
    for c in candidates:
        if c.exists():
            return c
    raise SystemExit(
        "benchstat binary not found: swift build -c release --product benchstat --scratch-path .build-calib "
        "(or set BENCHSTAT=/path/to/benchstat)")


BIN = find_binary()


def binary_version() -> str:
    out = subprocess.run([str(BIN), "--version"], capture_output=True, text=True)
    return (out.stdout or out.stderr).strip()


# %% Writing inputs ---------------------------------------------------------------------------------

def _lines(records) -> str:
    """records: iterable of (benchmark, mode, unit, value, run)."""
    return "".join(
        json.dumps({"benchmark": b, "mode": m, "unit": u, "value": float(v), "run": r}) + "\n"
        for b, m, u, v, r in records)


def write_runs(folder: pathlib.Path, runs: dict[str, list]) -> None:
    """runs: run id -> list of (benchmark, mode, unit, value); one file per run."""
    folder.mkdir(parents=True, exist_ok=True)
    for run_id, rows in runs.items():
        (folder / f"{run_id}.jsonl").write_text(_lines((b, m, u, v, run_id) for b, m, u, v in rows))


def analyze(base_runs: dict[str, list], head_runs: dict[str, list], args: list[str] = (),
            history_runs: dict[str, list] | None = None, history_dir: pathlib.Path | None = None) -> dict:
    """Run `benchstat analyze <tmp> --format json <args>` and return the parsed JSON."""
    with tempfile.TemporaryDirectory(prefix="benchstat-calib-") as tmp:
        tmp = pathlib.Path(tmp)
        write_runs(tmp / "runs" / "base", base_runs)
        write_runs(tmp / "runs" / "head", head_runs)
        cmd = [str(BIN), "analyze", str(tmp / "runs"), "--format", "json", *args]
        if history_runs is not None:
            write_runs(tmp / "history", history_runs)
            cmd += ["--history", str(tmp / "history")]
        elif history_dir is not None:
            cmd += ["--history", str(history_dir)]
        return run_json(cmd)


def run_json(cmd: list[str]) -> dict:
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"benchstat failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    return json.loads(proc.stdout)


def analyze_path(path: pathlib.Path, args: list[str] = ()) -> dict:
    return run_json([str(BIN), "analyze", str(path), "--format", "json", *args])


# %% Reading the datasets ----------------------------------------------------------------------------

def load_runs(folder: pathlib.Path) -> dict[str, dict[str, list[float]]]:
    """folder of run files -> run id (file stem) -> benchmark -> values."""
    runs: dict[str, dict[str, list[float]]] = {}
    for f in sorted(folder.glob("*.jsonl")):
        d: dict[str, list[float]] = {}
        for line in f.read_text().splitlines():
            if line.strip():
                r = json.loads(line)
                d.setdefault(r["benchmark"], []).append(float(r["value"]))
        runs[f.stem] = d
    return runs


def first_record(folder: pathlib.Path) -> dict:
    for f in sorted(folder.rglob("*.jsonl")):
        return json.loads(f.read_text().splitlines()[0])
    raise FileNotFoundError(folder)


def to_rows(run: dict[str, list[float]], mode: str, unit: str, factor: float = 1.0,
            prefix: str = "", collapse: bool = False) -> list:
    """Rows of one run; values times `factor`. collapse=True replaces the run's samples by their
    geometric mean (one sample per run: benchstat then always uses the run as the unit)."""
    rows = []
    for b, values in run.items():
        if collapse:
            values = [float(np.exp(np.mean(np.log(values))))]
        rows += [(prefix + b, mode, unit, v * factor) for v in values]
    return rows


# %% Results ----------------------------------------------------------------------------------------

FLAGGED = ("regression", "improvement")


def verdicts(result: dict) -> dict[str, dict]:
    return {c["benchmark"]: c for c in result["comparisons"]}


# %% Baselines (comparison only) ---------------------------------------------------------------------

def go_rule(base: np.ndarray, head: np.ndarray, alpha: float = 0.05) -> tuple[str, float, float]:
    """BASELINE: Go benchstat's rule. Returns (verdict, change %, p)."""
    base = np.asarray(base, float)
    head = np.asarray(head, float)
    change = (np.median(head) / np.median(base) - 1) * 100
    pooled = np.concatenate([base, head])
    ties = len(np.unique(pooled)) < len(pooled)
    if len(np.unique(pooled)) == 1:
        return "noise", 0.0, 1.0
    method = "exact" if (not ties and len(base) <= 50 and len(head) <= 50) else "asymptotic"
    p = float(stats.mannwhitneyu(head, base, alternative="two-sided", method=method).pvalue)
    if p < alpha and change != 0:
        return ("regression" if change > 0 else "improvement"), change, p
    return "noise", change, p


def _welch_t(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Welch t of a (head) vs b (base) along the last axis (raw values, as criterion does)."""
    va = a.var(axis=-1, ddof=1) / a.shape[-1]
    vb = b.var(axis=-1, ddof=1) / b.shape[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        return (a.mean(axis=-1) - b.mean(axis=-1)) / np.sqrt(va + vb)


def criterion_rule(base: np.ndarray, head: np.ndarray, rng: np.random.Generator, resamples: int = 1000,
                   noise: float = 1.0, alpha: float = 0.05, confidence: float = 0.95):
    """BASELINE: criterion.rs-style rule. Returns (verdict, change %, p, (ci lo %, ci hi %))."""
    base = np.asarray(base, float)
    head = np.asarray(head, float)
    nb, nh = len(base), len(head)
    change = (head.mean() / base.mean() - 1) * 100
    if np.all(base == base[0]) and np.all(head == head[0]):
        verdict = "noise" if abs(change) < noise else ("regression" if change > 0 else "improvement")
        return verdict, change, (0.0 if change != 0 else 1.0), (change, change)
    t_obs = _welch_t(head, base)
    pooled = np.concatenate([base, head])
    idx = rng.integers(0, nb + nh, size=(resamples, nb + nh))
    mixed = pooled[idx]
    t_null = _welch_t(mixed[:, nb:], mixed[:, :nb])
    t_null = t_null[np.isfinite(t_null)]
    p = float(np.mean(np.abs(t_null) >= abs(t_obs))) if len(t_null) else 1.0
    bb = base[rng.integers(0, nb, size=(resamples, nb))].mean(axis=1)
    hh = head[rng.integers(0, nh, size=(resamples, nh))].mean(axis=1)
    ratio = (hh / bb - 1) * 100
    lo, hi = np.quantile(ratio, [(1 - confidence) / 2, (1 + confidence) / 2])
    verdict = "noise"
    if p < alpha:
        if lo > noise and hi > noise:
            verdict = "regression"
        elif lo < -noise and hi < -noise:
            verdict = "improvement"
    return verdict, change, p, (float(lo), float(hi))


# %% Tables -----------------------------------------------------------------------------------------

def pct(x: float | None, digits: int = 1) -> str:
    if x is None or (isinstance(x, float) and np.isnan(x)):
        return "—"
    return f"{100 * x:.{digits}f}%"


def markdown_table(header: list[str], rows: list[list]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out) + "\n"


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson 95% interval of a rate k/n (for the Monte-Carlo error of the tables)."""
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (c - h, c + h)
