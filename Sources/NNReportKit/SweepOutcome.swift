import Foundation
import Report

/// Where a sweep's folder landed and what it holds.
public struct SweepOutcome: Sendable {
    public var folder: URL
    /// The comparison report; nil for a shard folder, which has none until merged.
    public var report: SweepReport?
    /// Trials that returned (in any status), and those this folder was asked to run.
    public var trialsRun: Int
    public var trialsPlanned: Int
    /// Whether a signal (Ctrl-C, SIGTERM, SIGHUP) stopped the sweep before every trial finished.
    public var interrupted: Bool
}
