/// Mean and sample standard deviation of a few values: one result per seed of a sweep setting.
///
/// The standard deviation divides by n − 1 (Bessel's correction), as papers report the spread
/// of a handful of runs and as `numpy.std(ddof=1)`, R's `sd` and pandas' `std` compute it. With
/// a single value it is undefined and stays nil: nothing is drawn or printed for it.
///
/// Values are summed in the order given, so the same values in the same order give the same
/// bits; callers pass them sorted by seed, never in completion order.
public struct SweepStatistics: Sendable, Equatable {
    public var count: Int
    public var mean: Double
    /// Sample standard deviation (n − 1 denominator); nil when `count < 2`.
    public var standardDeviation: Double?
    public var minimum: Double
    public var maximum: Double

    /// The statistics of `values`, or nil when there are none.
    public init?(_ values: [Double]) {
        guard let first = values.first else { return nil }
        count = values.count
        var sum = 0.0
        for v in values { sum += v }
        let mean = sum / Double(values.count)
        self.mean = mean
        // Two passes (mean first, then squared deviations) rather than Σx² − n·mean², which
        // cancels catastrophically when the spread is tiny next to the mean (accuracies near 1).
        if values.count >= 2 {
            var squares = 0.0
            for v in values { squares += (v - mean) * (v - mean) }
            standardDeviation = (squares / Double(values.count - 1)).squareRoot()
        } else {
            standardDeviation = nil
        }
        minimum = values.reduce(first) { Swift.min($0, $1) }
        maximum = values.reduce(first) { Swift.max($0, $1) }
    }
}
