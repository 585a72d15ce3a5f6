/// A YAML reader for the subset that training tools write for hyperparameters (Lightning's
/// hparams.yaml via PyYAML's `yaml.dump`, DVCLive's params.yaml): block mappings and
/// sequences (including PyYAML's sequences at their key's indentation), plain, single- and
/// double-quoted scalars (also over several lines), `|` and `>` block scalars, one-line flow
/// collections (`[1, 2]`, `{a: 1}`), comments, `---`, anchors and aliases, and tags
/// (`!!python/tuple`), which are ignored. Scalars resolve as PyYAML does (YAML 1.1: `yes`/`no`
/// are booleans, `~` is null, `.inf`, `1_000`). Not supported: complex `?` keys, multiple
/// documents, merge keys. Nesting is limited to ``maxDepth`` levels.
struct YAMLSubset {
    struct Failure: Error, Equatable, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    static let maxDepth = 64

    struct Line {
        var number: Int
        var indent: Int
        var text: String
    }

    var lines: [Line]
    var index = 0
    var anchors: [String: JSONValue] = [:]

    /// Parses a whole document; an empty document is `null`.
    static func parse(_ text: String) throws(Failure) -> JSONValue {
        var parser = YAMLSubset(lines: try splitLines(text))
        guard !parser.lines.isEmpty else { return .null }
        let value = try parser.parseNode(indent: parser.lines[0].indent, depth: 0)
        if parser.index < parser.lines.count {
            let line = parser.lines[parser.index]
            throw Failure(line: line.number, message: "unexpected \(LogFile.excerpt(line.text)) at this indentation")
        }
        return value
    }

