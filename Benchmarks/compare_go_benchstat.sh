#!/usr/bin/env bash
# Issue 17's headline: benchstat and Go's benchstat on the same files, in one alternating run.
#
#   GO_PERF_SRC=… GO_MOREMATH_SRC=… Benchmarks/compare_go_benchstat.sh
#
# Generates 20,000 benchmarks × 20 samples × 2 labels in the order Go's documentation recommends
# (interleaved: the whole suite once per sample), Go text and canonical JSON Lines, and times
#   benchstat analyze DIR --format text > /dev/null        (this tool, release build)
#   benchstat base.txt head.txt > /dev/null               (Go's, built by build_go_benchstat.sh)
# alternately, REPEAT times each (default 3), under /usr/bin/time: median wall, median CPU
# (user + system) and largest peak RSS, and our/Go ratios of wall and CPU. Go's benchstat reads Go
# text only; the JSON Lines row is compared with Go's time on the Go text of the same samples.
#
# PRECISION=full (the default) writes every digit of each value, so that no two samples tie; with
# PRECISION=go (values as `go test` prints them) Go's Mann–Whitney meets ties and takes 30–60 s on
# this suite, which would flatter us. Without GO_PERF_SRC / GO_MOREMATH_SRC (or GO_BENCHSTAT, a built
# binary) the Go column is skipped with a message.
#
# Environment: N (default 20000), SAMPLES (20), ORDER (interleaved|consecutive), REPEAT, BINARY,
# SCRATCH (.build-bench), SUITES (/tmp/benchstat-suites).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-20000}
SAMPLES=${SAMPLES:-20}
ORDER=${ORDER:-interleaved}
PRECISION=${PRECISION:-full}
REPEAT=${REPEAT:-3}
SCRATCH=${SCRATCH:-.build-bench}
SUITES=${SUITES:-/tmp/benchstat-suites}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
if [ -z "${BINARY:-}" ]; then
    swift build -c release --product benchstat --static-swift-stdlib --scratch-path "$SCRATCH" >&2
    BINARY="$SCRATCH/release/benchstat"
fi
GO=${GO_BENCHSTAT:-}
if [ -z "$GO" ]; then
    GO="$SUITES/go-benchstat"
    [ -x "$GO" ] || Benchmarks/build_go_benchstat.sh "$GO" > /dev/null || GO=""
fi
[ -n "$GO" ] || echo "Go's benchstat: not built (set GO_PERF_SRC and GO_MOREMATH_SRC); its column is skipped" >&2

suite="$SUITES/n$N-s$SAMPLES-$ORDER-$PRECISION"
if [ ! -f "$suite/.complete" ]; then
    python3 Benchmarks/generate_suite.py "$suite" --benchmarks "$N" --samples "$SAMPLES" --order "$ORDER" \
        --precision "$PRECISION"
    touch "$suite/.complete"
fi

# measure LOG COMMAND...: appends "wall_s cpu_s rss_kib" of one run.
measure() {
    local log=$1; shift
    local stats
    stats=$(mktemp)
    /usr/bin/time -f "%e %U %S %M" -o "$stats" "$@" > /dev/null 2>&1 || true
    tail -1 "$stats" | awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' >> "$log"
    rm -f "$stats"
}
summary() {
    python3 -c '
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
print(f"{statistics.median(float(r[0]) for r in rows):.3f} {statistics.median(float(r[1]) for r in rows):.2f} {max(int(r[2]) for r in rows) / 1024:.1f}")' "$1"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "suite:   $N benchmarks × $SAMPLES samples × 2, $ORDER order, $PRECISION precision (median of $REPEAT alternating runs)"
logs=$(mktemp -d)
"$BINARY" analyze "$suite/go" > /dev/null 2>&1 || true
for _ in $(seq "$REPEAT"); do
    measure "$logs/go" "$BINARY" analyze "$suite/go" --format text
    measure "$logs/jsonl" "$BINARY" analyze "$suite/jsonl" --format text
    [ -n "$GO" ] && measure "$logs/gobenchstat" "$GO" "$suite/go/base.txt" "$suite/go/head.txt"
done
printf '%-22s %8s %8s %9s %12s %12s\n' "" "wall s" "CPU s" "RSS MiB" "wall vs Go" "CPU vs Go"
read -r gwall gcpu grss < <([ -n "$GO" ] && summary "$logs/gobenchstat" || echo "0 0 0")
for row in go jsonl; do
    read -r wall cpu rss < <(summary "$logs/$row")
    ratio() { awk "BEGIN {if ($2 > 0) printf \"%.3f\", $1 / $2; else print \"n/a\"}"; }
    printf '%-22s %8s %8s %9s %12s %12s\n' "benchstat ($row)" "$wall" "$cpu" "$rss" "$(ratio "$wall" "$gwall")" "$(ratio "$cpu" "$gcpu")"
done
[ -n "$GO" ] && printf '%-22s %8s %8s %9s\n' "Go benchstat (go text)" "$gwall" "$gcpu" "$grss"
rm -rf "$logs"
