#!/usr/bin/env bash
# The history store's scale harness (issue 14): times, on the release binary,
#   1. `history record` of one run of N = 20,000 benchmarks x 20 samples (fresh SQLite file), and
#      the file's size per recorded run (after 30 runs);
#   2. `analyze SUITE --history DB --history-last 30` (30 recorded runs of the same 20,000
#      benchmarks) against `analyze SUITE` without history;
#   3. `history changes` over 20,000 series x 200 commits (imported with 3 samples a run, to keep
#      the file at ~0.3 GB; changes reads only the per-run centres);
#   4. with BENCHSTAT_TEST_POSTGRES_URL set (run under scripts/test-postgres.sh): `record` into
#      PostgreSQL (insert throughput) and `analyze --history URL`;
#   5. start-up: `analyze` of a one-benchmark suite without a database (median of 20).
# Median of REPEAT (default 3) runs each. Environment: SCRATCH (.build-bench), WORK
# (/tmp/benchstat-history), BINARY (skip the build), N (20000), COMMITS (200).
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build-bench}
WORK=${WORK:-/tmp/benchstat-history}
N=${N:-20000}
COMMITS=${COMMITS:-200}
REPEAT=${REPEAT:-3}
if [ -z "${BINARY:-}" ]; then
    swift build -c release --product benchstat --static-swift-stdlib --scratch-path "$SCRATCH" >&2
    BINARY="$SCRATCH/release/benchstat"
fi
mkdir -p "$WORK"
[ -f "$WORK/runs30/.complete" ] || { python3 Benchmarks/generate_history.py "$WORK/runs30" --benchmarks "$N" --samples 20 --runs 31 --seed 1 && touch "$WORK/runs30/.complete"; }
[ -f "$WORK/runs200/.complete" ] || { python3 Benchmarks/generate_history.py "$WORK/runs200" --benchmarks "$N" --samples 3 --runs "$COMMITS" --seed 2 && touch "$WORK/runs200/.complete"; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() {  # timed CMD... -> prints seconds
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null || [ $? -eq 1 ]
    end=$(date +%s%N)
    echo "scale=3; ($end - $start) / 1000000000" | bc
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary:  $BINARY ($(du -h "$BINARY" | cut -f1)); N=$N"

# 1. record one run into a fresh file.
times=()
for i in $(seq "$REPEAT"); do
    rm -f "$WORK/record.sqlite"*
    times+=("$(timed "$BINARY" history record "$WORK/runs30/run001.jsonl" --commit c1 --machine m --db "$WORK/record.sqlite")")
done
echo "record 1 run of $N x 20 (fresh SQLite):        $(printf '%s\n' "${times[@]}" | median) s"

# 2. analyze with 30 runs of history.
db="$WORK/h30.sqlite"
if [ ! -f "$db.complete" ]; then
    rm -f "$db"*
    for r in $(seq 1 30); do
        f=$(printf '%s/runs30/run%03d.jsonl' "$WORK" "$r")
        "$BINARY" history record "$f" --commit "c$r" --machine m --time "$((1700000000 + r))" --db "$db" > /dev/null
    done
    touch "$db.complete"
fi
echo "SQLite file with 30 runs:                       $(du -m "$db" | cut -f1) MB ($(echo "scale=2; $(stat -c %s "$db") / 30 / 1048576" | bc) MB per run)"
mkdir -p "$WORK/suite/base" "$WORK/suite/head"
cp "$WORK/runs30/run030.jsonl" "$WORK/suite/base/run.jsonl"
cp "$WORK/runs30/run031.jsonl" "$WORK/suite/head/run.jsonl"
"$BINARY" analyze "$WORK/suite" --history "$db" --history-machine m > /dev/null || true
a=(); b=()
for i in $(seq "$REPEAT"); do
    a+=("$(timed "$BINARY" analyze "$WORK/suite" --history "$db" --history-machine m --history-last 30)")
    b+=("$(timed "$BINARY" analyze "$WORK/suite")")
done
echo "analyze $N x 20 x 2 with 30-run history:        $(printf '%s\n' "${a[@]}" | median) s (without history $(printf '%s\n' "${b[@]}" | median) s)"

# 3. changes over N series x COMMITS commits.
db2="$WORK/h$COMMITS.sqlite"
if [ ! -f "$db2.complete" ]; then
    rm -f "$db2"*
    start=$(date +%s%N)
    "$BINARY" history import "$WORK/runs200" --machine m --time 1700000000 --db "$db2" > /dev/null
    end=$(date +%s%N)
    echo "import $COMMITS runs of $N x 3 (one transaction): $(echo "scale=1; ($end - $start) / 1000000000" | bc) s"
    touch "$db2.complete"
fi
echo "SQLite file with $COMMITS runs of $N x 3:         $(du -m "$db2" | cut -f1) MB"
c=()
for i in $(seq "$REPEAT"); do c+=("$(timed "$BINARY" history changes --db "$db2")"); done
echo "changes over $N series x $COMMITS commits:       $(printf '%s\n' "${c[@]}" | median) s"
"$BINARY" history changes --db "$db2" | tail -1 || true

# 4. PostgreSQL.
if [ -n "${BENCHSTAT_TEST_POSTGRES_URL:-}" ]; then
    url=$BENCHSTAT_TEST_POSTGRES_URL
    p=()
    for r in 1 2 3; do
        p+=("$(timed "$BINARY" history record "$(printf '%s/runs30/run%03d.jsonl' "$WORK" "$r")" --commit "pg$r" --machine m --time "$((1700000000 + r))" --db "$url")")
    done
    pm=$(printf '%s\n' "${p[@]}" | median)
    echo "record into PostgreSQL (local, loopback):       $pm s ($(echo "$N * 20 / $pm" | bc) samples/s, $(echo "$N / $pm" | bc) series/s)"
    q=$(timed "$BINARY" analyze "$WORK/suite" --history "$url" --history-machine m --history-last 30)
    echo "analyze with PostgreSQL history (3 runs):       $q s"
fi

# 5. start-up without a database.
printf '{"benchmark": "a", "unit": "ns", "value": 1}\n{"benchmark": "a", "unit": "ns", "value": 2}\n' > "$WORK/one-a.jsonl"
cp "$WORK/one-a.jsonl" "$WORK/one-b.jsonl"
s=()
for i in $(seq 20); do s+=("$(timed "$BINARY" analyze "$WORK/one-a.jsonl" "$WORK/one-b.jsonl")"); done
echo "start-up: analyze of 1 benchmark, no database: $(printf '%s\n' "${s[@]}" | median) s (median of 20)"
