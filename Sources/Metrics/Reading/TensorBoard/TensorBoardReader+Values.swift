import SwiftProtobuf

extension TensorBoardReader {
    /// The hyperparameters of an hparams-plugin session start summary (`add_hparams`,
    /// Lightning's `log_hyperparams`), or nil for any other value. Experiment and session end
    /// summaries give an empty list: they are hparams data, but hold no values.
    static func hyperparameters(of value: Tensorboard_Summary.Value) -> [Hyperparameter]? {
        guard value.hasMetadata, value.metadata.pluginData.pluginName == "hparams" else { return nil }
        guard let data = try? Tensorboard_Hparams_HParamsPluginData(serializedBytes: value.metadata.pluginData.content),
            case .sessionStartInfo(let start)? = data.data
        else { return [] }
        return start.hparams.keys.sorted().map { key in
            Hyperparameter(name: key, value: json(start.hparams[key]!))
        }
    }

    /// A google.protobuf.Value as JSON.
    static func json(_ value: Google_Protobuf_Value) -> JSONValue {
        switch value.kind {
        case .numberValue(let number)?: return .number(number)
        case .stringValue(let text)?: return .string(text)
        case .boolValue(let flag)?: return .bool(flag)
        case .listValue(let list)?: return .array(list.values.map(json))
        case .structValue(let object)?:
            return .object(object.fields.keys.sorted().map { (key: $0, value: json(object.fields[$0]!)) })
        case .nullValue?, nil: return .null
        }
    }

    /// The text of a text-plugin summary (one string), or nil for any other value.
    static func text(of value: Tensorboard_Summary.Value) -> String? {
        guard value.hasMetadata, value.metadata.pluginData.pluginName == "text",
            case .tensor(let tensor)? = value.value,
            tensor.dtype == .dtString, let first = tensor.stringVal.first
        else { return nil }
        return String(decoding: first, as: UTF8.self)
    }

    /// The scalar of a summary value, or nil (counting what kind of value was skipped).
    static func scalar(of value: Tensorboard_Summary.Value, tally: inout WarningTally) -> Double? {
        switch value.value {
        case .simpleValue(let number):
            return Double(number)
        case .tensor(let tensor):
            let plugin = value.hasMetadata ? value.metadata.pluginData.pluginName : ""
            if !plugin.isEmpty, plugin != "scalars" {
                tally.add("\(plugin) summaries skipped")
                return nil
            }
            guard let number = scalar(of: tensor) else {
                tally.add("tensor summaries that are not one number skipped")
                return nil
            }
            return number
        case .image: tally.add("image summaries skipped")
        case .histo, .obsoleteOldStyleHistogram: tally.add("histogram summaries skipped")
        case .audio: tally.add("audio summaries skipped")
        case nil: tally.add("summary values without data skipped")
        }
        return nil
    }

    /// The single element of a one-element numeric tensor, wherever the writer put it:
    /// `tensor_content` (4 bytes for DT_FLOAT, 8 for DT_DOUBLE, little-endian) or the typed
    /// repeated fields (`float_val`, `double_val`, `half_val`, `int_val`, `int64_val`, ...).
    static func scalar(of tensor: Tensorboard_TensorProto) -> Double? {
        // Every dimension must be 1 (rank 0 is a scalar); more elements are not a scalar metric.
        guard tensor.tensorShape.dim.allSatisfy({ $0.size == 1 }) else { return nil }
        let content = tensor.tensorContent
        switch tensor.dtype {
        case .dtFloat:
            if content.count == 4 { return Double(Float(bitPattern: littleEndian(content))) }
            return single(tensor.floatVal).map(Double.init)
        case .dtDouble:
            if content.count == 8 { return Double(bitPattern: littleEndian(content)) }
            return single(tensor.doubleVal)
        case .dtHalf:
            if content.count == 2 { return halfToDouble(UInt16(truncatingIfNeeded: littleEndian(content) as UInt64)) }
            return single(tensor.halfVal).map { halfToDouble(UInt16(truncatingIfNeeded: $0)) }
        case .dtBfloat16:
            if content.count == 2 {
                return Double(Float(bitPattern: UInt32(truncatingIfNeeded: littleEndian(content) as UInt64) << 16))
            }
            return single(tensor.halfVal).map { Double(Float(bitPattern: UInt32(truncatingIfNeeded: $0) << 16)) }
        case .dtInt32, .dtInt16, .dtInt8, .dtUint8, .dtUint16:
            if !content.isEmpty { return nil }
            return single(tensor.intVal).map(Double.init)
        case .dtInt64:
            if content.count == 8 { return Double(Int64(bitPattern: littleEndian(content))) }
            return single(tensor.int64Val).map(Double.init)
        default:
            return nil
        }
    }

    private static func single<T>(_ values: [T]) -> T? {
        values.count == 1 ? values[0] : nil
    }

    /// Little-endian bytes (at most 8) as an unsigned integer.
    private static func littleEndian<T: FixedWidthInteger & UnsignedInteger>(_ bytes: some Collection<UInt8>) -> T {
        var value: T = 0
        for (k, byte) in bytes.prefix(MemoryLayout<T>.size).enumerated() { value |= T(byte) << (8 * k) }
        return value
    }

    /// IEEE 754 binary16 to Double (portable: Float16 is not available on every platform).
    static func halfToDouble(_ bits: UInt16) -> Double {
        let sign: Double = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int((bits >> 10) & 0x1F)
        let fraction = Double(bits & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
