import Foundation

/// `--tolerance`: how far a metric of a log may move before `nnreport compare` calls it better
/// or worse. `0.01` for every metric, `val_loss=0.01` for one, `val_accuracy=0.5%` relative to
/// the baseline's value.
public struct MetricTolerance: Sendable, Equatable, CustomStringConvertible {
    /// The metric it applies to, as logged or canonical (`val_acc` or `val_accuracy`); nil for
    /// every metric without one of its own.
    public var metric: String?
    public var amount: Double
    /// Whether ``amount`` is a fraction of the baseline's value (given as a percentage).
    public var isRelative: Bool

    public init(metric: String?, amount: Double, isRelative: Bool) {
        self.metric = metric
        self.amount = amount
        self.isRelative = isRelative
    }

    /// Parses `VALUE`, `VALUE%`, `NAME=VALUE` or `NAME=VALUE%`; nil for anything else, negative
    /// or non-finite values included.
    public init?(parsing text: String) {
        var name: String?
        var value = Substring(text)
        if let equals = text.lastIndex(of: "=") {
            name = String(text[..<equals])
            value = text[text.index(after: equals)...]
            if name!.isEmpty { return nil }
        }
        var relative = false
        if value.hasSuffix("%") {
            relative = true
            value = value.dropLast()
        }
        guard let number = Double(value.trimmingCharacters(in: .whitespaces)), number.isFinite, number >= 0 else {
            return nil
        }
        self.init(metric: name, amount: relative ? number / 100 : number, isRelative: relative)
    }

    /// The absolute tolerance for a metric whose baseline value is `baseline`.
    func absolute(for baseline: Double) -> Double {
        isRelative ? amount * abs(baseline) : amount
    }

    /// How it was given: `0.01`, `0.5%`.
    public var amountText: String {
        isRelative ? "\(ReportNumberFormat.parameter(amount * 100))%" : ReportNumberFormat.parameter(amount)
    }

    public var description: String { (metric.map { "\($0)=" } ?? "") + amountText }
}
