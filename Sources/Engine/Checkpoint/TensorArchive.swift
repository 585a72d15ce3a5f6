import Metrics

/// Named tensors and string metadata in one file, in the safetensors layout
/// (huggingface/safetensors): an 8-byte little-endian header length N, N bytes of JSON header
/// (`__metadata__` and each tensor's `dtype`, `shape` and `data_offsets`, padded with spaces
/// to a multiple of 8), then the tensors' bytes back to back.
///
/// nnreport's checkpoints use it so that `safetensors.numpy.load_file` and
/// `safe_open(...).metadata()` read them without nnreport. Unlike ``SafetensorsWriter`` (a
/// trained model), it holds any tensors in the order given.
public enum TensorArchive {
    /// Headers above this size are refused when reading: a checkpoint's is a few hundred KB.
    public static let maximumHeaderBytes = 256 << 20

    /// The file's bytes.
    public static func encode(_ tensors: [CheckpointTensor], metadata: [(key: String, value: String)]) -> [UInt8] {
        var out = header(for: tensors, metadata: metadata)
        for tensor in tensors { out.append(contentsOf: tensor.bytes) }
        return out
    }

    /// The file's first bytes, the header length and the header: followed by each tensor's bytes
    /// in order, they are the file (``encode(_:metadata:)``). A writer that streams the tensors
    /// from where they are needs no second copy of them.
    public static func header(for tensors: [CheckpointTensor], metadata: [(key: String, value: String)]) -> [UInt8] {
        var header: [(key: String, value: JSONValue)] = [
            ("__metadata__", .object(metadata.map { ($0.key, .string($0.value)) }))
        ]
        var offset = 0
        for tensor in tensors {
            header.append(
                (
                    tensor.name,
                    .object([
                        ("dtype", .string(tensor.dataType.rawValue)),
                        ("shape", .array(tensor.shape.map { .int($0) })),
                        ("data_offsets", .array([.int(offset), .int(offset + tensor.bytes.count)])),
                    ])
                ))
            offset += tensor.bytes.count
        }
        var headerBytes = Array(JSONWriter.compact(.object(header)).utf8)
        // Pad with spaces (JSON whitespace) so the tensor data starts 8-byte aligned.
        while headerBytes.count % 8 != 0 { headerBytes.append(0x20) }
        var out: [UInt8] = []
        out.reserveCapacity(8 + headerBytes.count)
        withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: headerBytes)
        return out
    }

    /// The header length the first 8 bytes announce.
    ///
    /// - Throws: ``CheckpointError/malformed(reason:)`` for fewer than 8 bytes or a length
    ///   beyond ``maximumHeaderBytes``.
    public static func headerLength(_ prefix: ArraySlice<UInt8>) throws(CheckpointError) -> Int {
        guard prefix.count >= 8 else { throw .malformed(reason: "the file has \(prefix.count) bytes, fewer than 8") }
        var length: UInt64 = 0
        for (i, byte) in prefix.prefix(8).enumerated() { length |= UInt64(byte) << (8 * UInt64(i)) }
        guard length >= 2, length <= UInt64(maximumHeaderBytes) else {
            throw .malformed(reason: "its header length \(length) is not between 2 and \(maximumHeaderBytes) bytes")
        }
        return Int(length)
    }

    /// The `__metadata__` of a header (the N bytes after the length).
    public static func metadata(header: ArraySlice<UInt8>) throws(CheckpointError) -> [String: String] {
        try parseHeader(header).metadata
    }

    /// Reads every tensor and the metadata back.
    ///
    /// - Throws: ``CheckpointError/malformed(reason:)`` when the bytes are not a complete
    ///   archive: a truncated file, a header that is not JSON, offsets outside the data or with
    ///   gaps, a tensor whose shape and type do not match its byte count.
    public static func decode(_ bytes: [UInt8]) throws(CheckpointError) -> (
        tensors: [CheckpointTensor], metadata: [String: String]
    ) {
        let length = try headerLength(bytes[...])
        guard bytes.count >= 8 + length else {
            throw .malformed(reason: "the header needs \(length) bytes but the file ends after \(bytes.count - 8)")
        }
        let header = try parseHeader(bytes[8..<(8 + length)])
        let dataStart = 8 + length
        let dataCount = bytes.count - dataStart
        var tensors: [CheckpointTensor] = []
        var expectedOffset = 0
        for entry in header.entries.sorted(by: { $0.begin < $1.begin }) {
            guard entry.begin == expectedOffset, entry.end <= dataCount else {
                throw .malformed(
                    reason: "tensor \(entry.name) lies at bytes \(entry.begin)..<\(entry.end) of \(dataCount), "
                        + "expected to start at \(expectedOffset)")
            }
            guard entry.end - entry.begin == entry.shape.reduce(1, *) * entry.dataType.size else {
                throw .malformed(
                    reason: "tensor \(entry.name) of shape \(entry.shape) has \(entry.end - entry.begin) bytes")
            }
            tensors.append(
                CheckpointTensor(
                    name: entry.name, dataType: entry.dataType, shape: entry.shape,
                    bytes: Array(bytes[(dataStart + entry.begin)..<(dataStart + entry.end)])))
            expectedOffset = entry.end
        }
        guard expectedOffset == dataCount else {
            throw .malformed(reason: "\(dataCount - expectedOffset) bytes after the last tensor")
        }
        return (tensors, header.metadata)
    }

    private struct Entry {
        var name: String
        var dataType: CheckpointTensor.DataType
        var shape: [Int]
        var begin: Int
        var end: Int
    }

    private static func parseHeader(_ bytes: ArraySlice<UInt8>) throws(CheckpointError) -> (
        metadata: [String: String], entries: [Entry]
    ) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw .malformed(reason: "its header is not JSON (\(error))")
        }
        guard let members = json.objectValue else { throw .malformed(reason: "its header is not a JSON object") }
        var metadata: [String: String] = [:]
        var entries: [Entry] = []
        for (key, value) in members {
            if key == "__metadata__" {
                for (name, text) in value.objectValue ?? [] {
                    guard let text = text.stringValue else {
                        throw .malformed(reason: "metadata \(name) is not a string")
                    }
                    metadata[name] = text
                }
                continue
            }
            guard let type = value["dtype"]?.stringValue.flatMap(CheckpointTensor.DataType.init(rawValue:)),
                let shape = value["shape"]?.arrayValue?.compactMap(\.intValue), shape.allSatisfy({ $0 >= 0 }),
                shape.count == value["shape"]?.arrayValue?.count,
                let offsets = value["data_offsets"]?.arrayValue?.compactMap(\.intValue), offsets.count == 2,
                offsets[0] >= 0, offsets[1] >= offsets[0]
            else {
                throw .malformed(reason: "tensor \(key) has no valid dtype (F32 or I64), shape and data_offsets")
            }
            // A hostile shape must not overflow the byte count it is checked against.
            var elements = 1
            for dimension in shape {
                let (product, overflow) = elements.multipliedReportingOverflow(by: dimension)
                guard !overflow, product <= Int(Int32.max) else {
                    throw .malformed(reason: "tensor \(key) has an impossible shape \(shape)")
                }
                elements = product
            }
            entries.append(Entry(name: key, dataType: type, shape: shape, begin: offsets[0], end: offsets[1]))
        }
        return (metadata, entries)
    }
}
