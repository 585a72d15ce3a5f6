#!/usr/bin/env bash
# Builds and runs one libFuzzer target of the Metrics log readers for a given time.
#
#   scripts/fuzz-metrics.sh TARGET SECONDS      TARGET: jsonl | keras | lightning | tensorboard
#
# The target (Fuzz/<Name>Fuzz/ + Fuzz/Common/) is compiled with the Metrics sources into one
# module with `swiftc -sanitize=fuzzer,address -parse-as-library`; SwiftProtobuf (from the
# package's resolved checkout) is compiled first as its own module with the same sanitizers.
# The corpus starts from the Tests/Fixtures files of that format and grows in
# fuzz-out/metrics/<target>/corpus; crashers, leaks and timeouts are written to
# fuzz-out/metrics/<target>/ (crash-*, leak-*, timeout-*). Exit status: libFuzzer's (0 when
# nothing was found). Keep every crasher as a regression input under Tests/Fixtures/fuzz/<target>/.
set -euo pipefail

target="${1:-}"
seconds="${2:-}"
case "$target" in
  jsonl) name=JSONLFuzz; seeds=("Tests/Fixtures/jsonl") ;;
  keras) name=KerasCSVFuzz; seeds=("Tests/Fixtures/keras") ;;
  lightning) name=LightningCSVFuzz; seeds=("Tests/Fixtures/lightning") ;;
  tensorboard) name=TensorBoardFuzz; seeds=("Tests/Fixtures/tensorboard") ;;
  *) echo "usage: $0 jsonl|keras|lightning|tensorboard SECONDS" >&2; exit 2 ;;
esac
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "error: SECONDS must be a positive whole number of seconds, got '$seconds'" >&2
  exit 2
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build="$root/.build/fuzz-metrics"
out="$root/fuzz-out/metrics/$target"
mkdir -p "$build/protobuf" "$out/corpus"

# SwiftProtobuf: built once, reused by every target.
protobuf_src="$root/.build/checkouts/swift-protobuf/Sources/SwiftProtobuf"
if [ ! -d "$protobuf_src" ]; then
  swift package resolve >/dev/null
fi
if [ ! -f "$build/protobuf/SwiftProtobuf.o" ]; then
  echo "building SwiftProtobuf (once)..."
  swiftc -sanitize=fuzzer,address -parse-as-library -O -wmo -module-name SwiftProtobuf -package-name swift_protobuf \
    -swift-version 6 -enable-upcoming-feature ExistentialAny \
    -emit-module -emit-module-path "$build/protobuf/SwiftProtobuf.swiftmodule" \
    -c "$protobuf_src"/*.swift -o "$build/protobuf/SwiftProtobuf.o"
fi

echo "building $name..."
# Compile a snapshot, so that editing the sources while a long run starts cannot break the build.
snapshot="$build/$target-src"
rm -rf "$snapshot"
mkdir -p "$snapshot"
cp -r Sources/Metrics Fuzz/Common "Fuzz/$name" "$snapshot/"
mapfile -t sources < <(find "$snapshot" -name '*.swift' | sort)
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name "$name" \
  -I "$build/protobuf" "$build/protobuf/SwiftProtobuf.o" \
  "${sources[@]}" -o "$build/$name" 2> "$build/$name.build.log" || { cat "$build/$name.build.log" >&2; exit 1; }

# Seed inputs: the fixture files of this format (and earlier crashers).
seed_dir="$build/$target-seeds"
rm -rf "$seed_dir"
mkdir -p "$seed_dir"
for dir in "${seeds[@]}" "Tests/Fixtures/fuzz/$target"; do
  if [ -d "$dir" ]; then find "$dir" -type f -size -64k -exec cp --backup=numbered -t "$seed_dir" {} +; fi
done

dict_args=()
for dict in "Fuzz/$name"/*.dict; do
  if [ -f "$dict" ]; then dict_args+=("-dict=$dict"); fi
done

echo "running $name for $seconds s (corpus: $out/corpus)"
set +e
ASAN_OPTIONS="detect_leaks=1:${ASAN_OPTIONS:-}" "$build/$name" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$out/" "${dict_args[@]}" "$out/corpus" "$seed_dir"
status=$?
set -e
found=$(find "$out" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
echo "$name: exit $status, $found finding(s) in $out"
exit $status
