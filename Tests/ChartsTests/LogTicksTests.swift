import Testing
import TestSupport

@testable import Charts

@Suite struct LogTicksTests {
    @Test func lossRangeGetsDecadesWithMinorTicks() {
        let ticks = LogTicks.ticks(in: 0.006...3.2, targetCount: 5)
        #expect(ticks.labels == ["0.01", "0.1", "1"])
        #expect(ticks.minor.contains(0.02) && ticks.minor.contains(0.5) && ticks.minor.contains(3))
    }

    @Test func shortRangeGetsOneTwoFive() {
        let ticks = LogTicks.ticks(in: 0.04...1.1, targetCount: 6)
        #expect(ticks.values == [0.05, 0.1, 0.2, 0.5, 1])
        #expect(ticks.labels == ["0.05", "0.1", "0.2", "0.5", "1"])
    }

    @Test func wideRangeLabelsEveryNthDecadeInPowerNotation() {
        let ticks = LogTicks.ticks(in: 1e-9...1e9, targetCount: 5)
        #expect(ticks.values.count <= 6 && ticks.values.count >= 3)
        #expect(ticks.labels.contains("10⁻⁶") || ticks.labels.contains("10⁻⁸"))
        #expect(!ticks.minor.isEmpty)
    }

    @Test func narrowRangeFallsBackToLinearTicks() {
        let ticks = LogTicks.ticks(in: 0.3...0.9, targetCount: 5)
        #expect(ticks.values.count >= 3)
        #expect(ticks.labels.allSatisfy { $0.hasPrefix("0.") })
    }

    @Test(arguments: [11, 12])
    func ticksArePositiveAndInsideTheDomain(seed: UInt64) {
        var rng = TestRandom(seed: seed)
        for _ in 0..<1_000 {
            let lo = Math.pow(10, rng.uniform(in: -12...8))
            let hi = lo * Math.pow(10, rng.uniform(in: 0.05...16))
            let ticks = LogTicks.ticks(in: lo...hi, targetCount: Int(rng.uniform(in: 2...10)))
            #expect(ticks.values.count >= 2, "\(lo)...\(hi) \(ticks.labels)")
            #expect(ticks.values.allSatisfy { $0 > 0 && $0 >= lo * (1 - 1e-9) && $0 <= hi * (1 + 1e-9) })
            #expect(Set(ticks.labels).count == ticks.labels.count, "\(ticks.labels)")
        }
    }
}
