/// Linear ticks at integer multiples of a 1, 2, 2.5 or 5 x 10^k step.
public enum NiceTicks {
    /// About `targetCount` ticks covering `domain`, always at least two, labelled with the same
    /// number of decimals (or scientific notation for very large or small values).
    ///
    /// - Parameter integersOnly: never step below 1 nor by 2.5 (for counts such as epochs).
    public static func ticks(in domain: ClosedRange<Double>, targetCount: Int, integersOnly: Bool = false) -> TickSet {
        if integersOnly, (domain.upperBound + 1e-9).rounded(.down) - (domain.lowerBound - 1e-9).rounded(.up) < 1 {
            // Fewer than two whole numbers inside (a run stopped within its first epoch): whole-number
            // ticks cannot label this axis, so fall back to fractional ones.
            return ticks(in: domain, targetCount: targetCount, integersOnly: false)
        }
        if domain.upperBound / 2 - domain.lowerBound / 2 < Domain.minimumSpan / 2 {
            // Steps among the subnormal doubles would be too coarse to fall inside such a
            // domain (a log axis from 5e-324 to 1e-323): label its two ends instead.
            let values = [domain.lowerBound, domain.upperBound]
            let raw = max(domain.upperBound - domain.lowerBound, .leastNonzeroMagnitude)
            return TickSet(values: values, labels: TickLabelFormatter.labels(for: values, step: NiceStep.atLeast(raw)))
        }
        let step = step(for: domain, targetCount: targetCount, integersOnly: integersOnly)
        let (k0, k1) = multiples(of: step, in: domain)
        let values = (k0...k1).map(step.multiple)
        return TickSet(values: values, labels: TickLabelFormatter.labels(for: values, step: step))
    }

    /// The step `ticks(in:targetCount:integersOnly:)` uses: of the smallest nice step at least
    /// `span / targetCount` and the next smaller one, the one whose tick count is closer to
    /// `targetCount` (the larger on ties), and never one that leaves fewer than two ticks.
    public static func step(for domain: ClosedRange<Double>, targetCount: Int, integersOnly: Bool = false) -> NiceStep {
        let lower = domain.lowerBound, upper = domain.upperBound
        precondition(
            lower < upper && lower.isFinite && upper.isFinite,
            "ticks need a finite domain of positive width, got \(domain)")
        let target = max(targetCount, 1)
        // span / target from the halves: `upper - lower` overflows for -1e308...1e308. A span
        // among the subnormal doubles can divide to zero: the least nonzero Double is then the
        // raw step (a scale of such a domain has nothing finer to show).
        let raw = max(Math.clampedToFinite((upper / 2 - lower / 2) / Double(target) * 2), .leastNonzeroMagnitude)
        func allowed(_ step: NiceStep) -> Bool {
            // Counts such as epochs never step below 1 nor by 2.5.
            !integersOnly || (step.value >= 1 && !(step.mantissa == 2.5 && step.exponent == 0))
        }
        func count(_ step: NiceStep) -> Int {
            let (k0, k1) = multiples(of: step, in: domain)
            return k1 - k0 + 1
        }
        var step = NiceStep.atLeast(integersOnly ? max(raw, 1) : raw)
        if !allowed(step) { step = NiceStep(mantissa: 5, exponent: 0) }
        var smaller = step.smaller
        if !allowed(smaller) { smaller = smaller.smaller }
        if allowed(smaller) && smaller.value > 0 && abs(count(smaller) - target) < abs(count(step) - target) {
            step = smaller
        }
        // A step close to the whole span can leave a single tick; a scale needs two to be read.
        while count(step) < 2 {
            var next = step.smaller
            if !allowed(next) { next = next.smaller }
            // Below the least nonzero Double every multiple is zero.
            guard allowed(next), next.value > 0 else { break }
            step = next
        }
        return step
    }

    /// The first and last integer `k` with `k * step` inside `domain` (a hair of tolerance keeps
    /// a bound that is itself a multiple).
    static func multiples(of step: NiceStep, in domain: ClosedRange<Double>) -> (Int, Int) {
        let s = step.value
        let k0 = (domain.lowerBound / s - 1e-9).rounded(.up)
        let k1 = (domain.upperBound / s + 1e-9).rounded(.down)
        // Domains from data (Domain.covering) are at least 1e-12 of their magnitude wide, so
        // k stays below about 1e14; only a hand-set domain can break this.
        precondition(
            abs(k0) < 1e15 && abs(k1) < 1e15 && k1 - k0 < 100_000,
            "tick step \(s) is too fine for the domain \(domain)")
        return (Int(k0), Int(k1))
    }
}
