import Foundation
import Metrics

extension ComparisonTable.Row {
    /// Whether the row's values read best as percentages: an accuracy-like quantity whose
    /// values all lie in [0, 1] (some tools log accuracy as 0–100, which stays a plain number).
    public var isFraction: Bool {
        guard goal == .maximize, ["accuracy", "acc", "top1", "top5"].contains(where: quantity.contains) else {
            return false
        }
        let values = cells.compactMap { $0 }.flatMap { [$0.best?.value, $0.last?.value] }.compactMap { $0 }
        return !values.isEmpty && values.allSatisfy { (0...1).contains($0) }
    }

    /// A value of this row as the tables print it: "98.12%" or "0.06123".
    public func text(_ value: Double?) -> String {
        isFraction ? ReportNumberFormat.percent(value) : ReportNumberFormat.significant(value)
    }
}

extension ComparisonTable {
    /// A hyperparameter value as the tables print it: text as is, numbers in shortest form,
    /// lists and maps as compact JSON, "–" where a run does not set it.
    public static func text(_ value: JSONValue?) -> String {
        switch value {
        case nil: return "–"
        case .string(let text)?: return text
        case .number(let number)?: return number.isFinite ? JSONWriter.format(number) : "\(number)"
        case .bool(let flag)?: return flag ? "true" : "false"
        case .null?: return "null"
        case let other?: return JSONWriter.compact(other)
        }
    }
}
