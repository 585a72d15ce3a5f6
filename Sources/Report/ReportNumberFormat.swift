import Foundation

/// How numbers appear in a report's Markdown: fixed, locale-independent formats.
///
/// Reports are compared byte-for-byte across runs and machines, so nothing here consults
/// the user's locale.
public enum ReportNumberFormat {
    /// A fraction as a percentage with `decimals` digits: 0.98123 → "98.12%".
    public static func percent(_ fraction: Double?, decimals: Int = 2) -> String {
        guard let fraction, fraction.isFinite else { return "–" }
        return fixed(fraction * 100, decimals: decimals) + "%"
    }

    /// A number with exactly `decimals` digits after the point: 0.06123 → "0.0612".
    public static func fixed(_ value: Double?, decimals: Int) -> String {
        guard let value else { return "–" }
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        var text = String(format: "%.\(max(0, decimals))f", value)
        if text.hasPrefix("-"), Double(text) == 0 { text.removeFirst() }
        return text
    }

    /// A loss-like value with four significant digits: 0.061234 → "0.06123", 2.3026 → "2.303".
    public static func significant(_ value: Double?, digits: Int = 4) -> String {
        guard let value else { return "–" }
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        if value == 0 { return "0" }
        let magnitude = Int(floor(log10(abs(value))))
        if magnitude < -4 || magnitude >= 6 {
            return String(format: "%.\(digits - 1)e", value)
        }
        return fixed(value, decimals: max(0, digits - 1 - magnitude))
    }

    /// An integer with thousands separators: 17480 → "17,480".
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// A rate rounded to an integer with separators: 17480.4 → "17,480".
    public static func grouped(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        // Beyond Int (a log may hold 1e300 samples/s): four significant digits instead.
        guard let integer = Int(exactly: value.rounded()) else { return significant(value) }
        return grouped(integer)
    }

    /// A duration: "0.84 s", "41.2 s", "3 min 05 s", "1 h 02 min".
    public static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return "–" }
        if seconds < 10 { return fixed(seconds, decimals: 2) + " s" }
        if seconds < 60 { return fixed(seconds, decimals: 1) + " s" }
        // A logged duration of 1e300 s is no whole number of hours: write it as a number.
        guard let total = Int(exactly: seconds.rounded()) else { return significant(seconds) + " s" }
        if total < 3600 { return "\(total / 60) min \(String(format: "%02d", total % 60)) s" }
        return "\(total / 3600) h \(String(format: "%02d", (total % 3600) / 60)) min"
    }

    /// A value for a hyperparameter table: integers plain, others in shortest form.
    public static func parameter(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
