#!/usr/bin/env bash
# Times `nnreport render` on two big logs side by side with the Python readers people use on
# them, interleaved round by round, and prints medians, peak memory and ratios.
#
#   scripts/bench-logs.sh [OUTDIR]        (default OUTDIR: /tmp/nnreport-bench-logs)
#
# The logs (written once by scripts/bench-logs/make_big_logs.py, reused when complete):
#   OUTDIR/tb/run/                 TensorBoard event file, 1,000,000 scalar events (5 tags x 200,000 steps)
#   OUTDIR/mlflow/mlflow.db        MLflow 3 SQLite store, 1,000,000 metric rows (2 runs x 5 keys x 100,000 steps)
# Each round runs, in this order, each in a new process under /usr/bin/time -v:
#   nnreport render OUTDIR/tb/run --out TMP --force --quiet
#   python_readers.py tensorboard ... event_accumulator      (EventAccumulator.Reload + Scalars(tag))
#   python_readers.py tensorboard ... tbparse                (tbparse.SummaryReader(path).scalars)
#   nnreport render OUTDIR/mlflow/mlflow.db --out TMP --force --quiet
#   python_readers.py mlflow ... mlflow_client               (MlflowClient.get_metric_history per run and key)
# nnreport's time is the whole process (start, reading, figures, report files); a Python
# reader's time is its reading only, without imports (the ratio is python / nnreport), and the
# whole Python process is shown beside it. Peak memory is the maximum RSS of each process.
#
# Builds nothing: needs .build/release/nnreport (swift build -c release --product nnreport).
# Environment:
#   ROUNDS    rounds (default 3)
#   PYTHON    python with tensorboard, tbparse and mlflow (default /work/venv/bin/python when
#             present, else python3); pip install tensorboard tbparse mlflow
#   NNREPORT  the nnreport binary (default ROOT/.build/release/nnreport)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
outdir="${1:-/tmp/nnreport-bench-logs}"
rounds="${ROUNDS:-3}"
bin="${NNREPORT:-$root/.build/release/nnreport}"
if [ -n "${PYTHON:-}" ]; then
    python="$PYTHON"
elif [ -x /work/venv/bin/python ]; then
    python=/work/venv/bin/python
else
    python=python3
fi
here="$root/scripts/bench-logs"

if [ ! -x "$bin" ]; then
    echo "error: $bin is missing; build it first with:" >&2
    echo "    (cd $root && swift build -c release --product nnreport)" >&2
    exit 1
fi
if [ ! -x /usr/bin/time ]; then
    echo "error: /usr/bin/time (GNU time) is missing: apt-get install time" >&2
    exit 1
fi
if ! "$python" -c "import tensorboard, tbparse, mlflow" 2>/dev/null; then
    echo "error: $python cannot import tensorboard, tbparse and mlflow: pip install tensorboard tbparse mlflow" >&2
    exit 1
fi
newer="$(find "$root/Sources" "$root/Package.swift" -type f -newer "$bin" -print -quit 2>/dev/null || true)"
if [ -n "$newer" ]; then
    echo "note: $bin is older than ${newer#"$root"/} (and maybe more): the numbers are for the binary as built" >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/nnreport-bench-logs.XXXXXX")"
trap 'rm -rf "$work"' EXIT
results="$work/results.txt" # kind tool round read_seconds process_seconds rss_mib count status
: >"$results"

# ------------------------------------------------------------------ the logs
echo "== logs in $outdir" >&2
gen_start="$(date +%s.%N)"
"$python" "$here/make_big_logs.py" "$outdir" 2> >(grep -v -E '^(WARNING: All log messages|I0000|W0000|To enable the following)' >&2)
gen_end="$(date +%s.%N)"
gen_seconds="$(awk -v a="$gen_start" -v b="$gen_end" 'BEGIN { printf "%.1f", b - a }')"
tb_run="$outdir/tb/run"
ml_db="$outdir/mlflow/mlflow.db"
tb_file="$(find "$tb_run" -maxdepth 1 -name 'events.out.tfevents.*' -print -quit)"
bytes_mib() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }

# ------------------------------------------------------------------ measuring
# Seconds from GNU time's "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34".
wall_seconds() {
    awk '/Elapsed \(wall clock\) time/ { n = split($NF, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; v = s }
         END { if (v == "") print "nan"; else print v }' "$1"
}
rss_mib() {
    awk '/Maximum resident set size/ { v = sprintf("%.0f", $NF / 1024) } END { if (v == "") print "nan"; else print v }' "$1"
}

