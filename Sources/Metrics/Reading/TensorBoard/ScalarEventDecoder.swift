/// Decodes the commonest TensorBoard record straight from the protobuf wire format: an `Event`
/// with a wall time, a step and a `Summary` whose values are each a tag and a `simple_value`
/// (what PyTorch's SummaryWriter and tensorboardX write for `add_scalar`).
///
/// Why not SwiftProtobuf for these: a training log holds millions of them, and building the
/// generated messages (storage classes, oneofs, unknown-field buffers) for each costs most of
/// the reading time. Anything beyond this one shape (tensors, images, plugin metadata, session
/// logs, the file-version record, a field seen twice) returns nil, and the record is decoded by
/// SwiftProtobuf as before; the tests check that both decode every fixture record alike.
enum ScalarEventDecoder {
    struct Scalar: Equatable {
        var tag: String
        var value: Float
    }

    /// The step and scalars of `data`, or nil when the record is of another shape.
    static func decode(_ data: UnsafeRawBufferPointer) -> (step: Int64, scalars: [Scalar])? {
        var reader = WireReader(data)
        var step: Int64 = 0
        var scalars: [Scalar]?
        while !reader.atEnd {
            guard let key = reader.varint() else { return nil }
            switch key {
            case 0x09:  // wall_time, double
                guard reader.skip(8) else { return nil }
            case 0x10:  // step, int64
                guard let value = reader.varint() else { return nil }
                step = Int64(bitPattern: value)
            case 0x2A:  // summary
                guard scalars == nil, let bytes = reader.lengthDelimited(), let found = summary(bytes) else {
                    return nil
                }
                scalars = found
            default:
                return nil
            }
        }
        guard let scalars else { return nil }
        return (step, scalars)
    }

    /// The values of a Summary, each a tag and a simple_value, or nil for any other shape.
    private static func summary(_ data: UnsafeRawBufferPointer) -> [Scalar]? {
        var reader = WireReader(data)
        var result: [Scalar] = []
        while !reader.atEnd {
            guard reader.varint() == 0x0A, let bytes = reader.lengthDelimited() else { return nil }
            var value = WireReader(bytes)
            var tag: String?
            var number: Float?
            while !value.atEnd {
                switch value.varint() {
                case 0x0A?:  // tag
                    guard tag == nil, let text = value.lengthDelimited(),
                        let string = String(validating: text, as: UTF8.self)
                    else { return nil }
                    tag = string
                case 0x15?:  // simple_value, float
                    guard number == nil, let bits = value.fixed32() else { return nil }
                    number = Float(bitPattern: bits)
                default:
                    return nil
                }
            }
            guard let tag, let number else { return nil }
            result.append(Scalar(tag: tag, value: number))
        }
        return result
    }

    /// Reads protobuf wire-format primitives with bounds checks; nil on anything malformed.
    struct WireReader {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        var atEnd: Bool { index >= bytes.count }

        mutating func varint() -> UInt64? {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count, shift < 64 {
                let byte = bytes[index]
                index += 1
                result |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return result }
                shift += 7
            }
            return nil
        }

        mutating func skip(_ count: Int) -> Bool {
            guard bytes.count - index >= count else { return false }
            index += count
            return true
        }

        mutating func fixed32() -> UInt32? {
            guard bytes.count - index >= 4 else { return nil }
            var value: UInt32 = 0
            for k in 0..<4 { value |= UInt32(bytes[index + k]) << (8 * k) }
            index += 4
            return value
        }

        mutating func lengthDelimited() -> UnsafeRawBufferPointer? {
            guard let length = varint(), length <= UInt64(bytes.count - index) else { return nil }
            let start = index
            index += Int(length)
            return UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        }
    }
}
