#!/usr/bin/env bash
# Issue 17's shapes: the same release binary on the suites users have besides the headline
# (20,000 benchmarks × 20 samples × 2 labels), each timed as `benchstat analyze DIR [flags] > /dev/null`
# under /usr/bin/time: median wall and CPU (user + system) of REPEAT warm runs, the largest peak RSS,
# and the CPU per sample relative to the headline's (the goal: every shape within 2×) — the median,
# over the runs, of each run's ratio to a headline run timed just before it by the same binary (a
# ratio to one headline timed at the start moved by ±25 % as this VM's speed drifted).
#
#   Benchmarks/shapes_benchmarks.sh                 # every shape
#   SHAPES="headline million" Benchmarks/shapes_benchmarks.sh
#   BASELINE=/tmp/benchstat-before BINARY=… Benchmarks/shapes_benchmarks.sh   # two builds, alternated
#
# Shapes (suites from generate_suite.py, seeded, under SUITES):
#   headline     20k × 20 × 2, canonical JSON Lines, consecutive
#   n200k        200k × 20 × 2 (linear growth: 10× the headline's CPU)
#   million      10⁶ × 1 × 2
#   long         200 × 5,000 × 2
#   runs10       20k × 20 × 2 in 10 run files per side
#   labels5      20k × 20 × 5 labels
#   formats      the headline in markdown, json, csv, junit, github and html
#   mannwhitney  the headline with --test mann-whitney
#   history      history_benchmarks.sh's suite (20k × 20 × 2) with --history of its 30-run store
#                (last 10 and 30) and of its 200-commit store (last 50 and 200; drawn with another seed,
#                so part of its series have other units and are not used); skipped when absent
# Environment: SCRATCH (.build-bench), SUITES (/tmp/benchstat-suites), REPEAT (3), BINARY (skip the build),
# BASELINE (another binary: timed alternately with BINARY on every shape, its row under each shape's,
# its ratios against its own headline — the way to compare two builds on a VM whose speed drifts).
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build-bench}
SUITES=${SUITES:-/tmp/benchstat-suites}
REPEAT=${REPEAT:-3}
SHAPES=${SHAPES:-"headline n200k million long runs10 labels5 formats mannwhitney history"}
HISTORY=${HISTORY:-/tmp/benchstat-history}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
if [ -z "${BINARY:-}" ]; then
    swift build -c release --product benchstat --static-swift-stdlib --scratch-path "$SCRATCH" >&2
    BINARY="$SCRATCH/release/benchstat"
fi

suite() {  # suite NAME ARGS... -> prints the JSON Lines directory of a generated suite
    local dir="$SUITES/shape-$1"
    shift
    if [ ! -f "$dir/.complete" ]; then
        python3 Benchmarks/generate_suite.py "$dir" --seed 1 "$@" >&2
        touch "$dir/.complete"
    fi
    echo "$dir/jsonl"
}