    /// Lines with their indentation, without comments, blank lines and document markers.
    static func splitLines(_ text: String) throws(Failure) -> [Line] {
        var result: [Line] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = Substring(raw)
            if line.last == "\r" { line.removeLast() }
            let indent = line.prefix { $0 == " " }.count
            var content = line.dropFirst(indent)
            if content.first == "\t" { throw Failure(line: number, message: "tabs are not allowed in indentation") }
            content = stripComment(content)
            while let last = content.last, last == " " || last == "\t" { content.removeLast() }
            if content.isEmpty { continue }
            if result.isEmpty, content == "---" || content.hasPrefix("--- ") || content.hasPrefix("%") {
                if content.hasPrefix("--- ") {
                    result.append(Line(number: number, indent: 0, text: String(content.dropFirst(4))))
                }
                continue
            }
            if content == "..." { break }
            if content == "---" {
                throw Failure(line: number, message: "several documents in one file are not supported")
            }
            result.append(Line(number: number, indent: indent, text: String(content)))
        }
        return result
    }

    /// The text before a `#` comment (a `#` at the start or after a space, outside quotes).
    static func stripComment(_ text: Substring) -> Substring {
        var quote: Character?
        var previous: Character = " "
        for i in text.indices {
            let c = text[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"",
                previous == " " || previous == "[" || previous == "{" || previous == "," || previous == ":"
                    || previous == "-"
            {
                quote = c
            } else if c == "#", previous == " " || previous == "\t" {
                return text[..<i]
            }
            previous = c
        }
        return text
    }

    // MARK: Block structure

    mutating func parseNode(indent: Int, depth: Int) throws(Failure) -> JSONValue {
        let line = lines[index]
        guard depth < Self.maxDepth else {
            throw Failure(line: line.number, message: "nested deeper than \(Self.maxDepth) levels")
        }
        if Self.isSequenceItem(line.text) { return try parseSequence(indent: line.indent, depth: depth + 1) }
        if try Self.splitKey(line.text, line: line.number) != nil {
            return try parseMapping(indent: line.indent, depth: depth + 1)
        }
        index += 1
        return try value(of: line.text, line: line.number, parentIndent: line.indent - 1, depth: depth + 1)
    }

    static func isSequenceItem(_ text: String) -> Bool {
        text == "-" || text.hasPrefix("- ")
    }

    mutating func parseSequence(indent: Int, depth: Int) throws(Failure) -> JSONValue {
        var items: [JSONValue] = []
        while index < lines.count, lines[index].indent == indent, Self.isSequenceItem(lines[index].text) {
            let line = lines[index]
            let rest = line.text.dropFirst(1)
            let spaces = rest.prefix { $0 == " " }.count
            let content = String(rest.dropFirst(spaces))
            let startsBlock = try Self.isSequenceItem(content) ? true : Self.splitKey(content, line: line.number) != nil
            if content.isEmpty {
                index += 1
                items.append(try nestedOrNull(parentIndent: indent, depth: depth))
            } else if startsBlock {
                // "- key: value" or "- - x": the item is a block starting inside this line.
                lines[index] = Line(number: line.number, indent: indent + 1 + spaces, text: content)
                items.append(try parseNode(indent: indent + 1 + spaces, depth: depth))
            } else {
                index += 1
                items.append(try value(of: content, line: line.number, parentIndent: indent, depth: depth))
            }
        }
        return .array(items)
    }

    mutating func parseMapping(indent: Int, depth: Int) throws(Failure) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        while index < lines.count, lines[index].indent == indent {
            let line = lines[index]
            guard let (key, rest) = try Self.splitKey(line.text, line: line.number) else {
                throw Failure(
                    line: line.number, message: "expected \"key: value\", found \(LogFile.excerpt(line.text))")
            }
            index += 1
            let value: JSONValue
            if rest.isEmpty {
                value = try valueBelowKey(indent: indent, depth: depth)
            } else {
                value = try self.value(of: rest, line: line.number, parentIndent: indent, depth: depth)
            }
            members.append((key: key, value: value))
        }
        return .object(members)
    }

    /// The value of a key with nothing after its colon, on the lines that follow: a list at the
    /// key's own indentation (PyYAML writes lists under a key that way), else the block indented
    /// under the key, or null when there is none.
    mutating func valueBelowKey(indent: Int, depth: Int) throws(Failure) -> JSONValue {
        if index < lines.count, lines[index].indent == indent, Self.isSequenceItem(lines[index].text) {
            return try parseSequence(indent: indent, depth: depth)
        }
        return try nestedOrNull(parentIndent: indent, depth: depth)
    }

    /// The block indented under the current position, or null when there is none.
    mutating func nestedOrNull(parentIndent: Int, depth: Int) throws(Failure) -> JSONValue {
        guard index < lines.count, lines[index].indent > parentIndent else { return .null }
        return try parseNode(indent: lines[index].indent, depth: depth)
    }

    /// The value written after `key:` or `- ` (`text`), with its anchor, alias or tag, taking
    /// continuation lines (indented deeper than `parentIndent`) for multi-line scalars.
    mutating func value(of text: String, line: Int, parentIndent: Int, depth: Int) throws(Failure) -> JSONValue {
        var text = Substring(text)
        var anchor: String?
        while let first = text.first, first == "&" || first == "!" {
            let token = text.prefix { $0 != " " }
            if first == "&" { anchor = String(token.dropFirst()) }
            text = text.dropFirst(token.count).drop { $0 == " " }
        }
        let value: JSONValue
        if text.isEmpty {
            // "key: !!python/tuple" with the items on the following lines.
            value = try valueBelowKey(indent: parentIndent, depth: depth)
        } else if text.first == "*" {
            let name = String(text.dropFirst())
            guard let found = anchors[name] else {
                throw Failure(line: line, message: "alias *\(name) names no anchor")
            }
            value = found
        } else if text.first == "|" || text.first == ">" {
            value = .string(
                blockScalar(folded: text.first == ">", strip: text.contains("-"), parentIndent: parentIndent))
        } else {
            var scalar = String(text)
            // Continuation lines of a multi-line scalar or flow collection.
            while index < lines.count, lines[index].indent > parentIndent,
                Self.needsContinuation(scalar) || !Self.isStructural(lines[index].text)
            {
                if scalar.first == "\"", scalar.hasSuffix("\\") {
                    scalar.removeLast()  // an escaped line break joins without a space
                } else {
                    scalar += " "
                }
                scalar += lines[index].text
                index += 1
            }
            value = try Self.scalarOrFlow(scalar, line: line, depth: depth)
        }
        if let anchor { anchors[anchor] = value }
        return value
    }

    /// True while a quoted scalar or flow collection is still open.
    static func needsContinuation(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        if first == "'" || first == "\"" { return !isClosedQuote(text) }
        if first == "[" || first == "{" {
            var depth = 0
            var quote: Character?
            for c in text {
                if let q = quote { if c == q { quote = nil }; continue }
                switch c {
                case "'", "\"": quote = c
                case "[", "{": depth += 1
                case "]", "}": depth -= 1
                default: break
                }
            }
            return depth > 0
        }
        return false
    }

    /// Lines that start a new block element rather than continue a plain scalar.
    static func isStructural(_ text: String) -> Bool {
        isSequenceItem(text) || (try? splitKey(text, line: 0)) != nil
    }

    /// The lines of a `|` or `>` block scalar indented deeper than `parentIndent`.
    mutating func blockScalar(folded: Bool, strip: Bool, parentIndent: Int) -> String {
        var parts: [String] = []
        let blockIndent = index < lines.count ? lines[index].indent : 0
        while index < lines.count, lines[index].indent > parentIndent {
            parts.append(String(repeating: " ", count: max(0, lines[index].indent - blockIndent)) + lines[index].text)
            index += 1
        }
        let body = parts.joined(separator: folded ? " " : "\n")
        return strip || body.isEmpty ? body : body + "\n"
    }
}
