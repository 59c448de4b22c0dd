# %% [markdown]
# # Synthetic history for the seed case (SYNTHETIC — not measured)
#
# The seed (ruff PR #20863, `Data/seed-ruff-20863`) has one value per side and no history, so
# benchstat can only say "inconclusive". To show what `--history` does with it, this script writes
# two *synthetic* histories of ten past baseline runs for the same 20 benchmarks: each past run's
# value is the seed's BASE value times exp(N(0, σ²)), with a fixed seed.
#
# * `history-quiet/`: σ = 0.3% — about the between-batch spread of callgrind counts that
#   DESIGN.md reports for a real linter (≤ 0.06% between batch medians, 0.04–0.6% within a batch).
# * `history-layout/`: σ = 3% — a benchmark whose simulated time moves by a few percent with code
#   layout from build to build.
#
# The numbers are synthetic by construction; the real evidence for history noise is
# `Data/history-*` (measured).

# %%
import json
import math
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "Data" / "seed-ruff-20863"

# %%
base = [json.loads(line) for line in (SEED / "base" / "codspeed.jsonl").read_text().splitlines()]


def write_history(name: str, sigma: float, seed: int) -> None:
    rng = random.Random(seed)
    folder = SEED.parent / f"seed-ruff-20863-{name}"
    folder.mkdir(exist_ok=True)
    for run in range(1, 11):
        lines = []
        for row in base:
            value = round(row["value"] * math.exp(rng.gauss(0.0, sigma)), 1)
            lines.append(
                json.dumps(
                    {"benchmark": row["benchmark"], "mode": row["mode"], "unit": "ns", "value": value,
                     "run": f"past{run:02d}"}
                )
            )
        (folder / f"past{run:02d}.jsonl").write_text("\n".join(lines) + "\n")


write_history("history-quiet-synthetic", 0.003, 20863)
write_history("history-layout-synthetic", 0.03, 20864)
print("wrote", sorted(p.name for p in SEED.parent.glob("seed-ruff-20863-history-*")))