HEADLINE_CPU_PER_SAMPLE=""
BASELINE_HEADLINE_CPU_PER_SAMPLE=""
timed() {  # timed BINARY ARGS... -> "wall_µs user system maxrss_KB" of one run
    local binary=$1 log start end
    shift
    log=$(mktemp)
    start=$(date +%s%N)
    /usr/bin/time -f '%U %S %M' -o "$log" "$binary" analyze "$@" > /dev/null 2>&1 || [ $? -eq 1 ]
    end=$(date +%s%N)
    echo "$(((end - start) / 1000)) $(tail -1 "$log")"
    rm -f "$log"
}
row() {  # row LABEL SAMPLES HEADLINE_VARIABLE HEAD_COUNT HEAD_RUNS... RUNS... -> prints the table row
    # HEAD_RUNS: the headline timed just before each run (none for the headline itself); the ratio is
    # then the median of each run's CPU per sample over its neighbouring headline's, which a VM whose
    # speed drifts within the harness's run moves far less than a ratio to the first headline.
    local label=$1 samples=$2 headline=$3 head_count=$4
    shift 4
    local heads=("${@:1:$head_count}")
    shift "$head_count"
    read -r wall cpu rss ratio < <({ for head in "${heads[@]}"; do echo "head $head"; done; printf '%s\n' "$@"; } |
        python3 -c '
import statistics, sys
samples, headline_samples = float(sys.argv[1]), float(sys.argv[2])
heads, rows = [], []
for line in sys.stdin:
    fields = line.split()
    if not fields:
        continue
    (heads if fields[0] == "head" else rows).append([float(x) for x in fields[-4:]])
cpu = [r[1] + r[2] for r in rows]
ratio = "-"
if heads:
    ratio = f"{statistics.median((c / samples) / ((h[1] + h[2]) / headline_samples) for c, h in zip(cpu, heads)):.2f}"
print(f"{statistics.median(r[0] / 1e6 for r in rows):.3f}", f"{statistics.median(cpu):.2f}",
      f"{max(r[3] for r in rows) / 1024:.1f}", ratio)' "$samples" 800000)
    local per
    per=$(awk "BEGIN {printf \"%.3f\", $cpu / $samples * 1e6}")
    [ -z "${!headline}" ] && printf -v "$headline" '%s' "$per"
    [ "$ratio" = "-" ] && ratio=$(awk "BEGIN {printf \"%.2f\", $per / ${!headline}}")
    printf '%-34s %10s %8s %8s %9s %10s %8s\n' "$label" "$samples" "$wall" "$cpu" "$rss" "$per" "$ratio"
}
measure() {  # measure LABEL SAMPLES ARGS... (ARGS after `analyze`)
    local label=$1 samples=$2
    shift 2
    "$BINARY" analyze "$@" > /dev/null 2>&1 || [ $? -eq 1 ]
    [ -n "${BASELINE:-}" ] && { "$BASELINE" analyze "$@" > /dev/null 2>&1 || [ $? -eq 1 ]; }
    local rows=() baseline_rows=() heads=() baseline_heads=()
    for _ in $(seq "$REPEAT"); do
        # With a baseline, the two binaries alternate: a busy VM slows both alike. Every shape but the
        # headline has the headline timed just before it, by the same binary, for its ratio.
        if [ -n "${BASELINE:-}" ]; then
            [ -n "${HEADLINE_DIR:-}" ] && baseline_heads+=("$(timed "$BASELINE" "$HEADLINE_DIR")")
            baseline_rows+=("$(timed "$BASELINE" "$@")")
        fi
        [ -n "${HEADLINE_DIR:-}" ] && heads+=("$(timed "$BINARY" "$HEADLINE_DIR")")
        rows+=("$(timed "$BINARY" "$@")")
    done
    row "$label" "$samples" HEADLINE_CPU_PER_SAMPLE "${#heads[@]}" "${heads[@]}" "${rows[@]}"
    if [ -n "${BASELINE:-}" ]; then
        row "  baseline" "$samples" BASELINE_HEADLINE_CPU_PER_SAMPLE "${#baseline_heads[@]}" "${baseline_heads[@]}" \
            "${baseline_rows[@]}"
    fi
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary:  $BINARY; median of $REPEAT warm runs${BASELINE:+; baseline $BASELINE, alternated}"
printf '%-34s %10s %8s %8s %9s %10s %8s\n' shape samples "wall s" "CPU s" "RSS MiB" "CPU µs/smp" "÷ head"
headline=$(suite headline --benchmarks 20000 --samples 20)
measure "headline 20k × 20 × 2" 800000 "$headline"
HEADLINE_DIR=$headline
for shape in $SHAPES; do
    case $shape in
    headline) ;;
    n200k) measure "200k × 20 × 2" 8000000 "$(suite n200k --benchmarks 200000 --samples 20)" ;;
    million) measure "10⁶ × 1 × 2" 2000000 "$(suite million --benchmarks 1000000 --samples 1)" ;;
    long) measure "200 × 5,000 × 2" 2000000 "$(suite long --benchmarks 200 --samples 5000)" ;;
    runs10) measure "20k × 20 × 2, 10 run files a side" 800000 "$(suite runs10 --benchmarks 20000 --samples 20 --runs 10)" ;;
    labels5) measure "20k × 20 × 5 labels" 2000000 "$(suite labels5 --benchmarks 20000 --samples 20 --labels 5)" ;;
    formats)
        for format in markdown json csv junit github html; do
            measure "headline --format $format" 800000 "$headline" --format "$format"
        done
        ;;
    mannwhitney) measure "headline --test mann-whitney" 800000 "$headline" --test mann-whitney ;;
    history)
        if [ -f "$HISTORY/h30.sqlite" ] && [ -f "$HISTORY/h200.sqlite" ] && [ -d "$HISTORY/suite" ]; then
            for last in 10 30; do
                measure "history suite, last $last of 30 runs" 800000 "$HISTORY/suite" --history "$HISTORY/h30.sqlite" \
                    --history-machine m --history-last "$last"
            done
            for last in 50 200; do
                measure "history suite, last $last of 200 runs" 800000 "$HISTORY/suite" \
                    --history "$HISTORY/h200.sqlite" --history-machine m --history-last "$last"
            done
        else
            echo "history: skipped (run Benchmarks/history_benchmarks.sh first: it writes $HISTORY)"
        fi
        ;;
    *) echo "unknown shape: $shape" >&2; exit 2 ;;
    esac
done
