/// One named tensor of a checkpoint: a model parameter, an optimizer's state for one
/// parameter, or bookkeeping such as the shuffled order of the training images.
///
/// The bytes are little-endian, as in safetensors files; every platform nnreport builds for
/// (x86-64, arm64) is little-endian, so they are the values' memory as it is.
public struct CheckpointTensor: Sendable, Equatable {
    /// The element types a checkpoint uses, by their safetensors names.
    public enum DataType: String, Sendable, CaseIterable {
        case float32 = "F32"
        case int64 = "I64"

        /// Bytes per element.
        public var size: Int { self == .float32 ? 4 : 8 }
    }

    public var name: String
    public var dataType: DataType
    public var shape: [Int]
    /// `shape.reduce(1, *) * dataType.size` bytes.
    public var bytes: [UInt8]

    public init(name: String, dataType: DataType, shape: [Int], bytes: [UInt8]) {
        precondition(
            shape.allSatisfy { $0 >= 0 } && bytes.count == shape.reduce(1, *) * dataType.size,
            "tensor \(name) of shape \(shape) and type \(dataType.rawValue) cannot hold \(bytes.count) bytes")
        self.name = name
        self.dataType = dataType
        self.shape = shape
        self.bytes = bytes
    }

    /// Elements: the product of the shape.
    public var count: Int { shape.reduce(1, *) }

    /// A Float32 tensor holding a copy of `count` values at `values`.
    public static func float32(_ name: String, shape: [Int], copying values: UnsafePointer<Float>) -> CheckpointTensor {
        let count = shape.reduce(1, *)
        let bytes = [UInt8](unsafeUninitializedCapacity: count * 4) { buffer, initialized in
            if count > 0 { UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: values, byteCount: count * 4) }
            initialized = count * 4
        }
        return CheckpointTensor(name: name, dataType: .float32, shape: shape, bytes: bytes)
    }

    /// A one-dimensional Int64 tensor of `values`.
    public static func int64(_ name: String, _ values: [Int]) -> CheckpointTensor {
        let bytes = values.map(Int64.init).withUnsafeBytes { Array($0) }
        return CheckpointTensor(name: name, dataType: .int64, shape: [values.count], bytes: bytes)
    }

    /// Copies the Float32 values into `destination`, which holds `count` of them.
    public func copyFloats(into destination: UnsafeMutablePointer<Float>) {
        precondition(dataType == .float32, "tensor \(name) is \(dataType.rawValue), not F32")
        bytes.withUnsafeBytes { raw in
            if !raw.isEmpty {
                UnsafeMutableRawPointer(destination).copyMemory(from: raw.baseAddress!, byteCount: raw.count)
            }
        }
    }

    /// The values of an Int64 tensor.
    public var int64Values: [Int] {
        precondition(dataType == .int64, "tensor \(name) is \(dataType.rawValue), not I64")
        return bytes.withUnsafeBytes { raw in raw.bindMemory(to: Int64.self).map { Int($0) } }
    }
}
