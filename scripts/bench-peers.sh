#!/usr/bin/env bash
# Side-by-side timing of nnreport and its peers (PyTorch, the course's NumPy loop) on the same
# models and the same MNIST data, interleaved round by round, with medians and ratios at the end:
# the issue-3 perceptrons, the batch-1 homework network, test-set evaluation, and the `cnn` and
# `lenet` presets' convolutional networks at batch 64 (PyTorch's Conv2d runs on oneDNN).
#
# Installs nothing. Needs python3 with numpy; PyTorch is used when importable
# (pip install torch numpy). The machine is shared: run several rounds and read the noise column.
#
# Usage: scripts/bench-peers.sh [rounds]
# Environment:
#   NNREPORT_BENCH    command printing nnreport's results as JSON lines
#                     (default: .build/release/nnreport bench --json --threads $THREADS)
#   THREADS           BLAS / torch threads (default 2)
#   NNREPORT_DATA     folder holding mnist/ (default ../shared/data next to the repository)
#   HOMEWORK_SAMPLES  samples timed for the batch-1 peers, scaled to 60,000 (default 6000)
#   RESULTS           keep the raw JSON lines in this file (default: a temporary file)
#   ONLY              comma-separated configurations to time (default: all), e.g. cnn-b64,lenet-b64;
#                     the NumPy peer runs only for homework-b1; the evaluation is timed always
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}"
threads="${THREADS:-2}"
samples="${HOMEWORK_SAMPLES:-6000}"
only="${ONLY:-}"
only_options=""
for name in ${only//,/ }; do only_options="$only_options --only $name"; done
bench="${NNREPORT_BENCH:-$root/.build/release/nnreport bench --json --threads $threads$only_options}"

if ! python3 -c "import numpy" 2>/dev/null; then
    echo "error: python3 cannot import numpy; install it with: pip install numpy" >&2
    exit 1
fi
have_torch=1
if ! python3 -c "import torch" 2>/dev/null; then
    have_torch=0
    echo "note: PyTorch is not importable (pip install torch); comparing with NumPy only" >&2
fi

if [ -n "${RESULTS:-}" ]; then
    results="$RESULTS"
    : >"$results"
else
    results="$(mktemp)"
    trap 'rm -f "$results"' EXIT
fi
cd "$root/scripts/peers"
for round in $(seq 1 "$rounds"); do
    # The machine may be shared: the load average says how much the numbers can be trusted.
    echo "round $round/$rounds: load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    echo "round $round/$rounds: nnreport" >&2
    $bench >>"$results"
    if [ "$have_torch" = 1 ]; then
        echo "round $round/$rounds: pytorch" >&2
        # nnreport bench times the test-set evaluation whatever --only says: so does the peer.
        python3 torch_peer.py --threads "$threads" --homework-samples "$samples" ${only:+--only "$only,eval"} \
            >>"$results" 2>/dev/null
    fi
    if [ -z "$only" ] || [[ ",$only," == *",homework-b1,"* ]]; then
        echo "round $round/$rounds: numpy" >&2
        OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads" \
            python3 numpy_peer.py --homework-samples "$samples" >>"$results"
    fi
done
python3 report.py "$results"
