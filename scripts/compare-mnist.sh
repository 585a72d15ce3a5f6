#!/usr/bin/env bash
# The measurements behind the README's `nnreport compare` table: the default MNIST run against
# the same run with --epochs 2, and against other seeds, and sweeps of 3 seeds of both, compared
# with `nnreport compare`.
# Usage: scripts/compare-mnist.sh [OUT_DIR]   (needs MNIST where nnreport finds it, e.g. NNREPORT_DATA)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-compare-mnist}"
swift build -c release >/dev/null
bin=.build/release/nnreport
mkdir -p "$out"
train() { # name, options...
    local name=$1; shift
    [ -f "$out/$name/test_predictions.csv" ] || "$bin" mnist "$@" --out "$out/$name" --force --quiet
}
train default
train epochs2 --epochs 2
train seed1 --seed 1
train seed2 --seed 2
[ -f "$out/sweep-default/sweep.json" ] || "$bin" sweep mnist --seeds 3 --out "$out/sweep-default" --force --quiet
[ -f "$out/sweep-epochs2/sweep.json" ] || "$bin" sweep mnist --seeds 3 --epochs 2 --out "$out/sweep-epochs2" --force --quiet
compare() { # baseline, candidate
    local name="$1-vs-$2" status=0
    "$bin" compare "$out/$1" "$out/$2" --out "$out/$name" --force --quiet \
        --github-summary "$out/$name.md" --fail-on worse || status=$?
    python3 - "$out/$name/summary.json" "$status" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
m = next(m for m in s["metrics"] if m["metric"] == "Test accuracy")
pairs = f', discordant {m["only_baseline_correct"]} / {m["only_candidate_correct"]}' if "only_baseline_correct" in m else \
    f', n = {m["baseline_n"]} / {m["candidate_n"]}'
print(f'{s["baseline"]["name"]:>13} vs {s["candidate"]["name"]:<13} {s["verdict"]:<6} exit {sys.argv[2]}  '
      f'test accuracy {m["baseline"]:.4f} -> {m["candidate"]:.4f}, difference {m["difference"]*100:+.2f} points '
      f'(95% CI {m["interval"][0]*100:+.2f} to {m["interval"][1]*100:+.2f}){pairs}, {m["test"]} p = {m["p"]:.3g}')
PY
}
compare default epochs2
compare default seed1
compare seed1 seed2
compare default default
compare sweep-default sweep-epochs2
