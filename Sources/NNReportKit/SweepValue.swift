import Report

/// One value of a varied option, as parsed from `--vary NAME=VALUES`.
///
/// Its ``text`` is canonical (numbers in shortest form, layer widths joined by `-`), so
/// `lr=1e-3` and `lr=0.001` name the same trial, and trial names never depend on how the
/// command was typed.
public enum SweepValue: Sendable, Hashable {
    case real(Double)
    case integer(Int)
    /// Hidden layer widths.
    case widths([Int])
    /// A named choice (activation, optimizer, initialiser, ...), lowercased.
    case name(String)
    case flag(Bool)

    /// The canonical spelling in trial names and the report: `0.003`, `100`, `256-128`, `relu`, `true`.
    public var text: String {
        switch self {
        case .real(let v): ReportNumberFormat.parameter(v)
        case .integer(let v): String(v)
        case .widths(let w): w.map(String.init).joined(separator: "-")
        case .name(let n): n
        case .flag(let b): b ? "true" : "false"
        }
    }

    /// The value as `nnreport mnist` takes it on its command line: `0.003`, `256,128`, `relu`.
    public var argument: String {
        switch self {
        case .widths(let w): w.map(String.init).joined(separator: ",")
        default: text
        }
    }

    /// The value as a number, for plotting against it.
    public var number: Double? {
        switch self {
        case .real(let v): v
        case .integer(let v): Double(v)
        default: nil
        }
    }

    /// The canonical order of values of one option: numbers ascending, widths element by
    /// element (shorter first on a common prefix), names alphabetically, false before true.
    static func precedes(_ a: SweepValue, _ b: SweepValue) -> Bool {
        switch (a, b) {
        case (.real(let x), .real(let y)): return x < y
        case (.integer(let x), .integer(let y)): return x < y
        case (.widths(let x), .widths(let y)): return x.lexicographicallyPrecedes(y)
        case (.name(let x), .name(let y)): return x < y
        case (.flag(let x), .flag(let y)): return !x && y
        default: return a.text < b.text
        }
    }
}
