/// Formats a Double exactly as Python's `repr(float)` does, which is what Keras's CSVLogger
/// writes through the csv module: the shortest round-tripping digits, `1e-05` and `1e+16` in
/// exponent form, everything from `0.0001` to `9999999999999998.0` in fixed form with at least
/// one decimal, and `nan`, `inf`, `-inf`.
enum PythonFloatFormat {
    static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let (digits, pointPosition) = shortestDigits(of: value.magnitude)
        let sign = value.sign == .minus ? "-" : ""
        // Python switches to exponent form outside -4 < pointPosition <= 16.
        if pointPosition > -4, pointPosition <= 16 {
            return sign + fixed(digits, pointPosition)
        }
        var mantissa = String(digits.first!)
        if digits.count > 1 { mantissa += "." + digits.dropFirst() }
        let exponent = pointPosition - 1
        let exponentText = String(abs(exponent))
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+")
            + (exponentText.count < 2 ? "0" : "") + exponentText
    }

    /// `digits` with the decimal point after `pointPosition` digits (value = 0.digits x 10^pointPosition).
    private static func fixed(_ digits: [Character], _ pointPosition: Int) -> String {
        if pointPosition <= 0 {
            return "0." + String(repeating: "0", count: -pointPosition) + String(digits)
        }
        if pointPosition >= digits.count {
            return String(digits) + String(repeating: "0", count: pointPosition - digits.count) + ".0"
        }
        return String(digits[..<pointPosition]) + "." + String(digits[pointPosition...])
    }

    /// The shortest round-tripping significant digits of a finite non-negative value (from
    /// Swift's `description`, which uses the same shortest-digits algorithm family as Python),
    /// without leading or trailing zeros, and the decimal point's position relative to them.
    static func shortestDigits(of value: Double) -> (digits: [Character], pointPosition: Int) {
        if value == 0 { return (["0"], 1) }
        let text = value.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [Character] = []
        var pointPosition = 0
        var seenPoint = false
        for character in mantissa {
            if character == "." {
                seenPoint = true
                continue
            }
            if digits.isEmpty, character == "0" {
                // A leading zero moves the point left only when after it ("0.001").
                if seenPoint { pointPosition -= 1 }
                continue
            }
            digits.append(character)
            if !seenPoint { pointPosition += 1 }
        }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        return (digits, pointPosition + exponent)
    }
}
