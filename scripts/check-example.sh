#!/usr/bin/env bash
# Checks that reports/example is what the code writes for the example's command: trains it again
# with a release build (`nnreport mnist --out reports/example --quiet`, in a scratch folder so that
# the recorded command is the same) and compares every file, byte for byte, except
#   - model.safetensors and .nnreport, which are not committed (see .gitignore);
#   - what measures time: `time` and `seconds` in metrics.jsonl; train_seconds, wall_seconds,
#     samples_per_second, started and finished in summary.json; durations and samples/s in README.md;
#   - where MNIST was found (summary.json's data source and origin) and the machine (summary.json's
#     cpu, cores, blas, swift and os; README.md's environment table): printed when they differ.
# Figures are compared as PNG bytes: Cairo, the fonts and the BLAS kernel take part in them, so run
# this on the kind of machine the example was written on (its summary.json names it).
#
# Usage: scripts/check-example.sh            compare; exit 1 naming the files that differ
#        scripts/check-example.sh --update   replace reports/example with the regenerated folder
# MNIST is looked up as nnreport looks it up ($NNREPORT_DATA, the user cache, the system copy).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
example="$root/reports/example"
update=false
case "${1:-}" in
    "") ;;
    --update) update=true ;;
    *) echo "usage: $0 [--update]" >&2; exit 2 ;;
esac

(cd "$root" && swift build -c release --product nnreport >&2)
bin="$(cd "$root" && swift build -c release --show-bin-path)/nnreport"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "training the example again (about a minute on 2 idle cores)..." >&2
(cd "$work" && "$bin" mnist --out reports/example --quiet)
fresh="$work/reports/example"

if $update; then
    # Deletes the old files itself rather than relying on --force, which replaces only folders
    # nnreport marks as its own: a fresh clone's example has no .nnreport marker.
    find "$example" -mindepth 1 -delete
    cp -a "$fresh/." "$example/"
    echo "reports/example rewritten; update the README's figures from reports/example/summary.json" >&2
    exit 0
fi

# Timing and machine fields set aside, so that what remains must be equal.
metrics() { sed -E 's/,"(time|seconds)":[^,}]*//g' "$1"; }
summary() {
    grep -vE '^ *"(train_seconds|wall_seconds|samples_per_second|started|finished|source|origin|cpu|cores|blas|swift|os)":' "$1"
}
readme() {
    sed -E -e 's/(([0-9]+ h )?[0-9]+ min [0-9]+ s|[0-9]+(\.[0-9]+)? s)\b/<duration>/g' \
        -e 's/[0-9][0-9,]* samples\/s/<n> samples\/s/g' \
        -e '/^\| (CPU|BLAS|Swift|OS) \|/d' "$1"
}

failed=0
skip='^(model\.safetensors|\.nnreport)$'
committed_files="$(ls -A "$example" | grep -vE "$skip" || true)"
fresh_files="$(ls -A "$fresh" | grep -vE "$skip" || true)"
if [ "$committed_files" != "$fresh_files" ]; then
    echo "different files:" >&2
    diff <(echo "$committed_files") <(echo "$fresh_files") | sed 's/^/  /' >&2 || true
    failed=1
fi
for name in $fresh_files; do
    [ -f "$example/$name" ] || continue
    case "$name" in
        metrics.jsonl) diff -q <(metrics "$example/$name") <(metrics "$fresh/$name") >/dev/null ;;
        summary.json) diff -q <(summary "$example/$name") <(summary "$fresh/$name") >/dev/null ;;
        README.md) diff -q <(readme "$example/$name") <(readme "$fresh/$name") >/dev/null ;;
        *) cmp -s "$example/$name" "$fresh/$name" ;;
    esac || {
        echo "differs: $name" >&2
        case "$name" in
            metrics.jsonl) diff <(metrics "$example/$name") <(metrics "$fresh/$name") | head -6 >&2 || true ;;
            summary.json) diff <(summary "$example/$name") <(summary "$fresh/$name") | head -20 >&2 || true ;;
            README.md) diff <(readme "$example/$name") <(readme "$fresh/$name") | head -20 >&2 || true ;;
        esac
        failed=1
    }
done

machine() { grep -E '^ *"(cpu|cores|blas|swift|os)":' "$1"; }
if [ "$(machine "$example/summary.json")" != "$(machine "$fresh/summary.json")" ]; then
    echo "note: this machine is not the one the example was written on:" >&2
    diff <(machine "$example/summary.json") <(machine "$fresh/summary.json") | sed 's/^/  /' >&2 || true
fi
printf 'example training time %s, here %s\n' \
    "$(grep -m1 '"train_seconds"' "$example/summary.json" | tr -dc '0-9.')" \
    "$(grep -m1 '"train_seconds"' "$fresh/summary.json" | tr -dc '0-9.')" >&2
if [ "$failed" -ne 0 ]; then
    echo "reports/example does not match what the code writes: run scripts/check-example.sh --update on an idle machine and update the README's figures" >&2
    exit 1
fi
echo "reports/example matches what the code writes"
