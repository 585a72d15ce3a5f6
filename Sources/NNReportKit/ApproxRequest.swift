import Engine
import Foundation

/// Everything `nnreport approx` was asked to do.
public struct ApproxRequest: Sendable {
    /// Seed of the fits' random starts.
    public var seed: UInt64
    /// Random starts per data set.
    public var starts: Int
    /// Adam steps per start.
    public var steps: Int
    /// Adam's peak learning rate.
    public var learningRate: Double

    /// Where and how the report is written; `output` nil means `<reportsRoot>/approx-<yyyyMMdd-HHmmss>`.
    public var report: ReportSettings

    public init(
        seed: UInt64 = 1, starts: Int = 20, steps: Int = 20_000, learningRate: Double = 0.01,
        report: ReportSettings
    ) {
        self.seed = seed
        self.starts = starts
        self.steps = steps
        self.learningRate = learningRate
        self.report = report
    }

    /// The fit settings this request asks for (4 hidden units, as write-up 001).
    public var fitConfiguration: ReLUFitConfiguration {
        ReLUFitConfiguration(hiddenUnits: 4, starts: starts, steps: steps, learningRate: learningRate, seed: seed)
    }
}
