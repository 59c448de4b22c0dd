#!/usr/bin/env bash
# Follows every recipe of README.md "### Recipes" end to end, as a new user would: for each peer
# tool it writes a tiny project in a scratch dir (a git repository: branch `main` is the base, branch
# `pr` makes one benchmark ~25 % slower), runs the recipe's commands as the README writes them, then
# `benchstat analyze` as written, and prints the command lines, benchstat's report and its exit code.
#
# NOT run by CI (it needs the real tools and takes several minutes). Run by hand:
#     swift build --product benchstat
#     bash scripts/follow_recipes.sh [tool...] | tee Tests/BenchmarkIngestTests/Fixtures/peers/recipes-transcript.txt
# Tools: go criterion criterion_baselines bencher libtest hyperfine pytest_benchmark pyperf gbench catch2 bmf gab
# A tool that is not installed is reported as "skipped: <tool> not installed" (nothing is installed).
# Environment: BENCHSTAT (default .build/debug/benchstat), WORK (default /tmp/recipes).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCHSTAT="${BENCHSTAT:-$ROOT/.build/debug/benchstat}"
WORK="${WORK:-/tmp/recipes}"
if [[ ! -x "$BENCHSTAT" ]]; then
  echo "error: $BENCHSTAT not found (swift build --product benchstat, or set BENCHSTAT)" >&2
  exit 2
fi
# `benchstat` on PATH, so the commands read as in the README.
mkdir -p "$WORK/bin"
ln -sf "$BENCHSTAT" "$WORK/bin/benchstat"
export PATH="$WORK/bin:$PATH"
export GIT_AUTHOR_NAME=recipes GIT_AUTHOR_EMAIL=recipes@example.com
export GIT_COMMITTER_NAME=recipes GIT_COMMITTER_EMAIL=recipes@example.com
export GOTOOLCHAIN=local GOPROXY=off GOFLAGS=-mod=mod GOTELEMETRY=off
export NO_COLOR=1

FAILED=0

# step 'COMMAND': prints the command line, runs it in the current directory (tool output goes to
# the recipe's log), and stops the recipe when it fails.
step() {
  echo "\$ $1"
  local rc=0
  bash -c "$1" >> "$LOG" 2>&1 || rc=$?
  if [[ $rc != 0 ]]; then
    echo "  FAILED (exit $rc); last lines of $LOG:"
    tail -5 "$LOG" | sed 's/^/  | /'
    return 1
  fi
}

# analyze 'COMMAND': prints the command line, benchstat's report (stdout and stderr) and its exit code.
analyze() {
  echo "\$ $1"
  local out rc
  out="$(bash -c "$1" 2>&1)"
  rc=$?
  printf '%s\n' "$out" | sed 's/^/  /'
  echo "  exit: $rc"
}

# new_repo DIR: an empty git repository on branch main with target/ and runs/ ignored.
new_repo() {
  rm -rf "$1"
  mkdir -p "$1"
  cd "$1" || return 1
  git init -q -b main .
  printf 'target/\nruns/\n__pycache__/\n.benchmarks/\nCargo.lock\n' > .gitignore
}
commit() { git add -A && git commit -q -m "$1"; }
# branch_pr FROM TO FILE: branch `pr` from main with FROM replaced by TO in FILE (the slow-down).
branch_pr() {
  git checkout -q -b pr
  sed -i "s/$1/$2/" "$3"
  commit "slower"
  git checkout -q main
}

have() { command -v "$1" > /dev/null 2>&1; }

