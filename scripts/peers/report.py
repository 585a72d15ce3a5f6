"""Reads the JSON lines bench-peers.sh collected and prints medians and nnreport/peer ratios
against the issue-3 targets (perceptrons) and the issue-12 ones (convolutional networks)."""
import json
import statistics
import sys
from collections import defaultdict

seconds = defaultdict(list)  # (source, name) -> [seconds per round]
gemm = defaultdict(list)
peak = []
for line in open(sys.argv[1]):
    line = line.strip()
    if not line.startswith("{"):
        continue
    r = json.loads(line)
    source = r.get("source", "nnreport")
    if source == "nnreport":
        if r["name"] == "eval":
            seconds[(source, "eval")].append(r["seconds"])
        else:
            seconds[(source, r["name"])].append(r["epoch_seconds"])
            gemm[r["name"]].append(r["gemm_only_seconds"])
            peak.append(r["sgemm_peak_gflops"])
    else:
        seconds[(source, r["name"])].append(r["seconds"])


def med(values):
    return statistics.median(values) if values else None


def spread(values):
    if len(values) < 2:
        return ""
    m = statistics.median(values)
    return f"±{100 * (max(values) - min(values)) / 2 / m:.0f}%"


print(f"{'model':<13} {'nnreport s':>11} {'noise':>6} {'peer':>8} {'peer s':>8} {'noise':>6} {'ratio':>7}  target")
targets = {
    ("pytorch", "mlp-b32"): ("<=", 0.5), ("pytorch", "mlp-b64"): ("<=", 0.5), ("pytorch", "mlp-b128"): ("<=", 0.8),
    ("pytorch", "homework-b1"): ("<=", 1 / 50), ("numpy", "homework-b1"): ("<=", 1 / 10), ("pytorch", "eval"): ("<=", 1.0),
    ("pytorch", "cnn-b64"): ("<=", 1.0), ("pytorch", "lenet-b64"): ("<=", 1.0),
}
for name in ["mlp-b32", "mlp-b64", "mlp-b128", "homework-b1", "eval", "cnn-b64", "lenet-b64"]:
    ours = seconds.get(("nnreport", name), [])
    for peer in ["pytorch", "numpy"]:
        theirs = seconds.get((peer, name), [])
        if not ours or not theirs:
            continue
        ratio = med(ours) / med(theirs)
        op, bound = targets.get((peer, name), ("<=", float("inf")))
        verdict = "met" if ratio <= bound else "NOT met"
        print(f"{name:<13} {med(ours):>11.3f} {spread(ours):>6} {peer:>8} {med(theirs):>8.3f} {spread(theirs):>6} "
              f"{ratio:>6.3f}x  {op} {bound:.3g}x {verdict}")
    # Batch 1 runs hand-written vector kernels, not sgemm: a GEMM-only time means nothing there.
    if name in gemm and ours and not name.endswith("-b1"):
        ratio = med(ours) / med(gemm[name])
        print(f"{name:<13} {med(ours):>11.3f} {spread(ours):>6} {'gemm':>8} {med(gemm[name]):>8.3f} "
              f"{spread(gemm[name]):>6} {ratio:>6.3f}x  <= 1.5x {'met' if ratio <= 1.5 else 'NOT met'}")
if peak:
    print(f"sgemm peak (1024^3): {med(peak):.0f} GFLOP/s")
