import Randomness

/// SplitMix64 for seeded test inputs (property tests, fuzzing): the same sequence on every
/// platform, unlike `SystemRandomNumberGenerator`.
public struct TestRandom: RandomNumberGenerator {
    private var generator: SplitMix64

    /// The seed is spread by an odd constant first, so nearby seeds start far apart.
    public init(seed: UInt64) {
        generator = SplitMix64(seed: seed &* 0x2545_F491_4F6C_DD1D)
    }

    public mutating func next() -> UInt64 { generator.next() }

    /// Uniform in `range`.
    public mutating func uniform(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + generator.nextUnitDouble() * (range.upperBound - range.lowerBound)
    }
}
