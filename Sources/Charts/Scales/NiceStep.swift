/// A tick step of the form `mantissa * 10^exponent` with a mantissa of 1, 2, 2.5 or 5.
public struct NiceStep: Hashable, Sendable {
    public static let mantissas: [Double] = [1, 2, 2.5, 5]

    public var mantissa: Double
    public var exponent: Int

    public init(mantissa: Double, exponent: Int) {
        precondition(Self.mantissas.contains(mantissa), "a nice step mantissa is 1, 2, 2.5 or 5, got \(mantissa)")
        self.mantissa = mantissa
        self.exponent = exponent
    }

    /// The largest nice step that is a finite Double: 2 x 10^308 is not.
    public static let largest = NiceStep(mantissa: 1, exponent: 308)

    /// The smallest nice step that is at least `raw` (which must be positive and finite), or
    /// ``largest`` for a `raw` beyond it.
    public static func atLeast(_ raw: Double) -> NiceStep {
        precondition(raw > 0 && raw.isFinite, "a tick step must be positive and finite, got \(raw)")
        if raw > largest.value { return largest }
        let exponent = Math.decimalExponent(of: raw)
        for mantissa in mantissas where NiceStep(mantissa: mantissa, exponent: exponent).value >= raw {
            return NiceStep(mantissa: mantissa, exponent: exponent)
        }
        return NiceStep(mantissa: 1, exponent: exponent + 1)
    }

    /// The next smaller nice step (1 -> 0.5 -> 0.25 -> 0.2 -> 0.1 ...).
    public var smaller: NiceStep {
        switch mantissa {
        case 1: NiceStep(mantissa: 5, exponent: exponent - 1)
        case 2: NiceStep(mantissa: 1, exponent: exponent)
        case 2.5: NiceStep(mantissa: 2, exponent: exponent)
        default: NiceStep(mantissa: 2.5, exponent: exponent)
        }
    }

    public var value: Double { multiple(1) }

    /// `k * step`, computed from the integer `k` directly rather than by repeated addition
    /// (`t += step` drifts and can even loop forever), and by dividing by an exact power of
    /// ten for negative exponents so 0.1-steps give 0.3, not 0.30000000000000004. Steps
    /// beyond 10^±300 are scaled in two parts, since 10^-321 alone is no Double.
    public func multiple(_ k: Int) -> Double {
        Math.timesPow10(Double(k) * mantissa, exponent)
    }

    /// Decimals needed to write every multiple of the step exactly when values are expressed
    /// in units of `10^unitExponent`.
    public func decimals(unitExponent: Int = 0) -> Int {
        let e = exponent - unitExponent
        return max(0, -e) + (mantissa == 2.5 && e <= 0 ? 1 : 0)
    }
}
