#!/usr/bin/env bash
# Builds the libFuzzer target Fuzz/TARGET and runs it for SECONDS.
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags...]
#   scripts/fuzz.sh IDXFuzz 600
#   scripts/fuzz.sh IDXFuzz 0 fuzz-out/IDXFuzz/crashes/crash-1234   # replay one input
#
# A target is a folder Fuzz/TARGET holding main.swift (defining LLVMFuzzerTestOneInput with
# @_cdecl), `modules` (the Sources/ folders compiled in with it, as one module, so internal API is
# reachable) and optionally `flags` (extra swiftc flags, paths relative to the package root).
# Targets are not part of `swift build`. Output goes to fuzz-out/TARGET/ (ignored by git): the
# binary, the growing corpus in corpus/, and crashers in crashes/. Exit status is libFuzzer's
# (non-zero when it found a crash). Turn every crasher into a regression test.
set -euo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: $0 TARGET SECONDS [libFuzzer flags...]  (targets: $(ls "$(dirname "$0")/../Fuzz" | tr '\n' ' '))" >&2
    exit 2
fi
target=$1
seconds=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dir="Fuzz/$target"
if [[ ! -f "$dir/main.swift" || ! -f "$dir/modules" ]]; then
    echo "error: $dir needs main.swift and modules (targets: $(ls Fuzz | tr '\n' ' '))" >&2
    exit 2
fi
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
    echo "error: SECONDS must be a whole number, got '$seconds'" >&2
    exit 2
fi

out="fuzz-out/$target"
mkdir -p "$out/corpus" "$out/crashes"
sources=()
for module in $(cat "$dir/modules"); do
    sources+=(Sources/"$module"/*.swift)
done
flags=()
if [[ -f "$dir/flags" ]]; then
    read -ra flags < "$dir/flags"
fi

echo "building $target ..." >&2
# -O keeps Swift's overflow and bounds checks (only -Ounchecked drops them); ld.gold's warnings
# about exporting ASan's local symbols are harmless noise.
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name "$target" \
    "${flags[@]}" "${sources[@]}" "$dir/main.swift" -o "$out/$target" 2> >(grep -v "ld.gold: warning: Cannot export local symbol" >&2)

corpora=("$out/corpus")
if [[ -d "$dir/seeds" ]]; then
    corpora+=("$dir/seeds")
fi
if [[ -f "$dir/seeds.py" ]]; then
    mkdir -p "$out/seeds"
    python3 "$dir/seeds.py" "$out/seeds"
    corpora+=("$out/seeds")
fi

echo "running $target for ${seconds}s ..." >&2
if [[ $# -gt 0 && -f "${1:-}" ]]; then
    exec "$out/$target" "$@"  # replay the given inputs
fi
exec "$out/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/crashes/" "$@" "${corpora[@]}"
