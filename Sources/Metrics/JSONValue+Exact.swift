extension JSONValue {
    /// `value` in a form that reads back bit for bit (sign of zero and NaN payloads aside):
    /// finite numbers as JSON numbers, which ``JSONWriter`` writes in Swift's shortest
    /// round-tripping form, and the values JSON has no number for as strings: `"NaN"`,
    /// `"Infinity"`, `"-Infinity"`, and `"-0"` (which the writer would print as `0`).
    ///
    /// For state that must be restored exactly (checkpoints), where ``number(_:)`` would turn a
    /// NaN into `null`.
    public static func exact(_ value: Double) -> JSONValue {
        if value.isNaN { return .string("NaN") }
        if value == .infinity { return .string("Infinity") }
        if value == -.infinity { return .string("-Infinity") }
        if value == 0, value.sign == .minus { return .string("-0") }
        return .number(value)
    }

    /// An optional ``exact(_:)-(Double)``: `null` when absent.
    public static func exact(_ value: Double?) -> JSONValue {
        value.map { exact($0) } ?? .null
    }

    /// A 64-bit unsigned integer as a decimal string: JSON numbers are read as Doubles, which
    /// hold integers exactly only up to 2^53.
    public static func exact(_ value: UInt64) -> JSONValue {
        .string(String(value))
    }

    /// The Double ``exact(_:)-(Double)`` wrote, or nil for anything else.
    public var exactDouble: Double? {
        switch self {
        case .number(let n): return n
        case .string("NaN"): return .nan
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        case .string("-0"): return -0.0
        default: return nil
        }
    }

    /// The integer ``exact(_:)-(UInt64)`` wrote, or nil for anything else.
    public var exactUInt64: UInt64? {
        guard case .string(let text) = self else { return nil }
        return UInt64(text)
    }
}
