#!/usr/bin/env bash
# Runs the test suite under a sanitizer: AddressSanitizer (memory errors, leaks of C buffers)
# or ThreadSanitizer (data races, e.g. between BLAS threads, dispatch signal sources and the
# trainer). Each sanitizer builds into its own scratch folder so normal builds stay untouched.
#
# Usage: scripts/sanitize.sh address|thread [extra swift test arguments, e.g. --filter Engine]
# Needs the same apt packages as the tests, and NNREPORT_DATA (default ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:?usage: scripts/sanitize.sh address|thread [swift test arguments]}"
shift
case "$kind" in
    address|thread) ;;
    *) echo "error: unknown sanitizer '$kind': expected address or thread" >&2; exit 2 ;;
esac
export NNREPORT_DATA="${NNREPORT_DATA:-$(cd .. && pwd)/shared/data}"
# OpenBLAS's own threads are invisible to TSan's instrumentation (the library is not built with
# it); one BLAS thread keeps its reports about nnreport's code.
export OPENBLAS_NUM_THREADS=1
# Tests that cannot run under a sanitizer's runtime check this (see FaultTests).
export NNREPORT_SANITIZER="$kind"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"
start=$(date +%s)
swift test --sanitize="$kind" --scratch-path ".build-$kind" "$@"
echo "sanitizer $kind: test suite passed in $(( $(date +%s) - start )) s"
