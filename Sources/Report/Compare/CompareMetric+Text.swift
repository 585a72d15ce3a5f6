import Foundation

/// How a result row prints in the report and the summary.
extension CompareMetric {
    typealias F = ReportNumberFormat

    /// A value: `98.55%` or `0.05963`.
    func valueText(_ value: Double?) -> String {
        format == .percent ? F.percent(value) : F.significant(value)
    }

    /// A group's value with its spread and size: `98.49% ± 0.04 (n = 3)`; a single run's value alone.
    func sideText(_ value: Double?, spread: Double?, count: Int?) -> String {
        var text = valueText(value)
        guard let count else { return text }
        if let spread {
            text += " ± " + (format == .percent ? F.fixed(spread * 100, decimals: 2) : F.significant(spread))
        }
        return text + " (n = \(count))"
    }

    var baselineText: String {
        if case .runStatus(let status, _) = method { return MarkdownText.cell(status) }
        return sideText(baseline, spread: baselineSpread, count: baselineCount)
    }

    var candidateText: String {
        if case .runStatus(_, let status) = method { return MarkdownText.cell(status) }
        return sideText(candidate, spread: candidateSpread, count: candidateCount)
    }

    /// A signed difference: `−2.43 points` for percentages, `+0.01234` for numbers.
    func signedText(_ value: Double?, unit: Bool = true) -> String {
        guard let value else { return "–" }
        if format == .percent {
            let text = Self.signed(F.fixed(value * 100, decimals: 2))
            return unit ? text + " points" : text
        }
        return Self.signed(F.significant(value))
    }

    /// `+` or `−` in front of a formatted number (`0.00` stays unsigned).
    static func signed(_ text: String) -> String {
        if text.hasPrefix("-") { return "−" + text.dropFirst() }
        if text.allSatisfy({ $0 == "0" || $0 == "." }) { return text }
        return "+" + text
    }

    var differenceText: String { signedText(difference) }

    /// `−2.71 to −2.16` (the unit is in the column header).
    var intervalText: String {
        guard let interval else { return "–" }
        return "\(signedText(interval.lower, unit: false)) to \(signedText(interval.upper, unit: false))"
    }

    /// The test, in a few words: `McNemar exact`, `Welch t = 3.77, ν = 4.6`, `tolerance 0.01`.
    var testText: String {
        switch method {
        case .mcnemar: return "McNemar exact"
        case .welch(let t, let df):
            let tText = t.isFinite ? F.fixed(t, decimals: 2) : (t > 0 ? "∞" : "−∞")
            return "Welch t = \(tText.replacingOccurrences(of: "-", with: "−"))"
                + (df.map { ", ν = \(F.fixed($0, decimals: 1))" } ?? "")
        case .tolerance(let amount, let spec):
            let absolute = valueToleranceText(amount)
            return spec.hasSuffix("%") ? "tolerance \(spec) (± \(absolute))" : "tolerance ± \(absolute)"
        case .reference: return "–"
        case .runStatus: return "run status"
        }
    }

    /// A tolerance as an amount of this metric: `0.5 points`, `0.01`, `0.006853`.
    func valueToleranceText(_ amount: Double) -> String {
        if format == .percent { return F.parameter((amount * 100 * 1e6).rounded() / 1e6) + " points" }
        // Shortest form for amounts as typed (0.01), four significant digits for computed ones.
        let short = F.parameter(amount)
        return short.count <= 8 ? short : F.significant(amount)
    }

    /// The p-value as printed.
    var pText: String { PValueFormat.text(pValue, log10: log10PValue) }

    /// The Holm-adjusted p-value as printed.
    var adjustedPText: String { PValueFormat.text(adjustedPValue, log10: adjustedLog10PValue) }

    /// The verdict as the table prints it, bold when it is a difference.
    var verdictText: String {
        var text = verdict.text(byTolerance: isByTolerance)
        if case .runStatus = method, verdict == .same { text = "same outcome" }
        return verdict == .better || verdict == .worse ? "**\(text)**" : text
    }
}
