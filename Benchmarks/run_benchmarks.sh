#!/usr/bin/env bash
# The performance harness of issue 6: one command that builds the release binary, generates the
# seeded suites and times `benchstat analyze` end to end on them.
#
#   Benchmarks/run_benchmarks.sh            # N = 2,000 and 20,000 benchmarks, S = 20 samples, 2 labels
#   REPEAT=10 Benchmarks/run_benchmarks.sh  # more repetitions per measurement (default 5)
#
# For every N and format (Go text, canonical JSON Lines) it runs
#   benchstat analyze DIR --format text > /dev/null
# once to warm the page cache, then REPEAT times under `/usr/bin/time -v`, and prints the median
# wall time, the median CPU time (user + system), the largest peak RSS and the input bytes per
# second of wall time; then the 2,000 → 20,000 ratio of each (linear growth is 10×). With
# HYPERFINE=1, `hyperfine` also times each case (mean ± σ).
#
# Environment: SCRATCH (build directory, default .build-bench), SUITES (where suites are generated,
# default /tmp/benchstat-suites), SIZES (default "2000 20000"), SAMPLES (default 20), BINARY (use
# this binary and skip the build).
set -euo pipefail

cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build-bench}
SUITES=${SUITES:-/tmp/benchstat-suites}
SIZES=${SIZES:-"2000 20000"}
SAMPLES=${SAMPLES:-20}
REPEAT=${REPEAT:-5}

[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }

if [ -z "${BINARY:-}" ]; then
    echo "building: swift build -c release --product benchstat --static-swift-stdlib --scratch-path $SCRATCH" >&2
    swift build -c release --product benchstat --static-swift-stdlib --scratch-path "$SCRATCH" >&2
    BINARY="$SCRATCH/release/benchstat"
    BUILT_FROM="built from $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet -- Sources 2>/dev/null || echo '+dirty')"
else
    BUILT_FROM="given by BINARY"
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -sr)"
echo "binary:  $BINARY ($BUILT_FROM)"
echo "command: benchstat analyze DIR --format text > /dev/null   (median of $REPEAT warm runs)"
echo

declare -A WALL CPU RSS
printf '%-7s %-6s %9s %9s %9s %10s %11s\n' N format "MB in" "wall s" "CPU s" "RSS MiB" "MB/s"
for n in $SIZES; do
    suite="$SUITES/n$n-s$SAMPLES"
    if [ ! -f "$suite/.complete" ]; then
        python3 Benchmarks/generate_suite.py "$suite" --benchmarks "$n" --samples "$SAMPLES" --seed 1
        touch "$suite/.complete"
    fi
    for format in go jsonl; do
        dir="$suite/$format"
        bytes=$(cat "$dir"/* | wc -c)
        "$BINARY" analyze "$dir" --format text > /dev/null || [ $? -eq 1 ]
        samples=()
        for _ in $(seq "$REPEAT"); do
            log=$(mktemp)
            start=$(date +%s%N)
            /usr/bin/time -v -o "$log" "$BINARY" analyze "$dir" --format text > /dev/null || [ $? -eq 1 ]
            end=$(date +%s%N)
            user=$(awk -F': ' '/User time/ {print $2}' "$log")
            system=$(awk -F': ' '/System time/ {print $2}' "$log")
            rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
            rm -f "$log"
            samples+=("$(((end - start) / 1000)) $user $system $rss")
        done
        read -r wall cpu rss < <(printf '%s\n' "${samples[@]}" | python3 -c '
import statistics, sys
rows = [line.split() for line in sys.stdin if line.strip()]
wall = statistics.median(float(r[0]) / 1e6 for r in rows)
cpu = statistics.median(float(r[1]) + float(r[2]) for r in rows)
rss = max(int(r[3]) for r in rows) / 1024
print(f"{wall:.3f} {cpu:.2f} {rss:.1f}")')
        WALL[$n,$format]=$wall
        CPU[$n,$format]=$cpu
        RSS[$n,$format]=$rss
        printf '%-7s %-6s %9.1f %9s %9s %10s %11.0f\n' "$n" "$format" "$(awk "BEGIN {print $bytes / 1e6}")" \
            "$wall" "$cpu" "$rss" "$(awk "BEGIN {print $bytes / $wall / 1e6}")"
        if [ "${HYPERFINE:-0}" = 1 ] && command -v hyperfine > /dev/null; then
            hyperfine -N --warmup 1 --runs "$REPEAT" -i --style basic \
                "$BINARY analyze $dir --format text" --output=null 2>&1 | sed -n 's/^ *Time/    hyperfine:/p'
        fi
    done
done

set -- $SIZES
if [ $# -ge 2 ]; then
    small=$1
    large=${!#}
    echo
    echo "growth $small → $large (linear = $((large / small))×):"
    ratio() { awk "BEGIN {if ($2 > 0) printf \"%.1f\", $1 / $2; else print \"n/a\"}"; }
    for format in go jsonl; do
        printf '  %-6s wall %6s×   CPU %6s×   RSS %5s×\n' "$format" \
            "$(ratio "${WALL[$large,$format]}" "${WALL[$small,$format]}")" \
            "$(ratio "${CPU[$large,$format]}" "${CPU[$small,$format]}")" \
            "$(ratio "${RSS[$large,$format]}" "${RSS[$small,$format]}")"
    done
fi
