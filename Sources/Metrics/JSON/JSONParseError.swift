/// Why a JSON text was rejected, and where.
///
/// `line` and `column` are 1-based; `column` counts Unicode scalars from the start of the line.
/// `byteOffset` is 0-based from the start of the parsed text.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The text ended inside a value; `expected` says what was still needed.
        case unexpectedEnd(expected: String)
        /// A byte that cannot start or continue what the grammar expects here.
        case unexpectedByte(UInt8, expected: String)
        /// A byte sequence that is not UTF-8.
        case invalidUTF8
        /// A control character (below U+0020) inside a string; JSON requires it escaped.
        case controlCharacterInString(UInt8)
        /// A backslash escape other than `\" \\ \/ \b \f \n \r \t \uXXXX`.
        case invalidEscape(String)
        /// A `\uD800`-`\uDFFF` escape that is not part of a surrogate pair.
        case unpairedSurrogate(UInt16)
        /// A number whose magnitude is beyond Double (about 1.8e308).
        case numberOutOfRange(String)
        /// Arrays and objects nested deeper than the parser's limit.
        case tooDeep(limit: Int)
        /// Something other than whitespace after the top-level value.
        case trailingContent
    }

    public var kind: Kind
    public var byteOffset: Int
    public var line: Int
    public var column: Int

    public init(kind: Kind, byteOffset: Int, line: Int, column: Int) {
        self.kind = kind
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
    }

    /// What went wrong, without the position.
    public var reason: String {
        switch kind {
        case .unexpectedEnd(let expected): return "unexpected end of text, expected \(expected)"
        case .unexpectedByte(let byte, let expected):
            return "expected \(expected) but found \(Self.describe(byte))"
        case .invalidUTF8: return "invalid UTF-8 byte sequence"
        case .controlCharacterInString(let byte):
            return "unescaped control character \(Self.describe(byte)) in a string"
        case .invalidEscape(let text): return "invalid escape sequence \\\(text)"
        case .unpairedSurrogate(let unit):
            return "unpaired UTF-16 surrogate \\u\(String(unit, radix: 16, uppercase: true))"
        case .numberOutOfRange(let text):
            let shown = text.count > 40 ? String(text.prefix(40)) + "..." : text
            return "number \(shown) is out of the range of a 64-bit float"
        case .tooDeep(let limit): return "arrays and objects nested deeper than \(limit) levels"
        case .trailingContent: return "unexpected content after the JSON value"
        }
    }

    public var description: String {
        "line \(line), column \(column) (byte \(byteOffset)): \(reason)"
    }

    /// A byte shown for a human: printable ASCII in quotes, anything else in hex.
    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }
}
