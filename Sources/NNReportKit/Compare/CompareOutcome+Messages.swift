import Metrics
import Report

/// What `nnreport compare` prints once its report is written.
extension CompareOutcome {
    /// summary.json as `--json` prints it.
    public var summaryJSON: String { JSONWriter.pretty(summary) }

    /// The verdict and where the report went, a line each, for a terminal.
    public var doneMessages: [String] {
        ["\(report.headline): \(Self.plain(report.verdictSentence))", "Comparison written to \(folder.path)"]
    }

    /// Why the command fails when the verdict meets `condition`; nil when it does not.
    public func failure(on condition: CompareFailCondition) -> String? {
        switch (condition, verdict) {
        case (.worse, .worse), (.different, .worse), (.different, .better):
            "Failing as --fail-on \(condition.rawValue) asks: the verdict is \(verdict.rawValue)."
        default: nil
        }
    }

    /// A Markdown sentence for a terminal: escapes and code marks removed, entities decoded.
    static func plain(_ markdown: String) -> String {
        var out = ""
        var escaped = false
        for ch in markdown {
            if escaped {
                out.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch != "`" {
                out.append(ch)
            }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
