/// SplitMix64 for seeded test inputs (property tests, fuzzing): the same sequence on every
/// platform, unlike `SystemRandomNumberGenerator`.
public struct TestRandom: RandomNumberGenerator {
    private var state: UInt64

    /// The seed is spread by an odd constant first, so nearby seeds start far apart.
    public init(seed: UInt64) {
        state = seed &* 0x2545_F491_4F6C_DD1D
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `range`.
    public mutating func uniform(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + Double(next() >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
    }
}
