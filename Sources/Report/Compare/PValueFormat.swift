import Foundation

/// How p-values print: `0.0150`, `0.381`, `1`, `4.97e-06`, and below the smallest Double from
/// their logarithm (`1.16e-361`).
enum PValueFormat {
    static func text(_ p: Double?, log10 logValue: Double? = nil) -> String {
        guard let p else { return "–" }
        if p == 0, let logValue, logValue.isFinite {
            // 10^x = m · 10^e with e = ⌊x⌋ and m = 10^(x − e) in [1, 10).
            let exponent = floor(logValue)
            var mantissa = pow(10, logValue - exponent)
            var e = Int(exponent)
            if String(format: "%.2f", mantissa) == "10.00" {
                mantissa = 1
                e += 1
            }
            return String(format: "%.2fe%d", mantissa, e)
        }
        if p >= 1 { return "1" }
        if p >= 0.001 { return ReportNumberFormat.significant(p, digits: 3) }
        return String(format: "%.2e", p)
    }
}
