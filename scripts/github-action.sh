#!/usr/bin/env bash
# The shell logic of the benchstat GitHub Action (action.yml), runnable anywhere:
#
#   BENCHSTAT=path/to/benchstat BENCHSTAT_PATHS="runs/" BENCHSTAT_ARGS="--history past/" \
#   GITHUB_STEP_SUMMARY=summary.md GITHUB_OUTPUT=output.txt scripts/github-action.sh
#
# Environment:
#   BENCHSTAT            the binary (default: `benchstat` on the PATH)
#   BENCHSTAT_PATHS      what to analyse: paths separated by spaces or newlines (globs expand)
#   BENCHSTAT_ARGS       further `benchstat analyze` flags, split on whitespace
#   BENCHSTAT_HTML       optional: also write the HTML report to this file
#   BENCHSTAT_JSON       where to keep the JSON report (default: $RUNNER_TEMP or /tmp)
#   GITHUB_STEP_SUMMARY  the markdown report is appended here (when set)
#   GITHUB_OUTPUT        outputs are appended here as name=value lines (when set)
#
# Prints GitHub workflow-command annotations (::error / ::warning / ::notice) on standard output.
# Outputs: verdict (pass, fail or error), regressions, improvements, inconclusive, noise, missing,
# geomean-percent (empty when there is none), exit-code, json, html.
# Exit status: benchstat's own — 0 gate passed, 1 gate failed, 2 usage or input error — so the step
# fails exactly when the gate fails (or cannot be evaluated).
set -uo pipefail

benchstat=${BENCHSTAT:-benchstat}
# Word splitting and glob expansion of the paths are intended here.
# shellcheck disable=SC2206
paths=(${BENCHSTAT_PATHS:-})
read -r -d '' -a args <<<"${BENCHSTAT_ARGS:-}" || true
json=${BENCHSTAT_JSON:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/benchstat-report.json}
html=${BENCHSTAT_HTML:-}

output() {
    if [ -n "${GITHUB_OUTPUT:-}" ]; then printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"; fi
}

if [ "${#paths[@]}" -eq 0 ]; then
    echo "::error title=benchstat::no paths to analyse (set the 'paths' input)"
    output verdict error
    output exit-code 2
    exit 2
fi

# 1. One analysis, three reports: annotations on standard output, the JSON report (the gate and the
#    counts for the outputs) and the optional HTML report (an artifact to upload); with
#    GITHUB_STEP_SUMMARY set, benchstat appends the markdown report to it in the same run.
reports=(--format github --output "json=$json")
if [ -n "$html" ]; then reports+=(--output "html=$html"); fi
status=0
# Standard error is captured (for the annotation on failure); standard output passes through.
{ errors=$("$benchstat" analyze "${paths[@]}" "${args[@]}" "${reports[@]}" 2>&1 1>&3); } 3>&1 || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    message=${errors:-benchstat exited with status $status}
    # One annotation; workflow commands need %, CR and LF escaped.
    escaped=${message//'%'/'%25'}
    escaped=${escaped//$'\r'/'%0D'}
    escaped=${escaped//$'\n'/'%0A'}
    echo "::error title=benchstat could not run::$escaped"
    echo "$message" >&2
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
        printf '### ⚠️ benchstat could not run\n\n```\n%s\n```\n' "$message" >>"$GITHUB_STEP_SUMMARY"
    fi
    output verdict error
    output exit-code "$status"
    exit "$status"
fi
[ -n "$errors" ] && echo "$errors" >&2

# 2. Outputs, read from the JSON report (its key order and layout are fixed: DESIGN.md).
report=$(<"$json")
gate=${report#*\"gate\":\{\"verdict\":\"}
verdict=${gate%%\"*}
summary=${report#*\"summary\":\{}
counts=${summary#*\"counts\":\{}
counts=${counts%%\}*}
geomean=""
case "$summary" in
\"geomean\":\{\"percent\":*)
    geomean=${summary#\"geomean\":\{\"percent\":}
    geomean=${geomean%%[,\}]*}
    ;;
esac
count() {
    local rest=${counts#*\"$1\":}
    echo "${rest%%[,\}]*}"
}
output verdict "$verdict"
output regressions "$(count regression)"
output improvements "$(count improvement)"
output inconclusive "$(count inconclusive)"
output noise "$(count noise)"
output missing "$(count missing)"
output geomean-percent "$geomean"
output exit-code "$status"
output json "$json"
output html "$html"
exit "$status"
