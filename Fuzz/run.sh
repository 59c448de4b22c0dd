#!/usr/bin/env bash
# Builds and runs one libFuzzer target for a given time (not part of .ci/run).
#
#   Fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
#   Fuzz/run.sh build TARGET          build only
#   Fuzz/run.sh list                  the targets
#
# Targets: jsonl csv go gbench hyperfine pytest pyperf valgrind criterion detect analysis.
# The needed Sources are compiled directly with `swiftc -sanitize=fuzzer,address` (one module
# per library, then the loader sources plus Targets/IngestFuzzSupport.swift and
# Targets/fuzz_TARGET.swift as one module, so the entry point reaches the loaders' internal API).
# Seeds come from Corpus/TARGET (committed, drawn from Tests/BenchmarkIngestTests/Fixtures/peers);
# new inputs go to Work/TARGET, crashes/timeouts/leaks to Artifacts/TARGET (both ignored by git).
set -euo pipefail
cd "$(dirname "$0")"
FUZZ=$(pwd)
ROOT=$(cd .. && pwd)
# BENCHSTAT_SOURCES: fuzz another copy of Sources (for example a clean `git archive HEAD` export).
SRC="${BENCHSTAT_SOURCES:-$ROOT/Sources}"
BUILD="$FUZZ/.build"
TARGETS="jsonl csv go gbench hyperfine pytest pyperf valgrind criterion catch2 bencher bmf gab detect analysis"

if [ "${1:-}" = list ]; then echo "$TARGETS"; exit 0; fi
build_only=0
if [ "${1:-}" = build ]; then build_only=1; shift; fi
target=${1:?usage: Fuzz/run.sh TARGET SECONDS}
case " $TARGETS " in *" $target "*) ;; *) echo "unknown target $target (one of: $TARGETS)" >&2; exit 2 ;; esac

SWIFTC=${SWIFTC:-swiftc}
FLAGS=(-sanitize=fuzzer,address -use-ld=lld -parse-as-library -O -g -wmo -swift-version 6
  -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility)
GSL_C=($(pkg-config --cflags gsl))
GSL_L=($(pkg-config --libs gsl))
mkdir -p "$BUILD"

# module NAME SOURCES...: NAME.swiftmodule and NAME.o in $BUILD, rebuilt when a source is newer.
module() {
  local name=$1; shift
  local object="$BUILD/$name.o"
  if [ -f "$object" ] && [ -z "$(find "$@" -newer "$object" 2>/dev/null | head -1)" ]; then return; fi
  echo "compiling $name" >&2
  "$SWIFTC" "${FLAGS[@]}" -module-name "$name" -I "$BUILD" -I "$SRC/CGSL" -I "$SRC/CNumberText/include" "${GSL_C[@]/#/-Xcc=}" \
    -emit-module -emit-module-path "$BUILD/$name.swiftmodule" -c "$@" -o "$object"
}

# Every Swift file of a target, sub-folders included, in a stable order.
sources() { find "$SRC/$1" -name '*.swift' | LC_ALL=C sort; }

module BenchmarkModel $(sources BenchmarkModel)
binary="$BUILD/fuzz-$target"
case $target in
  analysis)
    module Statistics $(sources Statistics)
    clang -O1 -g -fsanitize=fuzzer-no-link,address -I "$SRC/CNumberText/include" -c "$SRC/CNumberText/number_text.c" \
      -o "$BUILD/CNumberText.o"
    module NumberText $(sources NumberText)
    module BenchmarkAnalysis $(sources BenchmarkAnalysis)
    module BenchmarkReports $(sources BenchmarkReports)
    (cd "$BUILD" && "$SWIFTC" "${FLAGS[@]}" -module-name FuzzAnalysis -I "$BUILD" -I "$SRC/CGSL" -I "$SRC/CNumberText/include" \
      "$FUZZ/Targets/fuzz_$target.swift" "$BUILD"/BenchmarkModel.o "$BUILD"/Statistics.o "$BUILD"/CNumberText.o "$BUILD"/NumberText.o "$BUILD"/BenchmarkAnalysis.o "$BUILD"/BenchmarkReports.o \
      "${GSL_L[@]}" -o "$binary")
    ;;
  *)
    # In $BUILD, where swiftc leaves its by-products.
    (cd "$BUILD" && "$SWIFTC" "${FLAGS[@]}" -module-name FuzzIngest -I "$BUILD" $(sources BenchmarkIngest) \
      "$FUZZ/Targets/IngestFuzzSupport.swift" "$FUZZ/Targets/fuzz_$target.swift" "$BUILD"/BenchmarkModel.o -o "$binary")
    ;;
esac
[ "$build_only" = 1 ] && { echo "$binary"; exit 0; }

seconds=${2:?usage: Fuzz/run.sh TARGET SECONDS}
shift 2
mkdir -p "Work/$target" "Artifacts/$target"
# ASan's leak checker is on: every run must also leave nothing behind. The Swift runtime's own
# backtracer is off so that a trap is reported by libFuzzer (and does not trip ASan in its helper).
SWIFT_BACKTRACE=enable=no exec "$binary" "Work/$target" "Corpus/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -artifact_prefix="Artifacts/$target/" -print_final_stats=1 "$@"
