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
                return widened(lo / 2 + hi / 2)
            }
            // Half the span, which unlike `hi - lo` cannot overflow (-1e308...1e308); the
            // padded bounds are then held to the finite doubles.
            let half = hi / 2 - lo / 2
            let lower = includeZero && lo == 0 ? 0 : Math.clampedToFinite(lo - padding * half * 2)
            let upper = includeZero && hi == 0 ? 0 : Math.clampedToFinite(hi + padding * half * 2)
            return lower...upper
        case .log:
            let a = Math.log10(lo), b = Math.log10(hi)
            if b - a < 1e-9 {
                // A constant positive series: show a factor of two either side.
                return max(lo / 2, .leastNonzeroMagnitude)...min(hi * 2, .greatestFiniteMagnitude)
            }
            // 10^(b + padding) overflows past 1.8e308 and 10^(a - padding) underflows below
            // 5e-324: padding stops at the ends of the doubles.
            let span = b - a
            let lower = max(Math.pow(10, a - padding * span), .leastNonzeroMagnitude)
            let upper = min(Math.pow(10, b + padding * span), .greatestFiniteMagnitude)
            return min(lower, lo)...max(upper, hi)
        }
    }

    /// The narrowest span an axis shows. Narrower ones would need tick steps among the
    /// subnormal doubles (below 2.2e-308), which carry too few digits to tell ticks apart.
    public static let minimumSpan = 1e-290

    /// True when `hi - lo` is zero, lost in the rounding of the values' magnitude, or below
    /// ``minimumSpan``, where ticks could not be told apart.
    static func isDegenerate(_ lo: Double, _ hi: Double) -> Bool {
        let span = hi / 2 - lo / 2
        return span <= max(abs(lo), abs(hi)) * 0.5e-12 || span < minimumSpan / 2
    }

    /// A sensible range around a single value: ±1 around zero, else ±10% of the value, at
    /// least ``minimumSpan`` wide and within the finite doubles.
    static func widened(_ v: Double) -> ClosedRange<Double> {
        if v == 0 { return -1...1 }
        let d = max(abs(v) * 0.1, minimumSpan)
        return Math.clampedToFinite(v - d)...Math.clampedToFinite(v + d)
    }
}
