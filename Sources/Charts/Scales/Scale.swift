/// How data values are spaced along an axis.
public enum ScaleType: Hashable, Sendable {
    case linear
    /// Base-10 logarithmic; only positive values have a position.
    case log
}

/// Maps data values in `domain` onto positions from `start` to `end` (figure units; `start`
/// may exceed `end`, as for a y axis whose low values sit at the bottom).
public struct Scale: Hashable, Sendable {
    public var type: ScaleType
    public var domain: ClosedRange<Double>
    public var start: Double
    public var end: Double

    public init(type: ScaleType, domain: ClosedRange<Double>, start: Double, end: Double) {
        precondition(
            domain.lowerBound < domain.upperBound && domain.lowerBound.isFinite && domain.upperBound.isFinite,
            "a scale needs a finite domain of positive width, got \(domain)")
        precondition(type == .linear || domain.lowerBound > 0, "a log scale needs a positive domain, got \(domain)")
        self.type = type
        self.domain = domain
        self.start = start
        self.end = end
    }

    /// The position of `value`, or nil when it has none: not finite, not positive on a log
    /// scale, or too far outside the domain to have a finite position. Values outside the domain map outside `start...end`.
    public func position(of value: Double) -> Double? {
        // A value far outside a fixed domain can land beyond the doubles: no position either.
        guard let t = fraction(of: value), t.isFinite else { return nil }
        return start + t * (end - start)
    }

    /// Where `value` lies in the domain, 0 at the lower and 1 at the upper bound.
    public func fraction(of value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch type {
        case .linear:
            let lo = domain.lowerBound, hi = domain.upperBound
            if (hi - lo).isFinite { return (value - lo) / (hi - lo) }
            // A domain wider than the largest Double (-1e308...1e308): in halves, which cannot overflow.
            return (value / 2 - lo / 2) / (hi / 2 - lo / 2)
        case .log:
            guard value > 0 else { return nil }
            let lo = Math.log10(domain.lowerBound), hi = Math.log10(domain.upperBound)
            return (Math.log10(value) - lo) / (hi - lo)
        }
    }

    /// The data value at `position` (the inverse of `position(of:)`).
    public func value(at position: Double) -> Double {
        let t = (position - start) / (end - start)
        switch type {
        case .linear:
            let lo = domain.lowerBound, hi = domain.upperBound
            if (hi - lo).isFinite { return lo + t * (hi - lo) }
            return lo * (1 - t) + hi * t
        case .log:
            let lo = Math.log10(domain.lowerBound), hi = Math.log10(domain.upperBound)
            return Math.pow(10, lo + t * (hi - lo))
        }
    }

    /// The same mapping onto another stretch of positions.
    public func withRange(start: Double, end: Double) -> Scale {
        Scale(type: type, domain: domain, start: start, end: end)
    }
}
