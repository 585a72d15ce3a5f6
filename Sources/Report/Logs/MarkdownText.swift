/// Text that comes from a log (run names, metric names, hyperparameters, paths, warnings) made
/// safe for the Markdown of a published report.
///
/// A log may come from an untrusted pull request: nothing in it may add markup to the report.
/// ``cell(_:)`` escapes every character that Markdown or HTML would read as markup (GitHub
/// renders `&lt;` as `<` and `\*` as `*`), and keeps a table row intact: a `|` would end the
/// cell, a line break the row. ``code(_:)`` is for inside a code span, where Markdown and HTML
/// are not interpreted but a backtick would close the span and, in a table, a `|` the cell.
public enum MarkdownText {
    /// Escaped for running text and table cells.
    public static func cell(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "_" where isWordCharacter(scalars, index - 1) && isWordCharacter(scalars, index + 1):
                // Inside a word (`val_loss`) an underscore never starts or ends emphasis.
                out.unicodeScalars.append(scalar)
            case "\\", "|", "*", "_", "`", "[", "]", "#", "~", "!", "$":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "\n", "\r", "\t": out += " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isWordCharacter(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        guard scalars.indices.contains(index) else { return false }
        let scalar = scalars[index]
        return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// Text for inside a code span (between single backticks) in a table cell or text:
    /// backticks become quotes, `|` is escaped, line breaks become spaces.
    public static func code(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "`": out += "'"
            case "|": out += "\\|"
            case "\n", "\r", "\t": out += " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        // A code span's content may not start or end with a space next to the backtick
        // in a way that changes it; an empty span would not be one.
        return out.isEmpty ? " " : out
    }

    /// Alt text of an image (`![alt](file)`): escaped like a cell, and without brackets, which
    /// would end it early.
    public static func alt(_ text: String) -> String {
        cell(String(text.map { $0 == "[" ? "(" : $0 == "]" ? ")" : $0 }))
    }
}
