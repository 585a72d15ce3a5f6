/// Writes tick values as text: one number of decimals per axis, a true minus sign, and
/// scientific notation with a shared exponent for very large or very small values.
public enum TickLabelFormatter {
    /// Values at or beyond this magnitude are written as `m×10ⁿ`.
    public static let largeThreshold = 1e6
    /// Values below this magnitude (and not zero) are written as `m×10⁻ⁿ`.
    public static let smallThreshold = 1e-3

    /// Labels for ticks that are multiples of `step`.
    public static func labels(for values: [Double], step: NiceStep) -> [String] {
        let magnitude = values.map(abs).max() ?? 0
        if magnitude >= largeThreshold || (magnitude > 0 && magnitude < smallThreshold) {
            let e = exponent(of: magnitude)
            // A narrow domain far from zero (1e300 wide by 1e288) asks for more digits than a
            // Double has; 15 is the most `fixed` writes.
            let decimals = min(step.decimals(unitExponent: e), 15)
            return values.map { v in
                v == 0 ? "0" : fixed(Math.timesPow10(v, -e), decimals: decimals) + "×10" + superscript(e)
            }
        }
        let decimals = min(step.decimals(), 15)
        return values.map { fixed($0, decimals: decimals) }
    }

    /// `value` with exactly `decimals` digits after the point, rounded half away from zero,
    /// without locale or C formatting; "−" (U+2212) for negative values, never "−0".
    public static func fixed(_ value: Double, decimals: Int) -> String {
        precondition(decimals >= 0 && decimals <= 15, "decimals must be in 0...15, got \(decimals)")
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "−∞" : "∞") }
        let scaled = (abs(value) * Math.pow10(decimals)).rounded()
        guard scaled < 9e15 else {
            // Beyond exact integers in a Double: no fixed notation is honest any more.
            let e = exponent(of: abs(value))
            return (value < 0 ? "−" : "") + fixed(Math.timesPow10(abs(value), -e), decimals: 3) + "×10" + superscript(e)
        }
        var digits = String(UInt64(scaled))
        if decimals > 0 {
            if digits.count <= decimals {
                digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (value < 0 && scaled != 0 ? "−" : "") + digits
    }

    /// `value` as a percentage with `decimals` decimals: 0.981 -> "98.1%".
    public static func percent(_ value: Double, decimals: Int) -> String {
        fixed(value * 100, decimals: decimals) + "%"
    }

    /// The decimal exponent of a positive magnitude: 1234 -> 3, 0.002 -> -3.
    static func exponent(of magnitude: Double) -> Int {
        Math.decimalExponent(of: magnitude)
    }

    /// An integer in superscript digits: -4 -> "⁻⁴".
    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(abs(n)).map { digits[Int(String($0))!] }
        return (n < 0 ? "⁻" : "") + String(body)
    }
}
