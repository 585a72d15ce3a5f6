/// Ticks for base-10 logarithmic axes.
public enum LogTicks {
    /// Labelled ticks at 1-2-5 x 10^k when they fit about `targetCount`, else at powers of ten
    /// (every n-th decade for wide ranges), with unlabelled minor ticks in between. A range
    /// narrower than a decade that holds fewer than three 1-2-5 values gets linear nice ticks.
    public static func ticks(in domain: ClosedRange<Double>, targetCount: Int) -> TickSet {
        precondition(
            domain.lowerBound > 0 && domain.lowerBound < domain.upperBound && domain.upperBound.isFinite,
            "log ticks need 0 < lower < upper < ∞, got \(domain)")
        let target = max(targetCount, 2)
        let kLo = Int(Math.log10(domain.lowerBound).rounded(.down))
        let kHi = Int(Math.log10(domain.upperBound).rounded(.up))

        let dense = candidates([1, 2, 5], decades: kLo...kHi, in: domain)
        if dense.count < 3 {
            let linear = NiceTicks.ticks(in: domain, targetCount: target)
            let positive = zip(linear.values, linear.labels).filter { $0.0 > 0 }
            return TickSet(values: positive.map(\.0), labels: positive.map(\.1))
        }
        let ones = candidates([1], decades: kLo...kHi, in: domain)
        if dense.count <= target + 1 || ones.count < 2 {
            let minor = candidates([3, 4, 6, 7, 8, 9], decades: kLo...kHi, in: domain)
            return TickSet(values: dense.map(\.value), labels: dense.map(label), minor: minor.map(\.value))
        }
        // Every n-th decade, at exponents divisible by n (so 10⁰ stays when in range), with n
        // lowered until at least two decades are labelled.
        var stride = max(1, (ones.count + target - 1) / target)
        var major = ones.filter { $0.exponent % stride == 0 }
        while major.count < 2 && stride > 1 {
            stride -= 1
            major = ones.filter { $0.exponent % stride == 0 }
        }
        let minor: [Candidate]
        if stride == 1 {
            minor = candidates([2, 3, 4, 5, 6, 7, 8, 9], decades: kLo...kHi, in: domain)
        } else {
            minor = ones.filter { $0.exponent % stride != 0 }
        }
        return TickSet(values: major.map(\.value), labels: major.map(label), minor: minor.map(\.value))
    }

    struct Candidate {
        var mantissa: Int
        var exponent: Int
        var value: Double
    }

    /// Every `m * 10^k` for the given mantissas and decades that lies in `domain`.
    static func candidates(_ mantissas: [Int], decades: ClosedRange<Int>, in domain: ClosedRange<Double>) -> [Candidate]
    {
        var result: [Candidate] = []
        // The tolerance must not turn the largest Double's neighbourhood into infinity, where
        // 10^309 (no Double) would pass as "inside".
        let lo = domain.lowerBound * (1 - 1e-9), hi = min(domain.upperBound * (1 + 1e-9), .greatestFiniteMagnitude)
        for k in decades {
            for m in mantissas {
                // Divide by an exact power of ten for negative k: 2 / 100 is 0.02 exactly rounded
                // (and in two parts beyond 10^±300, where the power alone is no Double).
                let v = Math.timesPow10(Double(m), k)
                if v >= lo && v <= hi { result.append(Candidate(mantissa: m, exponent: k, value: v)) }
            }
        }
        return result
    }

    /// "0.05", "2", "100" for moderate values; "10⁻⁶" or "2×10⁸" beyond them.
    static func label(_ c: Candidate) -> String {
        if (-4...5).contains(c.exponent) {
            return TickLabelFormatter.fixed(c.value, decimals: max(0, -c.exponent))
        }
        let power = "10" + TickLabelFormatter.superscript(c.exponent)
        return c.mantissa == 1 ? power : "\(c.mantissa)×" + power
    }
}
