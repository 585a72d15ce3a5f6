extension YAMLSubset {
    /// Splits `key: rest` (rest may be empty), or nil when the line is not a mapping entry.
    static func splitKey(_ text: String, line: Int) throws(Failure) -> (key: String, rest: String)? {
        guard let first = text.first, !isSequenceItem(text), first != "[", first != "{", first != "#" else {
            return nil
        }
        if text == "?" || text.hasPrefix("? ") {
            throw Failure(line: line, message: "complex mapping keys (\"? \") are not supported")
        }
        let chars = Array(text)
        var keyEnd: Int
        var key: String
        if first == "'" || first == "\"" {
            guard let close = closingQuote(chars, from: 0) else { return nil }
            key = unquote(chars[0...close])
            keyEnd = close + 1
            while keyEnd < chars.count, chars[keyEnd] == " " { keyEnd += 1 }
            guard keyEnd < chars.count, chars[keyEnd] == ":" else { return nil }
        } else {
            var i = 0
            while i < chars.count, !(chars[i] == ":" && (i + 1 == chars.count || chars[i + 1] == " ")) { i += 1 }
            guard i < chars.count else { return nil }
            keyEnd = i
            key = String(chars[..<i]).trimmingWhitespace()
            if key.isEmpty { return nil }
        }
        let rest = String(chars[(keyEnd + 1)...]).trimmingWhitespace()
        return (key, rest)
    }

    /// Index of the quote closing the one at `from`, honouring `''` and `\"`.
    static func closingQuote(_ chars: [Character], from: Int) -> Int? {
        let quote = chars[from]
        var i = from + 1
        while i < chars.count {
            if quote == "\"", chars[i] == "\\" {
                i += 2
                continue
            }
            if chars[i] == quote {
                if quote == "'", i + 1 < chars.count, chars[i + 1] == "'" {
                    i += 2
                    continue
                }
                return i
            }
            i += 1
        }
        return nil
    }

    static func isClosedQuote(_ text: String) -> Bool {
        closingQuote(Array(text), from: 0) != nil
    }

    /// The text of a quoted scalar (quotes included in `chars`).
    static func unquote(_ chars: ArraySlice<Character>) -> String {
        let quote = chars.first!
        let body = chars.dropFirst().dropLast()
        if quote == "'" { return String(body).replacingAll("''", with: "'") }
        var result = ""
        var i = body.startIndex
        while i < body.endIndex {
            let c = body[i]
            i += 1
            guard c == "\\", i < body.endIndex else {
                result.append(c)
                continue
            }
            let e = body[i]
            i += 1
            switch e {
            case "n": result.append("\n")
            case "t": result.append("\t")
            case "r": result.append("\r")
            case "0": result.append("\0")
            case "\\", "\"", "/", " ": result.append(e)
            case "x", "u", "U":
                let width = e == "x" ? 2 : e == "u" ? 4 : 8
                let end = body.index(i, offsetBy: width, limitedBy: body.endIndex) ?? body.endIndex
                if let code = UInt32(String(body[i..<end]), radix: 16), let scalar = Unicode.Scalar(code) {
                    result.unicodeScalars.append(scalar)
                    i = end
                } else {
                    result.append(e)
                }
            default: result.append(e)
            }
        }
        return result
    }

    /// A scalar or a one-line flow collection.
    static func scalarOrFlow(_ text: String, line: Int, depth: Int) throws(Failure) -> JSONValue {
        let chars = Array(text)
        if chars.first == "[" || chars.first == "{" || chars.first == "'" || chars.first == "\"" {
            var flow = FlowParser(chars: chars, line: line)
            let value = try flow.parseValue(depth: depth)
            flow.skipSpaces()
            guard flow.index == chars.count else {
                throw Failure(
                    line: line, message: "unexpected \(LogFile.excerpt(String(chars[flow.index...]))) after the value")
            }
            return value
        }
        return resolvePlain(text)
    }

    /// A plain scalar resolved as PyYAML's loader does.
    static func resolvePlain(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        case ".nan", ".NaN", ".NAN": return .number(.nan)
        default: break
        }
        let numeric = text.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE_".contains($0)) }
        if numeric, text.contains(where: \.isNumber) {
            let cleaned = text.replacingAll("_", with: "")
            if let value = Double(cleaned), value.isFinite { return .number(value) }
        }
        if text.hasPrefix("0x") || text.hasPrefix("0o"),
            let value = Int(text.dropFirst(2), radix: text.hasPrefix("0x") ? 16 : 8)
        {
            return .number(Double(value))
        }
        return .string(text)
    }

    /// `[a, b]` and `{k: v}` on one (joined) line.
    struct FlowParser {
        let chars: [Character]
        let line: Int
        var index = 0

        init(chars: [Character], line: Int) {
            self.chars = chars
            self.line = line
        }

        mutating func skipSpaces() {
            while index < chars.count, chars[index] == " " { index += 1 }
        }

        mutating func parseValue(depth: Int) throws(Failure) -> JSONValue {
            guard depth < YAMLSubset.maxDepth else {
                throw Failure(line: line, message: "nested deeper than \(YAMLSubset.maxDepth) levels")
            }
            skipSpaces()
            guard index < chars.count else { throw Failure(line: line, message: "a flow collection ends early") }
            switch chars[index] {
            case "[":
                index += 1
                var items: [JSONValue] = []
                while true {
                    skipSpaces()
                    guard index < chars.count else { throw Failure(line: line, message: "expected ']'") }
                    if chars[index] == "]" { index += 1; return .array(items) }
                    items.append(try parseValue(depth: depth + 1))
                    try separator(closing: "]")
                }
            case "{":
                index += 1
                var members: [(key: String, value: JSONValue)] = []
                while true {
                    skipSpaces()
                    guard index < chars.count else { throw Failure(line: line, message: "expected '}'") }
                    if chars[index] == "}" { index += 1; return .object(members) }
                    let keyValue = try parseScalar(stopAtColon: true)
                    let key: String
                    switch keyValue {
                    case .string(let s): key = s
                    case .null: key = "null"
                    default: key = JSONWriter.compact(keyValue)
                    }
                    skipSpaces()
                    var value = JSONValue.null
                    if index < chars.count, chars[index] == ":" {
                        index += 1
                        value = try parseValue(depth: depth + 1)
                    }
                    members.append((key: key, value: value))
                    try separator(closing: "}")
                }
            default:
                return try parseScalar(stopAtColon: false)
            }
        }

        mutating func separator(closing: Character) throws(Failure) {
            skipSpaces()
            guard index < chars.count else { throw Failure(line: line, message: "expected ',' or '\(closing)'") }
            if chars[index] == "," { index += 1; return }
            guard chars[index] == closing else {
                throw Failure(line: line, message: "expected ',' or '\(closing)', found '\(chars[index])'")
            }
        }

        mutating func parseScalar(stopAtColon: Bool) throws(Failure) -> JSONValue {
            skipSpaces()
            if index < chars.count, chars[index] == "'" || chars[index] == "\"" {
                guard let close = YAMLSubset.closingQuote(chars, from: index) else {
                    throw Failure(line: line, message: "a quoted string is not closed")
                }
                let text = YAMLSubset.unquote(chars[index...close])
                index = close + 1
                return .string(text)
            }
            let start = index
            while index < chars.count, !",]}".contains(chars[index]) {
                if stopAtColon, chars[index] == ":", index + 1 == chars.count || chars[index + 1] == " " { break }
                index += 1
            }
            return YAMLSubset.resolvePlain(String(chars[start..<index]).trimmingWhitespace())
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
