/// A table cell read as a metric value.
enum NumberCell: Equatable {
    /// Empty, `NA`, `N/A`, `null`, `None`: no value (Keras writes `NA` for a metric missing in an epoch).
    case missing
    /// A number; NaN and infinities included (they become gaps).
    case number(Double)
    /// Text that is not a number.
    case text

    init(_ raw: String) {
        let cell = raw.trimmingWhitespace()
        switch cell {
        case "", "NA", "N/A", "n/a", "na", "null", "None", "none", "-":
            self = .missing
            return
        default: break
        }
        // Double(_:) accepts "nan", "inf", "infinity" and "1e999" (as infinity), which is how
        // Python writes non-finite floats; it rejects anything with other characters.
        if let value = Double(cell), !cell.hasPrefix("0x"), !cell.hasPrefix("-0x"), !cell.hasPrefix("+0x") {
            self = .number(value)
        } else {
            self = .text
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return String(view)
    }
}