begin() {  # begin TOOL: prints the recipe's header; returns 1 (skip) when a probe fails
  local tool="$1"; shift
  echo
  echo "=== $tool"
  for probe in "$@"; do
    if [[ "$probe" == /* ]]; then [[ -e "$probe" ]] && continue
    else have "$probe" && continue; fi
    echo "skipped: $tool not installed ($probe)"
    return 1
  done
  LOG="$WORK/$tool.log"
  : > "$LOG"
}

# ---------------------------------------------------------------- go test
recipe_go() {
  begin go go || return 0
  new_repo "$WORK/go"
  cat > go.mod <<'EOF'
module example.com/work

go 1.21
EOF
  cat > work.go <<'EOF'
package work

import "strings"

// Sum adds the squares below n.
func Sum(n int) int {
	s := 0
	for i := 0; i < n*100/100; i++ {
		s += i * i
	}
	return s
}

// Join joins n numbers.
func Join(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = "x"
	}
	return strings.Join(parts, ",")
}
EOF
  cat > work_test.go <<'EOF'
package work

import "testing"

var sinkInt int
var sinkString string

func BenchmarkSum(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkInt = Sum(20000)
	}
}

func BenchmarkJoin(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sinkString = Join(1000)
	}
}
EOF
  commit base
  branch_pr 'n\*100\/100' 'n*125\/100' work.go
  step 'mkdir -p runs/base runs/head' || return 0
  step 'git checkout -q main' || return 0
  step $'for i in 1 2 3; do go test -run \'^$\' -bench . -count 10 -benchmem > "runs/base/go-$i.txt"; done' || return 0
  step 'git checkout -q pr' || return 0
  step $'for i in 1 2 3; do go test -run \'^$\' -bench . -count 10 -benchmem > "runs/head/go-$i.txt"; done' || return 0
  analyze 'benchstat analyze runs'
}

# ---------------------------------------------------------------- criterion.rs project (shared)
# A cargo project laid out as criterion's guide says (src/lib.rs, benches/, harness = false), with
# crates.io replaced by Debian's packaged crates (offline). `pr` makes `sum` 25 % slower.
criterion_project() {
  new_repo "$1"
  mkdir -p .cargo src benches
  cat > .cargo/config.toml <<'EOF'
[source.crates-io]
replace-with = "debian"
[source.debian]
directory = "/usr/share/cargo/registry"
[net]
offline = true
EOF
  cat > Cargo.toml <<'EOF'
[package]
name = "work"
version = "0.1.0"
edition = "2021"

[dev-dependencies]
criterion = { version = "0.3", default-features = false }

[[bench]]
name = "work"
harness = false
EOF
  cat > src/lib.rs <<'EOF'
/// The sum of the squares below `n`.
pub fn sum(n: u64) -> u64 {
    (0..n * 100 / 100).map(|i| std::hint::black_box(i).wrapping_mul(i)).fold(0, u64::wrapping_add)
}

/// The `n`th Fibonacci number.
pub fn fib(n: u64) -> u64 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}
EOF
  cat > benches/work.rs <<'EOF'
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use work::{fib, sum};

fn bench(c: &mut Criterion) {
    c.bench_function("sum", |b| b.iter(|| sum(black_box(20000))));
    c.bench_function("fib", |b| b.iter(|| fib(black_box(20))));
}
criterion_group!(benches, bench);
criterion_main!(benches);
EOF
  commit base
  branch_pr 'n \* 100 \/ 100' 'n * 125 \/ 100' src/lib.rs
  # Compiled dependencies of an earlier recipe are reused (a minute saved); target/criterion is not.
  if [[ -d "$WORK/cargo-target" ]]; then cp -r "$WORK/cargo-target" target; fi
}
# keep_cargo_target: saves target/ (without criterion's results) for the next criterion project.
keep_cargo_target() {
  if [[ ! -d "$WORK/cargo-target" && -d target/release ]]; then
    # Without the project's own fingerprints: a copied target/ is newer than the checked-out
    # sources, so cargo would not rebuild `work` from them.
    cp -r target "$WORK/cargo-target" &&
      rm -rf "$WORK/cargo-target/criterion" "$WORK"/cargo-target/release/.fingerprint/work-*
  fi
}

# ---------------------------------------------------------------- criterion.rs: a tree per label
recipe_criterion() {
  begin criterion cargo /usr/share/cargo/registry/criterion-0.3.6 || return 0
  criterion_project "$WORK/criterion"
  # into existing directories, cp -r makes runs/base/criterion: a tree one level down is found too
  step 'mkdir -p runs/base runs/head' || return 0
  step 'git checkout main && cargo bench && cp -r target/criterion runs/base' || return 0
  step 'git checkout pr && cargo bench && cp -r target/criterion runs/head' || return 0
  keep_cargo_target
  analyze 'benchstat analyze runs'
}

# ---------------------------------------------------------------- criterion.rs: named baselines in one tree
recipe_criterion_baselines() {
  begin criterion_baselines cargo /usr/share/cargo/registry/criterion-0.3.6 || return 0
  criterion_project "$WORK/criterion_baselines"
  step 'git checkout -q main' || return 0
  step 'cargo bench --bench work -- --save-baseline main' || return 0
  step 'git checkout -q pr' || return 0
  step 'cargo bench' || return 0
  keep_cargo_target
  analyze 'benchstat analyze target/criterion'
}

# ---------------------------------------------------------------- bencher text (criterion --output-format bencher)
recipe_bencher() {
  begin bencher cargo /usr/share/cargo/registry/criterion-0.3.6 || return 0
  criterion_project "$WORK/bencher"
  step 'mkdir -p runs/base runs/head' || return 0
  step 'git checkout -q main' || return 0
  step 'for i in 1 2 3; do cargo bench --bench work -- --output-format bencher > "runs/base/run$i.txt"; done' || return 0
  step 'git checkout -q pr' || return 0
  step 'for i in 1 2 3; do cargo bench --bench work -- --output-format bencher > "runs/head/run$i.txt"; done' || return 0
  analyze 'benchstat analyze runs'
}

# ---------------------------------------------------------------- bencher text (libtest #[bench])
# #[bench] needs a nightly rustc; RUSTC_BOOTSTRAP=1 stands in for the README's `cargo +nightly bench`
# (no nightly toolchain here).
recipe_libtest() {
  begin libtest cargo || return 0
  new_repo "$WORK/libtest"
  mkdir -p src
  cat > Cargo.toml <<'EOF'
[package]
name = "work"
version = "0.1.0"
edition = "2021"
EOF
  cat > src/lib.rs <<'EOF'
#![feature(test)]
extern crate test;

/// The sum of the squares below `n`.
pub fn sum(n: u64) -> u64 {
    (0..n * 100 / 100).map(|i| test::black_box(i).wrapping_mul(i)).fold(0, u64::wrapping_add)
}

#[cfg(test)]
mod benches {
    use test::{black_box, Bencher};

    #[bench]
    fn sum(b: &mut Bencher) {
        b.iter(|| super::sum(black_box(20000)));
    }

    #[bench]
    fn join(b: &mut Bencher) {
        b.iter(|| (0..1000).map(|i| i.to_string()).collect::<Vec<_>>().join(","));
    }
}
EOF
  commit base
  branch_pr 'n \* 100 \/ 100' 'n * 125 \/ 100' src/lib.rs
  step 'mkdir -p runs/base runs/head' || return 0
  step 'git checkout -q main' || return 0
  step 'for i in 1 2 3; do RUSTC_BOOTSTRAP=1 cargo bench > "runs/base/run$i.txt"; done' || return 0
  step 'git checkout -q pr' || return 0
  step 'for i in 1 2 3; do RUSTC_BOOTSTRAP=1 cargo bench > "runs/head/run$i.txt"; done' || return 0
  analyze 'benchstat analyze runs'
}

# ---------------------------------------------------------------- hyperfine
recipe_hyperfine() {
  begin hyperfine hyperfine gcc || return 0
  rm -rf "$WORK/hyperfine"
  mkdir -p "$WORK/hyperfine/old" "$WORK/hyperfine/new"
  cd "$WORK/hyperfine" || return 0
  cat > parse.c <<'EOF'
#include <stdio.h>
#include <stdlib.h>
/* "Parses" its input: sums its bytes SCALE/100 times over. */
int main(int argc, char **argv) {
  FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
  if (!f) return 2;
  static unsigned char buf[1 << 20];
  size_t n = fread(buf, 1, sizeof buf, f);
  unsigned long s = 0;
  for (int r = 0; r < 40 * SCALE / 100; r++)
    for (size_t i = 0; i < n; i++) s = s * 31 + buf[i];
  printf("%lu\n", s);
  return 0;
}
EOF
  head -c 1000000 /dev/urandom > input
  gcc -O1 -DSCALE=100 parse.c -o old/parse && gcc -O1 -DSCALE=125 parse.c -o new/parse || return 0
  step 'mkdir -p runs/base runs/head' || return 0
  step "hyperfine -n parse --runs 20 --export-json runs/base/hyperfine.json './old/parse input'" || return 0
  step "hyperfine -n parse --runs 20 --export-json runs/head/hyperfine.json './new/parse input'" || return 0
  analyze 'benchstat analyze runs'
}

# ---------------------------------------------------------------- pytest-benchmark
recipe_pytest_benchmark() {
  begin pytest_benchmark pytest || return 0
  python3 -c 'import pytest_benchmark' 2> /dev/null || { echo "skipped: pytest_benchmark not installed"; return 0; }
  new_repo "$WORK/pytest_benchmark"
  cat > work.py <<'EOF'
def total(n):
    return sum(i * i for i in range(n * 100 // 100))


def joined(n):
    return ",".join(str(i) for i in range(n))
EOF
  cat > test_work.py <<'EOF'
from work import joined, total


def test_total(benchmark):
    benchmark(total, 20000)


def test_joined(benchmark):
    benchmark(joined, 2000)
EOF
  commit base
  branch_pr 'n \* 100 \/\/ 100' 'n * 125 \/\/ 100' work.py
  step 'mkdir -p runs/base runs/head' || return 0
  step 'git checkout -q main' || return 0
  step 'pytest --benchmark-only --benchmark-json=runs/base/pytest.json' || return 0
  step 'git checkout -q pr' || return 0
  step 'pytest --benchmark-only --benchmark-json=runs/head/pytest.json' || return 0
  analyze 'benchstat analyze runs'
}

# ---------------------------------------------------------------- pyperf
recipe_pyperf() {
  begin pyperf python || return 0
  python -c 'import pyperf' 2> /dev/null || { echo "skipped: pyperf not installed"; return 0; }
  rm -rf "$WORK/pyperf"
  mkdir -p "$WORK/pyperf"
  cd "$WORK/pyperf" || return 0
  step 'mkdir -p runs/base runs/head' || return 0
  step "python -m pyperf timeit -o runs/base/pyperf.json 'sorted(range(1000))'" || return 0
  step "python -m pyperf timeit -o runs/head/pyperf.json 'sorted(range(1250))'" || return 0
  analyze 'benchstat analyze runs'
}

# ---------------------------------------------------------------- Google Benchmark
recipe_gbench() {
  begin gbench g++ /usr/include/benchmark/benchmark.h || return 0
  rm -rf "$WORK/gbench"
  mkdir -p "$WORK/gbench"
  cd "$WORK/gbench" || return 0
  cat > bench.cc <<'EOF'
#include <benchmark/benchmark.h>
#include <numeric>
#include <string>
#include <vector>

static void BM_Sum(benchmark::State& state) {
  std::vector<long> v(20000 * SCALE / 100);
  std::iota(v.begin(), v.end(), 0);
  for (auto _ : state) {
    benchmark::DoNotOptimize(v.data());
    long s = 0;
    for (long x : v) s += x * x;
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_Sum);

static void BM_Concat(benchmark::State& state) {
  for (auto _ : state) {
    std::string s;
    for (int i = 0; i < 1000; i++) s += std::to_string(i);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_Concat);

BENCHMARK_MAIN();
EOF
  step 'mkdir -p runs/base runs/head' || return 0
  step 'g++ -O2 -DSCALE=100 bench.cc -o bench -lbenchmark -lpthread   # the base code' || return 0
  step './bench --benchmark_repetitions=10 --benchmark_out=runs/base/gbench.json --benchmark_out_format=json' || return 0
  step 'g++ -O2 -DSCALE=125 bench.cc -o bench -lbenchmark -lpthread   # the head code' || return 0
  step './bench --benchmark_repetitions=10 --benchmark_out=runs/head/gbench.json --benchmark_out_format=json' || return 0
  analyze 'benchstat analyze runs'
}

# ---------------------------------------------------------------- Catch2
recipe_catch2() {
  begin catch2 g++ /usr/include/catch2/catch.hpp || return 0
  rm -rf "$WORK/catch2"
  mkdir -p "$WORK/catch2"
  cd "$WORK/catch2" || return 0
  cat > tests.cpp <<'EOF'
#define CATCH_CONFIG_MAIN
#define CATCH_CONFIG_ENABLE_BENCHMARKING
#include <catch2/catch.hpp>
#include <string>

static long sum(long n) {
  volatile long s = 0;
  for (long i = 0; i < n * SCALE / 100; i++) s = s + i * i;
  return s;
}

TEST_CASE("work") {
  BENCHMARK("sum") { return sum(20000); };
  BENCHMARK("concat") {
    std::string s;
    for (int i = 0; i < 1000; i++) s += std::to_string(i);
    return s;
  };
}
EOF
  step 'mkdir -p runs/base runs/head' || return 0
  step 'g++ -O2 -std=c++17 -DSCALE=100 tests.cpp -o tests   # the base code' || return 0
  step 'for i in 1 2 3 4 5; do ./tests -r xml > "runs/base/catch2-$i.xml"; done' || return 0
  step 'g++ -O2 -std=c++17 -DSCALE=125 tests.cpp -o tests   # the head code' || return 0
  step 'for i in 1 2 3 4 5; do ./tests -r xml > "runs/head/catch2-$i.xml"; done' || return 0
  analyze 'benchstat analyze runs'
}

# ---------------------------------------------------------------- Bencher Metric Format
# No BMF writer is installable here; BMF is what one's own harness prints, so this one is a few
# lines of Python that time two functions and print {"NAME": {"latency": {"value": ns}}}.
recipe_bmf() {
  begin bmf python3 || return 0
  new_repo "$WORK/bmf"
  cat > bench.py <<'EOF'
import json
import time


def total(n):
    return sum(i * i for i in range(n * 100 // 100))


def joined(n):
    return ",".join(str(i) for i in range(n))


def latency(f, arg, rounds=200):
    start = time.perf_counter_ns()
    for _ in range(rounds):
        f(arg)
    return (time.perf_counter_ns() - start) / rounds


print(json.dumps({"total": {"latency": {"value": latency(total, 20000)}},
                  "joined": {"latency": {"value": latency(joined, 2000)}}}))
EOF
  commit base
  branch_pr 'n \* 100 \/\/ 100' 'n * 125 \/\/ 100' bench.py
  step 'mkdir -p runs/base runs/head' || return 0
  step 'git checkout -q main' || return 0
  step 'for i in 1 2 3 4 5; do python3 bench.py > "runs/base/bmf-$i.json"; done' || return 0
  step 'git checkout -q pr' || return 0
  step 'for i in 1 2 3 4 5; do python3 bench.py > "runs/head/bmf-$i.json"; done' || return 0
  analyze 'benchstat analyze runs'
}

# ---------------------------------------------------------------- github-action-benchmark
# The action (tool: cargo) records a run of the bencher text per push to main in gh-pages'
# dev/bench/data.js; it needs npm, not reachable here, so its history is written as its src/write.ts
# writes it by Fixtures/peers/gab/make-data.js (node), from three real runs on main.
recipe_gab() {
  begin gab cargo node /usr/share/cargo/registry/criterion-0.3.6 || return 0
  criterion_project "$WORK/gab"
  local pages="$WORK/gab-pages"
  rm -rf "$pages" "$WORK/gab-history"
  mkdir -p "$WORK/gab-history"
  git checkout -q main
  for i in 1 2 3; do
    cargo bench --bench work -- --output-format bencher > "$WORK/gab-history/run$i.txt" 2>> "$LOG" || return 0
  done
  keep_cargo_target
  git worktree add -q --detach "$pages" && (cd "$pages" && git checkout -q --orphan gh-pages &&
    git rm -rfq . && mkdir -p dev/bench && cd dev/bench &&
    node "$ROOT/Tests/BenchmarkIngestTests/Fixtures/peers/gab/make-data.js" "$WORK"/gab-history/run*.txt &&
    rm benchmark-data.json && git add data.js && git commit -q -m 'add Rust Benchmark benchmark result') || return 0
  echo "(gh-pages: dev/bench/data.js with 3 entries of tool cargo, from 3 runs on main)"
  step 'mkdir -p runs/base runs/head' || return 0
  step 'git checkout -q main' || return 0
  step 'for i in 1 2 3; do cargo bench --bench work -- --output-format bencher > "runs/base/run$i.txt"; done' || return 0
  step 'git checkout -q pr' || return 0
  step 'for i in 1 2 3; do cargo bench --bench work -- --output-format bencher > "runs/head/run$i.txt"; done' || return 0
  step 'git show gh-pages:dev/bench/data.js > /tmp/data.js' || return 0
  analyze 'benchstat analyze runs --history /tmp/data.js'
}

main() {
  local all=(go criterion criterion_baselines bencher libtest hyperfine pytest_benchmark pyperf gbench catch2 bmf gab)
  local sel=("$@")
  [[ ${#sel[@]} -gt 0 ]] || sel=("${all[@]}")
  echo "# README.md \"### Recipes\" followed by scripts/follow_recipes.sh"
  echo "# date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores, $(uname -sr)"
  echo "# benchstat: $BENCHSTAT ($(cd "$ROOT" && git rev-parse --short HEAD 2> /dev/null || echo '?'))"
  echo "# $(go version 2> /dev/null || echo 'go: not installed')"
  echo "# $(cargo --version 2> /dev/null || echo 'cargo: not installed'); criterion $(ls -d /usr/share/cargo/registry/criterion-0.* 2> /dev/null | sed 's/.*criterion-//' | tr '\n' ' ')"
  echo "# $(hyperfine --version 2> /dev/null || echo 'hyperfine: not installed')"
  echo "# $(python3 -c 'import pytest, pytest_benchmark, pyperf; print("pytest", pytest.__version__, "pytest-benchmark", pytest_benchmark.__version__, "pyperf", pyperf.__version__)' 2> /dev/null || echo 'pytest/pytest-benchmark/pyperf: not all installed')"
  echo "# Google Benchmark $(dpkg-query -W -f '${Version}' libbenchmark-dev 2> /dev/null || echo '?'); Catch2 $(dpkg-query -W -f '${Version}' catch2 2> /dev/null || echo '?'); $(g++ --version 2> /dev/null | head -1)"
  echo "# node $(node --version 2> /dev/null || echo 'not installed') (github-action-benchmark's data.js is built as its src/write.ts writes it)"
  for t in "${sel[@]}"; do
    (cd "$WORK" && "recipe_$t")
  done
}

main "$@"
