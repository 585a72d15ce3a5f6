#!/usr/bin/env bash
# Peak memory (maximum resident set size, from GNU time) of the two heavy commands:
#   - `nnreport mnist` with its defaults (60,000 + 10,000 images held as bytes, not floats);
#   - `nnreport render` of a generated 100,000-step metrics.jsonl.
# Usage: scripts/measure-memory.sh    (builds release first; needs /usr/bin/time and MNIST)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export NNREPORT_DATA="${NNREPORT_DATA:-$(cd .. && pwd)/shared/data}"
swift build -c release --product nnreport >/dev/null
bin="$root/.build/release/nnreport"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

peak() { # command... ; prints the peak RSS in MiB
    /usr/bin/time -f "%M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
        cat "$work/stderr.txt" >&2
        return 1
    }
    awk '{ printf "%.0f MiB\n", $1 / 1024 }' "$work/time.txt"
}

echo "nnreport mnist (defaults): $(peak "$bin" mnist --quiet --out "$work/mnist")"

# A 100,000-step log: one run event, 100,000 step events, 100 epochs, a test and an end event.
python3 - "$work/long/metrics.jsonl" <<'PY'
import json, math, os, sys
path = sys.argv[1]
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w") as f:
    f.write(json.dumps({"event": "run", "time": 0, "config": {"lr": 0.001}}) + "\n")
    step = 0
    for epoch in range(1, 101):
        for _ in range(1000):
            step += 1
            loss = 2.3 * math.exp(-step / 20000) + 0.05 + 0.02 * math.sin(step * 0.37)
            f.write(json.dumps({"event": "step", "epoch": epoch, "step": step, "loss": loss, "lr": 0.001}) + "\n")
        f.write(json.dumps({"event": "epoch", "epoch": epoch, "loss": loss, "accuracy": 1 - loss / 3,
                            "val_loss": loss * 1.1, "val_accuracy": 1 - loss / 2.8, "seconds": 1.0}) + "\n")
    f.write(json.dumps({"event": "test", "loss": 0.06, "accuracy": 0.98}) + "\n")
    f.write(json.dumps({"event": "end", "status": "completed", "time": 1}) + "\n")
PY
echo "nnreport render (100,000 steps): $(peak "$bin" render "$work/long/metrics.jsonl" --quiet --out "$work/render")"
