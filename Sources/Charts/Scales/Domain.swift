/// Chooses the data range an axis shows.
public enum Domain {
    /// The range covering the drawable `values`, padded by `padding` of its span on each side
    /// (in log space for log scales).
    ///
    /// Non-finite values, and non-positive ones on a log scale, are ignored (they are drawn as
    /// gaps). A zero-width range is widened so a constant series sits mid-axis instead of
    /// dividing by zero. With `includeZero` (bars), zero is part of the range and the side at
    /// zero gets no padding, so bars start at the axis.
    public static func covering<S: Sequence<Double>>(
        _ values: S, type: ScaleType, padding: Double = 0.05, includeZero: Bool = false
    ) -> ClosedRange<Double> {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite && (type == .linear || v > 0) {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        if lo > hi {
            return type == .linear ? 0...1 : 1...10
        }
        switch type {
        case .linear:
            if includeZero {
                lo = min(lo, 0)
                hi = max(hi, 0)
            }
            if isDegenerate(lo, hi) {
                return widened(lo)
            }
            let span = hi - lo
            let lower = includeZero && lo == 0 ? 0 : lo - padding * span
            let upper = includeZero && hi == 0 ? 0 : hi + padding * span
            return lower...upper
        case .log:
            let a = Math.log10(lo), b = Math.log10(hi)
            if b - a < 1e-9 {
                // A constant positive series: show a factor of two either side.
                return (lo / 2)...(hi * 2)
            }
            let span = b - a
            return Math.pow(10, a - padding * span)...Math.pow(10, b + padding * span)
        }
    }

    /// True when `hi - lo` is zero or lost in the rounding of the values' magnitude, where
    /// ticks could not be told apart.
    static func isDegenerate(_ lo: Double, _ hi: Double) -> Bool {
        hi - lo <= max(abs(lo), abs(hi)) * 1e-12
    }

    /// A sensible range around a single value: ±1 around zero, else ±10% of the value.
    static func widened(_ v: Double) -> ClosedRange<Double> {
        if v == 0 { return -1...1 }
        let d = abs(v) * 0.1
        return (v - d)...(v + d)
    }
}
