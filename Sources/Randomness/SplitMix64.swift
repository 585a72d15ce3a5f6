#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The SplitMix64 generator (Steele, Lea and Flood 2014): a 64-bit state, fast, and the same
/// sequence on every platform, which `SystemRandomNumberGenerator` is not.
///
/// Every random choice of a run (initial weights, shuffling, dropout masks) draws from a
/// generator seeded from the run's seed, so the same seed gives the same run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one purpose (`stream`) of a run, independent of the other streams.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform float in [0, 1) with 24 random bits.
    @inlinable
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal sample (Box-Muller, one of the pair; simple and platform-stable).
    public mutating func nextGaussian() -> Double {
        // 1 - u is in (0, 1], so the logarithm is finite.
        let u1 = 1 - nextUnitDouble()
        let u2 = nextUnitDouble()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A uniform integer in 0..<bound, without modulo bias (Lemire's method).
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive, got \(bound)")
        return Int(next(upperBound: UInt64(bound)))
    }
}
