#!/usr/bin/env bash
# Renders a benchstat HTML report in headless Chromium and saves a PNG screenshot.
#
#   scripts/html-screenshot.sh BENCHSTAT DATASET OUT.png [WIDTH,HEIGHT] [-- extra analyze flags]
#
# BENCHSTAT is the benchstat binary, DATASET what `benchstat analyze` reads. The HTML report is
# written next to OUT.png (same name, .html). Exit status: 0 screenshot written; 77 Chromium is not
# installed (the caller reports a skip: `apt-get install -y chromium` provides it); anything else is
# a failure of benchstat or of the browser.
set -euo pipefail

if [ $# -lt 3 ]; then
    echo "usage: $0 BENCHSTAT DATASET OUT.png [WIDTH,HEIGHT] [-- analyze flags]" >&2
    exit 2
fi
benchstat=$1
dataset=$2
png=$3
size=${4:-1100,1500}
shift $(( $# >= 4 ? 4 : 3 ))
[ "${1:-}" = "--" ] && shift

browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then
        browser=$(command -v "$candidate")
        break
    fi
done
if [ -z "$browser" ]; then
    echo "skipped: Chromium is not installed (apt-get install -y chromium)" >&2
    exit 77
fi

html="${png%.png}.html"
status=0
"$benchstat" analyze "$dataset" --format html --output "$html" "$@" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    echo "benchstat failed with status $status" >&2
    exit "$status"
fi

profile=$(mktemp -d "${TMPDIR:-/tmp}/benchstat-chromium.XXXXXX")
trap 'rm -rf "$profile"' EXIT
rm -f "$png"
# --no-sandbox: CI containers run as root; a private profile lets runs proceed in parallel.
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$profile" --window-size="$size" --screenshot="$png" "file://$(realpath "$html")" \
    >/dev/null 2>"$profile/stderr" || {
    cat "$profile/stderr" >&2
    exit 1
}
if [ ! -s "$png" ]; then
    cat "$profile/stderr" >&2
    echo "Chromium wrote no screenshot" >&2
    exit 1
fi
echo "$png"
