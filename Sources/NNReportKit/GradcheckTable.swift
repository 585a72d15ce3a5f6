import Engine
import Foundation

/// `nnreport gradcheck`: every layer's analytic gradients against centred differences, as the
/// table the command prints.
public struct GradcheckTable: Sendable {
    /// The header, one line per check and the closing count, each without its newline.
    public var lines: [String]
    /// Checks whose largest relative error exceeds the threshold.
    public var failures: Int

    /// The threshold below which a check passes unless the command line sets another.
    public static let defaultThreshold = GradientCheck.defaultThreshold

    /// Runs every check with inputs and weights drawn from `seed`.
    public init(seed: UInt64, threshold: Double) {
        let results = GradientCheck.run(seed: seed)
        let width = max(12, results.map(\.name.count).max() ?? 0)
        var lines = [
            "\("check".padding(toLength: width, withPad: " ", startingAt: 0))  max relative error  values  result"
        ]
        var failures = 0
        for r in results {
            let ok = r.passes(threshold: threshold)
            if !ok { failures += 1 }
            let name = r.name.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append(
                "\(name)  \(String(format: "%18.3e", r.maxRelativeError))  \(String(format: "%6d", r.count))  \(ok ? "ok" : "FAIL")"
            )
        }
        lines.append("\(results.count - failures) of \(results.count) checks within \(threshold)")
        self.lines = lines
        self.failures = failures
    }
}
