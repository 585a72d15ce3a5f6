/// How numbers appear in the approx report's figures and Markdown: short, fixed formats with a
/// typographic minus sign (U+2212), independent of the locale.
public enum ApproxText {
    /// A parameter in shortest form: 1 → "1", −2 → "−2", 1.5 → "1.5", −0.0 → "0".
    public static func value(_ v: Double) -> String {
        minus(ReportNumberFormat.parameter(v == 0 ? 0 : v))
    }

    /// Four significant digits (scientific below 1e-4): −0.78245 → "−0.7825", 3.2e-13 → "3.200e-13".
    public static func significant(_ v: Double, digits: Int = 4) -> String {
        minus(ReportNumberFormat.significant(v == 0 ? 0 : v, digits: digits))
            .replacingOccurrences(of: "e-0", with: "e-").replacingOccurrences(of: "e+0", with: "e+")
    }

    /// `decimals` digits after the point: 4.0026 → "4.00".
    static func fixed(_ v: Double, decimals: Int = 2) -> String {
        minus(ReportNumberFormat.fixed(v, decimals: decimals))
    }

    /// A position on the x axis: fixed decimals, or scientific when far out (a unit with W1 ≈ 0
    /// has its kink at ±1e16): 4.0026 → "4.00", −3.66e16 → "−3.66e+16".
    static func position(_ v: Double, decimals: Int = 2) -> String {
        abs(v) < 1e4 ? fixed(v, decimals: decimals) : significant(v, digits: 3)
    }

    /// A signed change with its sign always written: 4.0016 → "+4.002", −4 → "−4.000".
    static func signed(_ v: Double, digits: Int = 4) -> String {
        v > 0 ? "+" + significant(v, digits: digits) : significant(v, digits: digits)
    }

    /// A signed parameter in shortest form: 4 → "+4", −2.5 → "−2.5".
    static func signedValue(_ v: Double) -> String {
        v > 0 ? "+" + value(v) : value(v)
    }

    /// A list "4, 6 and 8".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// "1 start", "3 starts".
    static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? noun : plural ?? noun + "s")
    }

    /// The parenthesised term of a weighted input: w·x + b with the signs folded ("1·x − 2").
    static func affine(weight w: Double, bias b: Double) -> String {
        let bias = b == 0 ? " + 0" : (b < 0 ? " − " + value(-b) : " + " + value(b))
        return "\(value(w))·x" + bias
    }

    /// A step network's output without its bias: "1.5·σ(1·x + 0) − 1.5·σ(1·x − 2)".
    static func stepSum(_ n: ApproxNetwork) -> String {
        (0..<n.hiddenCount).map { j in
            "\(value(n.outputWeights[j]))·σ(\(affine(weight: n.hiddenWeights[j], bias: n.hiddenBiases[j])))"
        }.joined(separator: " + ").replacingOccurrences(of: "+ −", with: "− ")
    }

    /// Text for a Markdown table cell: a bare "|" would end the cell.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    /// The operator before a bias written as its magnitude: "−" for a negative one, else "+".
    static func minusSign(_ v: Double) -> String { v < 0 ? "−" : "+" }

    static func minus(_ text: String) -> String {
        text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }
}