# run_nnreport KIND INPUT ROUND
run_nnreport() {
    local kind="$1" input="$2" round="$3" report="$work/report-$1" rc=0 seconds rss
    /usr/bin/time -v -o "$work/time.txt" "$bin" render "$input" --out "$report" --force --quiet \
        >"$work/nnreport.out" 2>"$work/nnreport.err" || rc=$?
    seconds="$(wall_seconds "$work/time.txt")"
    rss="$(rss_mib "$work/time.txt")"
    if [ "$rc" = 0 ] && [ -d "$report" ] && [ "$seconds" != nan ]; then
        echo "$kind nnreport $round $seconds $seconds $rss - ok" >>"$results"
        printf '   nnreport render %-12s %7.2f s %6s MiB\n' "$kind" "$seconds" "$rss" >&2
    else
        echo "$kind nnreport $round $seconds $seconds $rss - failed" >>"$results"
        # keep the first failure's message for the table
        [ -f "$work/error-$kind" ] || {
            echo "exit status $rc; stderr:"
            sed -n 1,20p "$work/nnreport.err"
        } >"$work/error-$kind"
        printf '   nnreport render %-12s FAILED (exit %s) after %.2f s:\n' "$kind" "$rc" "$seconds" >&2
        head -n 5 "$work/nnreport.err" | sed 's/^/     /' >&2
    fi
    rm -rf "$report" "$work"/.report-*
}

# run_python KIND INPUT TOOL ROUND
run_python() {
    local kind="$1" input="$2" tool="$3" round="$4" rc=0 process rss line seconds count
    /usr/bin/time -v -o "$work/time.txt" "$python" "$here/python_readers.py" "$kind" "$input" "$tool" \
        >"$work/py.out" 2>"$work/py.err" || rc=$?
    process="$(wall_seconds "$work/time.txt")"
    rss="$(rss_mib "$work/time.txt")"
    line="$(grep -E "^$kind $tool " "$work/py.out" || true)"
    if [ "$rc" = 0 ] && [ -n "$line" ] && [ "$process" != nan ]; then
        read -r _ _ seconds count <<<"$line"
        echo "$kind $tool $round $seconds $process $rss $count ok" >>"$results"
        grep -m 1 '^#' "$work/py.out" >"$work/note-$kind-$tool" || true
        printf '   %-26s %-12s %7.2f s reading, %7.2f s process %6s MiB, %s values\n' \
            "$tool" "$kind" "$seconds" "$process" "$rss" "$count" >&2
    else
        echo "$kind $tool $round - $process $rss - failed" >>"$results"
        [ -f "$work/error-$kind-$tool" ] || tail -n 20 "$work/py.err" >"$work/error-$kind-$tool"
        printf '   %-26s %-12s FAILED (exit %s):\n' "$tool" "$kind" "$rc" >&2
        tail -n 5 "$work/py.err" | sed 's/^/     /' >&2
    fi
}

for round in $(seq 1 "$rounds"); do
    echo "== round $round/$rounds" >&2
    run_nnreport tensorboard "$tb_run" "$round"
    run_python tensorboard "$tb_run" event_accumulator "$round"
    run_python tensorboard "$tb_run" tbparse "$round"
    run_nnreport mlflow "$ml_db" "$round"
    run_python mlflow "$ml_db" mlflow_client "$round"
done

# ------------------------------------------------------------------ the table
# column N of the ok rows of KIND TOOL, ascending
values() { awk -v k="$1" -v t="$2" -v c="$3" '$1 == k && $2 == t && $8 == "ok" { print $c }' "$results" | sort -g; }
median() { awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { awk 'NR == 1 || $1 > m { m = $1 } END { if (NR == 0) print "-"; else print m }'; }
ok_count() { awk -v k="$1" -v t="$2" '$1 == k && $2 == t && $8 == "ok"' "$results" | wc -l | tr -d ' '; }
label() {
    case "$1" in
        nnreport) echo "nnreport render" ;;
        event_accumulator) echo "EventAccumulator" ;;
        tbparse) echo "tbparse.SummaryReader" ;;
        mlflow_client) echo "MlflowClient.get_metric_history" ;;
    esac
}
pass() { awk -v a="$1" -v b="$2" -v op="$3" 'BEGIN { ok = (op == "<") ? (a < b) : (a >= b); print ok ? "ok" : "MISSED" }'; }

commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
if [ -n "$(git -C "$root" status --porcelain -- Sources Package.swift 2>/dev/null)" ]; then commit="$commit + uncommitted changes"; fi
echo
echo "nnreport render vs Python readers, $rounds round(s) interleaved, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary: $bin (built $(date -r "$bin" '+%Y-%m-%d %H:%M'), work tree now at $commit)"
echo "python: $("$python" -c 'import sys, tensorboard, tbparse, mlflow; print("%d.%d.%d" % sys.version_info[:3], "tensorboard", tensorboard.__version__, "tbparse", tbparse.__version__, "mlflow", mlflow.__version__)' 2>/dev/null)"
echo "logs (generated or checked in $gen_seconds s):"
echo "  tensorboard  ${tb_file#"$outdir"/}  $(bytes_mib "$tb_file"), 1,000,000 scalar events"
echo "  mlflow       ${ml_db#"$outdir"/}  $(bytes_mib "$ml_db"), 1,000,000 metric rows"
echo
printf '%-12s %-32s %10s  %-24s %9s %10s %9s %9s\n' "log" "reader" "median" "rounds (s)" "peak RSS" "values" "process" "ratio"
for kind in tensorboard mlflow; do
    if [ "$kind" = tensorboard ]; then tools="nnreport event_accumulator tbparse"; else tools="nnreport mlflow_client"; fi
    nn="$(values "$kind" nnreport 4 | median)"
    for tool in $tools; do
        n="$(ok_count "$kind" "$tool")"
        if [ "$n" = 0 ]; then
            printf '%-12s %-32s %10s\n' "$kind" "$(label "$tool")" "FAILED"
            continue
        fi
        read_median="$(values "$kind" "$tool" 4 | median)"
        process_median="$(values "$kind" "$tool" 5 | median)"
        rss_peak="$(values "$kind" "$tool" 6 | maximum)"
        count="$(values "$kind" "$tool" 7 | maximum)"
        all="$(values "$kind" "$tool" 4 | awk '{ printf "%s%.2f", (NR > 1 ? " " : ""), $1 }')"
        if [ "$tool" = nnreport ]; then
            ratio="1x"
            count="-"
        elif [ "$nn" = "-" ]; then
            ratio="-"
        else
            ratio="$(awk -v p="$read_median" -v n="$nn" 'BEGIN { printf "%.1fx", p / n }')"
        fi
        printf '%-12s %-32s %8.2f s  %-24s %5s MiB %10s %7.2f s %9s\n' "$kind" "$(label "$tool")" "$read_median" \
            "$all" "$rss_peak" "$count" "$process_median" "$ratio"
    done
done
echo
echo "median: nnreport = whole process (start, read, figures, report files); Python = reading only (imports excluded)."
echo "process: median wall time of the whole process (Python: interpreter start + imports + reading)."
echo "ratio: Python reading median / nnreport median (higher is better for nnreport)."
echo
echo "targets: nnreport under 3 s and under 300 MiB, at least 10x faster than each Python reader"
for kind in tensorboard mlflow; do
    if [ "$kind" = tensorboard ]; then tools="event_accumulator tbparse"; else tools="mlflow_client"; fi
    nn="$(values "$kind" nnreport 4 | median)"
    if [ "$nn" = "-" ]; then
        echo "  $kind: nnreport render FAILED in every round:"
        sed 's/^/      /' "$work/error-$kind"
        continue
    fi
    nn_rss="$(values "$kind" nnreport 6 | maximum)"
    line="  $kind: $(printf '%.2f' "$nn") s < 3 s $(pass "$nn" 3 "<"); $nn_rss MiB < 300 MiB $(pass "$nn_rss" 300 "<")"
    for tool in $tools; do
        read_median="$(values "$kind" "$tool" 4 | median)"
        if [ "$read_median" = "-" ]; then
            line="$line; $(label "$tool") FAILED"
        else
            ratio="$(awk -v p="$read_median" -v n="$nn" 'BEGIN { printf "%.1f", p / n }')"
            line="$line; ${ratio}x vs $(label "$tool") $(pass "$ratio" 10 ">=")"
        fi
    done
    echo "$line"
    if [ -f "$work/error-$kind" ]; then
        echo "    (nnreport failed in $((rounds - $(ok_count "$kind" nnreport))) of $rounds rounds:)"
        sed 's/^/      /' "$work/error-$kind"
    fi
done
for f in "$work"/error-*-*; do
    [ -f "$f" ] || continue
    echo "  ${f##*/error-} failed; its last lines:"
    sed 's/^/      /' "$f"
done
echo
echo "notes from the Python readers (first round):"
for f in "$work"/note-*; do
    [ -f "$f" ] && sed 's/^# /  /' "$f"
done
