import Metrics

/// Writes a ``Network`` in the safetensors format (huggingface/safetensors), loadable by
/// `safetensors.numpy.load_file` or `torch` without nnreport.
///
/// Layout: an 8-byte little-endian header length N, N bytes of JSON header (keys sorted, padded
/// with spaces so the data starts 8-byte aligned), then the tensors' bytes back to back in the
/// header's order. Tensors follow PyTorch's `nn.Linear`: `layers.<i>.weight` with shape
/// [out, in] and `layers.<i>.bias` with shape [out], F32 little-endian.
public enum SafetensorsWriter {
    /// The file's bytes.
    ///
    /// - Parameter metadata: string pairs for the header's `__metadata__` (nnreport adds
    ///   `format`, `activation` and `sizes`).
    public static func data(for network: Network, metadata: [String: String] = [:]) -> [UInt8] {
        var tensors: [(name: String, shape: [Int], values: [Float])] = []
        for (i, layer) in network.layers.enumerated() {
            tensors.append(("layers.\(i).weight", [layer.outputs, layer.inputs], layer.weights))
            tensors.append(("layers.\(i).bias", [layer.outputs], layer.biases))
        }
        var meta = metadata
        meta["activation"] = meta["activation"] ?? network.activation.rawValue
        meta["sizes"] = meta["sizes"] ?? network.sizes.map(String.init).joined(separator: ",")
        return data(tensors: tensors, metadata: meta)
    }

    /// The file's bytes for a `--layers` network: `layers.<i>.weight` and `layers.<i>.bias` of
    /// module `i` in PyTorch's layouts (`Conv2d` [out, in, kh, kw], `Linear` [out, in]), so that
    /// they load into the `nn.Sequential` summary.json's `layers` describe.
    ///
    /// - Parameter metadata: string pairs for `__metadata__` (nnreport adds `format` and `layers`,
    ///   the `--layers` specification).
    public static func data(for network: ConvNetwork, metadata: [String: String] = [:]) -> [UInt8] {
        var meta = metadata
        meta["layers"] = meta["layers"] ?? LayerSpec.text(network.architecture.specs)
        return data(tensors: network.tensors, metadata: meta)
    }

    /// The file's bytes for either kind of trained network.
    public static func data(for model: TrainedModel, metadata: [String: String] = [:]) -> [UInt8] {
        switch model {
        case .perceptron(let network): data(for: network, metadata: metadata)
        case .convolutional(let network): data(for: network, metadata: metadata)
        }
    }

    /// The file's bytes for `tensors` (F32), sorted by name in the header and the data.
    static func data(tensors unsorted: [(name: String, shape: [Int], values: [Float])], metadata: [String: String])
        -> [UInt8]
    {
        let tensors = unsorted.sorted { $0.name < $1.name }
        var meta = metadata
        meta["format"] = meta["format"] ?? "pt"
        var header: [(key: String, value: JSONValue)] = [
            ("__metadata__", .object(meta.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        ]
        var offset = 0
        for tensor in tensors {
            let size = tensor.values.count * 4
            header.append(
                (
                    tensor.name,
                    .object([
                        ("dtype", "F32"),
                        ("shape", .array(tensor.shape.map { .number(Double($0)) })),
                        ("data_offsets", .array([.number(Double(offset)), .number(Double(offset + size))])),
                    ])
                ))
            offset += size
        }
        var headerBytes = Array(JSONWriter.compact(.object(header)).utf8)
        // Pad with spaces (allowed JSON whitespace) so the tensor data is 8-byte aligned.
        while headerBytes.count % 8 != 0 { headerBytes.append(0x20) }

        var out: [UInt8] = []
        out.reserveCapacity(8 + headerBytes.count + offset)
        withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: headerBytes)
        for tensor in tensors {
            for value in tensor.values {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { out.append(contentsOf: $0) }
            }
        }
        return out
    }
}
