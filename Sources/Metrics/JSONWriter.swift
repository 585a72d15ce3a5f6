/// Serialises ``JSONValue`` to text, byte-for-byte reproducibly.
///
/// Numbers: integers in the exactly representable range are written without a fraction
/// (`3`, not `3.0`); other finite numbers use Swift's shortest round-tripping form
/// (`0.1`, `1e-05`). JSON has no NaN or infinity, so those become `null`: readers treat a
/// `null` metric as a gap.
public enum JSONWriter {
    /// One line, no spaces: the metrics.jsonl form.
    public static func compact(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: nil, depth: 0)
        return out
    }

    /// Two-space indented, members one per line: the summary.json form.
    public static func pretty(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: "  ", depth: 0)
        out.append("\n")
        return out
    }

    /// The number format described above.
    public static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 {
            // Avoid "-0".
            return String(Int64(number))
        }
        return "\(number)"
    }

    static func write(_ value: JSONValue, into out: inout String, indent: String?, depth: Int) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let n): out.append(format(n))
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            // Arrays of scalars stay on one line even in pretty mode: a 784-number mean image
            // should not take 784 lines.
            let scalarOnly = items.allSatisfy { if case .array = $0 { return false }; if case .object = $0 { return false }; return true }
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(",") }
                if let indent, !scalarOnly {
                    out.append("\n")
                    out.append(String(repeating: indent, count: depth + 1))
                } else if indent != nil, i > 0 {
                    out.append(" ")
                }
                write(item, into: &out, indent: indent, depth: depth + 1)
            }
            if let indent, !scalarOnly {
                out.append("\n")
                out.append(String(repeating: indent, count: depth))
            }
            out.append("]")
        case .object(let members):
            if members.isEmpty { out.append("{}"); return }
            out.append("{")
            for (i, member) in members.enumerated() {
                if i > 0 { out.append(",") }
                if let indent {
                    out.append("\n")
                    out.append(String(repeating: indent, count: depth + 1))
                }
                writeString(member.key, into: &out)
                out.append(indent == nil ? ":" : ": ")
                write(member.value, into: &out, indent: indent, depth: depth + 1)
            }
            if let indent {
                out.append("\n")
                out.append(String(repeating: indent, count: depth))
            }
            out.append("}")
        }
    }

    static func writeString(_ s: String, into out: inout String) {
        out.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
