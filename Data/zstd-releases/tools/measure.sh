#!/usr/bin/env bash
# Measures the zstd-releases corpus (see ../README.md): builds bench.c against the zstd bundled in
# successive python-zstandard sdists, then records each release REPS times as consecutive "commits"
# (callgrind instruction counts and walltime), then re-runs the last build FLAT more times.
#   tools/measure.sh WORKDIR OUTDIR [REPS] [FLAT]
# WALLTIME_ONLY=1 re-measures walltime.jsonl and keeps each commit's instructions.jsonl.
set -euo pipefail
work=$1; out=$2; reps=${3:-4}; flat=${4:-30}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work" "$out"
releases=(0.15.2 0.16.0 0.17.0 0.18.0 0.19.0 0.21.0 0.23.0)
cp "$(python3 -c 'import typing; print(typing.__file__)')" "$work/typing.py"
head -c 524288 /usr/bin/bash > "$work/bash-512k"
for v in "${releases[@]}"; do
    [ -x "$work/bench-$v" ] && [ "$work/bench-$v" -nt "$here/bench.c" ] && continue
    [ -f "$work/zstandard-$v.tar.gz" ] || pip download -q --no-binary :all: --no-deps "zstandard==$v" -d "$work"
    tar xzf "$work/zstandard-$v.tar.gz" -C "$work"
    src=$(ls "$work/zstandard-$v/zstd/zstdlib.c" "$work/zstandard-$v/zstd/zstd.c" 2>/dev/null | head -1 || true)
    gcc -O2 -I"$work/zstandard-$v/zstd" "$here/bench.c" "$src" -o "$work/bench-$v" -lpthread
done
benchmarks=("compress/l1[bash] c 1 bash-512k 20" "compress/l3[bash] c 3 bash-512k 10"
    "compress/l3[typing.py] c 3 typing.py 40" "compress/l9[typing.py] c 9 typing.py 10"
    "decompress/l3[bash] d 3 bash-512k 100" "decompress/l3[typing.py] d 3 typing.py 300")
commit=0
run_commit() {  # run_commit VERSION
    local v=$1 dir
    commit=$((commit + 1))
    dir=$(printf "%s/c%03d-zstandard-%s" "$out" "$commit" "$v")
    mkdir -p "$dir"
    : > "$dir/walltime.jsonl"
    [ -n "${WALLTIME_ONLY:-}" ] || : > "$dir/instructions.jsonl"
    for spec in "${benchmarks[@]}"; do
        read -r name mode level file iters <<< "$spec"
        "$work/bench-$v" "walltime/$name" "$mode" "$level" "$work/$file" "$iters" 5 >> "$dir/walltime.jsonl"
        [ -n "${WALLTIME_ONLY:-}" ] && continue
        fn=ZSTD_compressCCtx; [ "$mode" = d ] && fn=ZSTD_decompressDCtx
        (cd "$work" && valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file=cg.log --toggle-collect=$fn \
            "./bench-$v" "$name" "$mode" "$level" "$file" 1 1 > /dev/null)
        ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/cg.log")
        printf '{"benchmark": "%s", "unit": "instructions", "value": %s}\n' "$name" "$ir" >> "$dir/instructions.jsonl"
    done
    echo "commit $commit: zstandard $v"
}
for v in "${releases[@]}"; do for _ in $(seq "$reps"); do run_commit "$v"; done; done
for _ in $(seq "$flat"); do run_commit "${releases[-1]}"; done
