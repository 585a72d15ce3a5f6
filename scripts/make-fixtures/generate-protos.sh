#!/usr/bin/env bash
# Regenerates Sources/Metrics/Generated/*.pb.swift from the TensorBoard proto subset in proto/.
#
# Needs protoc (apt-get install -y protobuf-compiler) and protoc-gen-swift built from the
# swift-protobuf release the package depends on:
#   git clone https://github.com/apple/swift-protobuf /tmp/swift-protobuf
#   git -C /tmp/swift-protobuf checkout 1.39.0
#   (cd /tmp/swift-protobuf && swift build -c release --product protoc-gen-swift)
# PROTOC_GEN_SWIFT overrides the plugin path.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
plugin="${PROTOC_GEN_SWIFT:-/tmp/swift-protobuf/.build/release/protoc-gen-swift}"
out="$root/Sources/Metrics/Generated"
mkdir -p "$out"
protoc --plugin=protoc-gen-swift="$plugin" -I "$here/proto" \
  --swift_opt=Visibility=Internal --swift_opt=FileNaming=DropPath \
  --swift_out="$out" \
  tensorboard/event.proto tensorboard/summary.proto tensorboard/tensor.proto \
  tensorboard/hparams_plugin_data.proto
echo "generated: $(ls "$out")"
