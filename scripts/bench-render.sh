#!/usr/bin/env bash
# Draws the report's figures with nnreport and with matplotlib (Agg) from the same data and
# prints per-figure times and ratios (issue 4).
#
#   scripts/bench-render.sh            # REPS=7 warm repetitions, COLD=3 cold runs, SCALE=1 (or 2)
#
# Warm: median time per figure in a running process (layout + drawing + PNG encoding):
# loss | accuracy over 50 epochs, a 10x10 grid of 28x28 weight tiles, a 3x6 prediction panel
# with probability bars, a 10x10 confusion matrix with numbers.
# Cold: a new process writing every figure of a report (9 PNGs), process start included.
#
# nnreport side: `nnreport bench --render` when the built binary has it, taking
#   --repetitions N [--scale S]  print "<figure> <seconds> <bytes>" lines (RenderBenchmark.run + .formatted)
#   --write-figures DIR  write the report's figures, print the same lines (RenderBenchmark.writeReportFigures)
#   --export-data FILE   write the data as JSON for the peer (RenderBenchmark.dataJSON)
# and otherwise a small runner built against the library in .build-bench/runner.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
reps=${REPS:-7}
cold_runs=${COLD:-3}
scale=${SCALE:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building release..." >&2
(cd "$root" && swift build -c release --product nnreport >/dev/null 2>&1) || true
nnreport="$root/.build/release/nnreport"

if [ -x "$nnreport" ] && "$nnreport" bench --help 2>/dev/null | grep -q -- '--render'; then
    bench() {
        case "$1" in
            warm) "$nnreport" bench --render --repetitions "$2" --scale "$3" ;;
            cold) "$nnreport" bench --render --write-figures "$2" ;;
            data) "$nnreport" bench --render --export-data "$2" ;;
        esac
    }
    echo "nnreport side: $nnreport bench --render" >&2
else
    runner="$root/.build-bench/runner"
    mkdir -p "$runner/Sources/render-bench"
    cat >"$runner/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "render-bench",
    dependencies: [.package(path: "$root")],
    targets: [
        .executableTarget(name: "render-bench", dependencies: [
            .product(name: "NNReportKit", package: "$(basename "$root")"),
            .product(name: "ChartsCairo", package: "$(basename "$root")"),
        ]),
    ]
)
SWIFT
    cat >"$runner/Sources/render-bench/main.swift" <<'SWIFT'
// Stand-in for `nnreport bench --render` until the CLI exposes it.
import ChartsCairo
import Foundation
import Report

let arguments = CommandLine.arguments
let renderer = FigureRenderer(fonts: try .dejaVuSans())
switch arguments[1] {
case "warm":
    let timings = try RenderBenchmark.run(
        renderer: renderer, repetitions: Int(arguments[2]) ?? 7, scale: Int(arguments[3]) ?? 1)
    print(RenderBenchmark.formatted(timings), terminator: "")
case "cold":
    let timings = try RenderBenchmark.writeReportFigures(to: URL(fileURLWithPath: arguments[2]), renderer: renderer)
    print(RenderBenchmark.formatted(timings), terminator: "")
case "data":
    try RenderBenchmark.dataJSON(BenchmarkData()).write(toFile: arguments[2], atomically: true, encoding: .utf8)
default:
    fatalError("usage: render-bench warm N SCALE | cold DIR | data FILE")
}
SWIFT
    echo "nnreport side: library runner in $runner (nnreport bench --render not available yet)" >&2
    if ! (cd "$runner" && swift build -c release >"$work/runner-build.log" 2>&1); then
        tail -30 "$work/runner-build.log" >&2
        echo "building the benchmark runner failed" >&2
        exit 1
    fi
    bench() { "$runner/.build/release/render-bench" "$@"; }
fi

bench data "$work/data.json"
bench warm "$reps" "$scale" >"$work/nnreport-warm.txt"

now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
cold_times=()
for i in $(seq "$cold_runs"); do
    mkdir -p "$work/cold-$i"
    start=$(now)
    bench cold "$work/cold-$i" >/dev/null
    end=$(now)
    cold_times+=("$(calc "$end - $start")")
done
figures=$(ls "$work/cold-1" | wc -l)

have_matplotlib=0
if python3 -c "import matplotlib" 2>/dev/null; then
    have_matplotlib=1
    python3 "$root/scripts/render-peers/matplotlib_figures.py" "$work/data.json" warm "$reps" "$scale" >"$work/mpl-warm.txt"
    mkdir -p "$work/mpl-cold"
    start=$(now)
    python3 "$root/scripts/render-peers/matplotlib_figures.py" "$work/data.json" cold "$work/mpl-cold"
    end=$(now)
    mpl_cold=$(calc "$end - $start")
fi

echo
echo "warm, median of $reps, scale $scale (matplotlib Agg at dpi $((100 * scale)))"
printf "%-14s %12s %12s %10s %12s %12s\n" figure nnreport matplotlib ratio "png bytes" "mpl bytes"
while read -r name seconds bytes; do
    if [ "$have_matplotlib" = 1 ]; then
        read -r _ mpl_seconds mpl_bytes < <(grep "^$name " "$work/mpl-warm.txt")
        printf "%-14s %9.2f ms %9.1f ms %9.1fx %12d %12d\n" "$name" "$(calc "$seconds * 1000")" \
            "$(calc "$mpl_seconds * 1000")" "$(calc "$mpl_seconds / $seconds")" "$bytes" "$mpl_bytes"
    else
        printf "%-14s %9.2f ms %12s %10s %12d\n" "$name" "$(calc "$seconds * 1000")" "-" "-" "$bytes"
    fi
done <"$work/nnreport-warm.txt"
echo
sorted=$(printf "%s\n" "${cold_times[@]}" | sort -n)
median=$(echo "$sorted" | sed -n "$(((cold_runs + 1) / 2))p")
printf "nnreport, new process writing all %d report figures: median %.3f s of %d runs (%s) [target < 1 s]\n" \
    "$figures" "$median" "$cold_runs" "$(printf "%.3f " "${cold_times[@]}")"
if [ "$have_matplotlib" = 1 ]; then
    printf "matplotlib, new process writing the 4 figures above: %.3f s\n" "$mpl_cold"
else
    echo "matplotlib is not importable: install it (pip install matplotlib) for the comparison"
fi
