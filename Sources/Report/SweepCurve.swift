/// One setting's per-epoch values of a metric: one row per finished trial, and their statistics.
public struct SweepCurve: Sendable, Equatable {
    public var epochs: [Int]
    /// Seeds of the rows of ``values``.
    public var seeds: [UInt64]
    /// `values[trial][epoch index]`.
    public var values: [[Double?]]
    /// Statistics over the trials at each epoch (nil where no trial has a value).
    public var statistics: [SweepStatistics?]

    /// Whether trials contribute different numbers of epochs (some stopped early).
    public var hasUnevenCounts: Bool {
        Set(statistics.compactMap { $0?.count }).count > 1
    }
}
