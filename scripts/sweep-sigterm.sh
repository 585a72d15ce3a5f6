#!/usr/bin/env bash
# Sends two SIGTERMs to a running sweep, a random 0-0.4 s apart, TRIES times, and counts the exit
# statuses and the staging folders left behind (issue 16: 139, a segfault in an OpenBLAS thread,
# when the process exited while trials were inside BLAS calls; 143 and nothing left is right).
# Usage: scripts/sweep-sigterm.sh [TRIES] [BINARY]    (needs MNIST; default: 24 tries, debug build)
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tries="${1:-24}"
bin="${2:-$root/.build/debug/nnreport}"
export NNREPORT_DATA="${NNREPORT_DATA:-$(cd "$root/.." && pwd)/shared/data}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
declare -A counts
left=0
for i in $(seq 1 "$tries"); do
    dir="$work/$i"
    mkdir -p "$dir"
    "$bin" sweep mnist --vary lr=0.01,0.03 --seeds 2 --train-limit 20000 --epochs 2 --quiet \
        --out "$dir/out" 2>"$dir/stderr" &
    pid=$!
    # Data loading takes about a second; then both trials train.
    sleep "$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.2f", 1.5 + rand() * 1.5 }')"
    kill -TERM "$pid"
    sleep "$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.3f", rand() * 0.4 }')"
    kill -TERM "$pid" 2>/dev/null
    wait "$pid"
    status=$?
    counts[$status]=$((${counts[$status]:-0} + 1))
    if ls -A "$dir" | grep -q '^\.out\.'; then left=$((left + 1)); fi
done
for status in "${!counts[@]}"; do echo "exit $status: ${counts[$status]} of $tries"; done
echo "staging folders left behind: $left of $tries"
