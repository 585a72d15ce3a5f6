import Foundation

/// A smooth bounded function on an interval [−B, B], to be approximated by a network.
public struct TargetFunction: Sendable {
    /// How the report writes it: "sin(2x) + 0.5·cos(5x)".
    public var formula: String
    /// The interval [−B, B] it is approximated on.
    public var interval: ClosedRange<Double>
    /// A bound L on |f′| over the interval: f is L-Lipschitz, so |f(x) − f(y)| ≤ L · |x − y|.
    public var lipschitzBound: Double
    /// Why `lipschitzBound` holds, in one line.
    public var lipschitzReason: String
    private let function: @Sendable (Double) -> Double

    public init(
        formula: String, interval: ClosedRange<Double>, lipschitzBound: Double, lipschitzReason: String,
        _ function: @escaping @Sendable (Double) -> Double
    ) {
        precondition(
            interval.lowerBound < interval.upperBound && interval.lowerBound.isFinite && interval.upperBound.isFinite,
            "a target function needs a finite interval of positive width, got \(interval)")
        precondition(lipschitzBound > 0, "the Lipschitz bound must be positive, got \(lipschitzBound)")
        self.formula = formula
        self.interval = interval
        self.lipschitzBound = lipschitzBound
        self.lipschitzReason = lipschitzReason
        self.function = function
    }

    /// f(x).
    public func callAsFunction(_ x: Double) -> Double { function(x) }

    /// f(x) = sin(2x) + 0.5·cos(5x) on [−3, 3]: smooth, bounded by 1.5, with several bumps of
    /// different widths so coarse staircases visibly miss the narrow ones.
    public static let sinMix = TargetFunction(
        formula: "sin(2x) + 0.5·cos(5x)", interval: -3...3, lipschitzBound: 4.5,
        lipschitzReason: "|f′(x)| = |2·cos(2x) − 2.5·sin(5x)| ≤ 2 + 2.5 = 4.5"
    ) { x in
        sin(2 * x) + 0.5 * cos(5 * x)
    }
}
