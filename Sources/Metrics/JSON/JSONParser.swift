/// A strict RFC 8259 JSON parser producing ``JSONValue``.
///
/// Written for untrusted input (metric logs from anywhere): it never traps on malformed text.
/// Nesting is bounded by `maxDepth`, strings must be valid UTF-8, numbers beyond the range of
/// `Double` are rejected rather than turned into infinity, and every error carries the line,
/// column and byte offset where parsing stopped. A leading UTF-8 byte order mark is ignored,
/// as RFC 8259 section 8.1 allows; nothing else outside the grammar is accepted (no comments,
/// trailing commas, `NaN` or single quotes). Object members keep their order; duplicate keys
/// are kept as they appear.
///
/// One extension is opt-in (`allowsNonFinite`): the `NaN`, `Infinity` and `-Infinity` that
/// Python's `json.dumps` writes for non-finite floats by default, which the logs of Hugging
/// Face's Trainer, detectron2 and mmengine hold when a run diverges.
public struct JSONParser {
    /// The nesting limit used unless a caller asks otherwise.
    public static let defaultMaxDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    let maxDepth: Int
    let allowsNonFinite: Bool

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, allowsNonFinite: Bool = false) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.allowsNonFinite = allowsNonFinite
        // Skip a UTF-8 byte order mark.
        index = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Parses one JSON text (a single value, surrounded by optional whitespace).
    ///
    /// - Throws: ``JSONParseError`` naming the line, column and byte offset.
    /// - Complexity: O(n) in the length of the text.
    public static func parse(
        _ bytes: [UInt8], maxDepth: Int = defaultMaxDepth, allowsNonFinite: Bool = false
    ) throws(JSONParseError) -> JSONValue {
        try parse(bytes[...], maxDepth: maxDepth, allowsNonFinite: allowsNonFinite)
    }

    /// Parses one JSON text held in part of a byte array (offsets in errors count from the slice's start).
    public static func parse(
        _ bytes: ArraySlice<UInt8>, maxDepth: Int = defaultMaxDepth, allowsNonFinite: Bool = false
    ) throws(JSONParseError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) -> JSONValue in
                var parser = JSONParser(bytes: buffer, maxDepth: maxDepth, allowsNonFinite: allowsNonFinite)
                return try parser.parseDocument()
            }
        }
        return try result.get()
    }

    /// Parses one JSON text given as a string.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if index < bytes.count { throw error(.trailingContent) }
        return value
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw error(.unexpectedEnd(expected: "a value")) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "N") where allowsNonFinite:
            try expectLiteral("NaN")
            return .number(.nan)
        case UInt8(ascii: "I") where allowsNonFinite:
            try expectLiteral("Infinity")
            return .number(.infinity)
        case UInt8(ascii: "-")
        where allowsNonFinite && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "I"):
            index += 1
            try expectLiteral("Infinity")
            return .number(-.infinity)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        default:
            throw unexpected(expected: "a value (object, array, string, number, true, false or null)")
        }
    }

    mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        if depth > maxDepth { throw error(.tooDeep(limit: maxDepth)) }
        index += 1  // "{"
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error(.unexpectedEnd(expected: "a string key")) }
            guard bytes[index] == UInt8(ascii: "\"") else { throw unexpected(expected: "a string key") }
            let key = try parseString()
            skipWhitespace()
            try expectByte(UInt8(ascii: ":"), expected: "':' after an object key")
            let value = try parseValue(depth: depth)
            members.append((key: key, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw error(.unexpectedEnd(expected: "',' or '}'")) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default: throw unexpected(expected: "',' or '}'")
            }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        if depth > maxDepth { throw error(.tooDeep(limit: maxDepth)) }
        index += 1  // "["
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            items.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw error(.unexpectedEnd(expected: "',' or ']'")) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(items)
            default: throw unexpected(expected: "',' or ']'")
            }
        }
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let expected = "'\(literal)'"
        let text = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in text {
            guard index < bytes.count else { throw error(.unexpectedEnd(expected: expected)) }
            guard bytes[index] == byte else { throw unexpected(expected: expected) }
            index += 1
        }
    }

    mutating func expectByte(_ byte: UInt8, expected: String) throws(JSONParseError) {
        guard index < bytes.count else { throw error(.unexpectedEnd(expected: expected)) }
        guard bytes[index] == byte else { throw unexpected(expected: expected) }
        index += 1
    }

    /// An error about the byte at the current index.
    func unexpected(expected: String) -> JSONParseError {
        error(.unexpectedByte(bytes[index], expected: expected))
    }

    /// An error at `offset` (the current index by default), with its line and column worked out.
    func error(_ kind: JSONParseError.Kind, at offset: Int? = nil) -> JSONParseError {
        let offset = min(offset ?? index, bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        // Columns count scalars: every byte that is not a UTF-8 continuation byte starts one.
        var column = 1
        for i in lineStart..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return JSONParseError(kind: kind, byteOffset: offset, line: line, column: column)
    }
}
