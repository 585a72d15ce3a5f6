import Foundation

/// The verdict in words: the banner that opens the report and the summary.
extension CompareReport {
    /// `Worse`, `Better`, `No significant difference`, `Within tolerance`, `No verdict`.
    public var headline: String {
        switch verdict {
        case .worse: "Worse"
        case .better: "Better"
        case .same: isByTolerance ? "Within tolerance" : "No significant difference"
        case .untested: "No verdict"
        }
    }

    /// The sentence after the headline: what the verdict rests on.
    public var verdictSentence: String {
        let level = "α = \(ReportNumberFormat.parameter(alpha))"
        let deciding = metrics.filter(\.decides)
        func names(_ verdict: Verdict) -> String {
            var list = deciding.filter { $0.verdict == verdict }.map(\.sentenceName)
            if list.count > 4 { list = Array(list.prefix(4)) + ["\(list.count - 4) more"] }
            return MarkdownText.cell(Self.list(list))
        }
        switch (verdict, isByTolerance) {
        case (.worse, false):
            var text = "The candidate is significantly worse than the baseline at \(level) in \(names(.worse))"
            if deciding.contains(where: { $0.verdict == .better }) { text += " (better in \(names(.better)))" }
            return text + "."
        case (.better, false):
            return "The candidate is significantly better than the baseline at \(level) in \(names(.better))."
        case (.same, false):
            return "The candidate and the baseline do not differ significantly at \(level)."
        case (.worse, true):
            var text = "The candidate is worse than the baseline by more than the tolerance in \(names(.worse))"
            if deciding.contains(where: { $0.verdict == .better }) { text += " (better in \(names(.better)))" }
            return text + ". " + Self.noTestSentence
        case (.better, true):
            return "The candidate is better than the baseline by more than the tolerance in \(names(.better)). "
                + Self.noTestSentence
        case (.same, true):
            return "Every shared metric is within its tolerance. " + Self.noTestSentence
        case (.untested, _):
            if deciding.isEmpty {
                return kind == .logs
                    ? "The two logs share no metric whose direction (higher or lower is better) is known."
                    : "Nothing could be tested."
            }
            let reasons = Set(deciding.compactMap(\.untestedReason))
            return "No test was possible: " + reasons.sorted().joined(separator: "; ") + "."
        }
    }

    /// Said plainly wherever a verdict comes from tolerances.
    static let noTestSentence =
        "No significance test is possible: each log holds one value per metric and run, "
        + "not per-image predictions or several seeds."

    /// The findings behind the verdict, one line each: the metrics that differ, else those
    /// that decided (at most `limit`).
    public func findings(limit: Int = 5) -> [String] {
        let deciding = metrics.filter(\.decides)
        var chosen = deciding.filter { $0.verdict == .worse || $0.verdict == .better }
        if chosen.isEmpty { chosen = deciding.filter { $0.verdict == .same } }
        if chosen.isEmpty { chosen = deciding }
        return chosen.prefix(limit).map { $0.finding(level: levelText) }
    }

    /// The confidence level as the report prints it: `95%`.
    public var levelText: String {
        ReportNumberFormat.parameter((level * 100 * 1_000_000).rounded() / 1_000_000) + "%"
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}

extension CompareMetric {
    /// The name with its setting: `Test accuracy (lr=0.003)`.
    var qualifiedName: String {
        guard let setting, !setting.isEmpty else { return name }
        return "\(name) (\(setting))"
    }

    /// The name inside a sentence: nnreport's own row names in lower case (`test accuracy`),
    /// names from logs as logged.
    var sentenceName: String {
        guard case .tolerance = method else { return qualifiedName.prefix(1).lowercased() + qualifiedName.dropFirst() }
        return qualifiedName
    }

    /// Why a deciding metric could not be judged.
    var untestedReason: String? {
        guard verdict == .untested else { return nil }
        if case .reference(let reason) = method { return reason }
        if baseline == nil || candidate == nil { return "\(qualifiedName) is missing in one of the two" }
        return nil
    }

    /// One line for the banner: `Test accuracy: 96.12% against 98.55% (−2.43 points, 95% CI −2.71
    /// to −2.16); McNemar's exact test on the 305 images only one run classifies correctly (31
    /// candidate, 274 baseline): p = 6.17e-25.` Escaped for Markdown.
    func finding(level: String) -> String {
        var text = "\(MarkdownText.cell(qualifiedName)): \(candidateText) against \(baselineText) (\(differenceText)"
        if interval != nil { text += ", \(level) CI \(intervalText)\(format == .percent ? " points" : "")" }
        text += ")"
        switch method {
        case .mcnemar(let onlyBaseline, let onlyCandidate) where onlyBaseline + onlyCandidate == 0:
            text +=
                "; the two runs are right and wrong on the same test images, so McNemar's exact test has "
                + "nothing to weigh: p = 1"
        case .mcnemar(let onlyBaseline, let onlyCandidate):
            text +=
                "; McNemar's exact test on the \(ReportNumberFormat.grouped(onlyBaseline + onlyCandidate)) test images "
                + "only one run classifies correctly (\(ReportNumberFormat.grouped(onlyCandidate)) candidate, "
                + "\(ReportNumberFormat.grouped(onlyBaseline)) baseline): p = \(pText)"
        case .welch:
            text += "; Welch's t-test: p = \(pText)"
        case .tolerance:
            text += "; \(testText)"
        case .reference(let reason):
            text += "; not tested: \(reason)"
        case .runStatus:
            return "\(MarkdownText.cell(qualifiedName)): the candidate \(candidateText), the baseline \(baselineText)."
        }
        if let adjustedPValue, let pValue, adjustedPValue != pValue { text += " (Holm-adjusted \(adjustedPText))" }
        return text + "."
    }
}
