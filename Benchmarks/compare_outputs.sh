#!/usr/bin/env bash
# Issue 17's identity check: two builds of benchstat must print the same bytes, with the same exit
# code, for every report format on every suite the performance work touches.
#
#   Benchmarks/compare_outputs.sh BEFORE_BINARY AFTER_BINARY
#
# Suites: the shapes of shapes_benchmarks.sh that exist under SUITES (headline, 100k × 1, 5 labels,
# 10 run files a side, the interleaved Go text and JSON Lines of compare_go_benchstat.sh), the
# headline with --test mann-whitney, the history suite with its 30-run and 200-run stores when
# history_benchmarks.sh has written them (and `history changes` on the 200-run store), and every
# dataset in Data/. Each in text, json, markdown, csv, junit, github and html. Prints one line per
# difference and exits 1 when there is one.
# Environment: SUITES (/tmp/benchstat-suites), HISTORY (/tmp/benchstat-history).
set -uo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 BEFORE_BINARY AFTER_BINARY" >&2; exit 2; }
BEFORE=$1
AFTER=$2
SUITES=${SUITES:-/tmp/benchstat-suites}
HISTORY=${HISTORY:-/tmp/benchstat-history}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
differences=0
compared=0

compare_command() {  # compare_command ARGS... (after the binary): both builds' output and exit code
    "$BEFORE" "$@" > "$scratch/before" 2>&1
    local before=$?
    "$AFTER" "$@" > "$scratch/after" 2>&1
    local after=$?
    compared=$((compared + 1))
    if [ "$before" != "$after" ] || ! cmp -s "$scratch/before" "$scratch/after"; then
        echo "differs: $* (exit $before → $after)"
        differences=$((differences + 1))
    fi
}

compare() {  # compare ARGS... (after `analyze`), in every format
    for format in text json markdown csv junit github html; do
        compare_command analyze "$@" --format "$format"
    done
}

for shape in shape-headline shape-100k1 shape-labels5 shape-runs10; do
    [ -d "$SUITES/$shape/jsonl" ] && compare "$SUITES/$shape/jsonl"
done
for format in go jsonl; do
    [ -d "$SUITES/n20000-s20-interleaved-full/$format" ] && compare "$SUITES/n20000-s20-interleaved-full/$format"
done
[ -d "$SUITES/shape-headline/jsonl" ] && compare "$SUITES/shape-headline/jsonl" --test mann-whitney
if [ -f "$HISTORY/h30.sqlite" ] && [ -d "$HISTORY/suite" ]; then
    compare "$HISTORY/suite" --history "$HISTORY/h30.sqlite" --history-machine m --history-last 30
fi
# The 200-run store: change points cut most series' history (the split step's screen, E-divisive).
if [ -f "$HISTORY/h200.sqlite" ] && [ -d "$HISTORY/suite" ]; then
    compare "$HISTORY/suite" --history "$HISTORY/h200.sqlite" --history-machine m --history-last 200
    for format in text json; do
        compare_command history changes --db "$HISTORY/h200.sqlite" --format "$format"
    done
fi
for dataset in Data/*/; do
    compare "$dataset"
done
echo "$compared outputs compared, $differences differ"
[ "$differences" -eq 0 ]
