/// Checks on Markdown that GitHub renders: the rows of each table have as many cells as its
/// header, as GitHub-flavoured Markdown needs to draw them as a table.
public enum MarkdownTables {
    /// The table rows whose cell count differs from their table's header, with both counts.
    ///
    /// Cells are counted by their `|` separators; a `|` escaped with a backslash or inside a code
    /// span does not separate cells (GFM reads `\|` inside code spans of tables as a `|` too).
    public static func mismatchedRows(in markdown: String) -> [String] {
        func pipes(_ line: Substring) -> Int {
            var count = 0
            var inCode = false
            var escaped = false
            for ch in line {
                if escaped {
                    escaped = false
                    continue
                }
                if ch == "\\" {
                    escaped = true
                    continue
                }
                if ch == "`" { inCode.toggle() }
                if ch == "|", !inCode { count += 1 }
            }
            return count
        }
        var header: Int?
        var bad: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                header = nil
                continue
            }
            if let header {
                if pipes(line) != header { bad.append("\(line) (\(pipes(line)) separators, header \(header))") }
            } else {
                header = pipes(line)
            }
        }
        return bad
    }
}
