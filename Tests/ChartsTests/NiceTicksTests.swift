import Foundation
import Testing
import TestSupport

@testable import Charts

@Suite struct NiceTicksTests {
    @Test func unitRangeGetsTenthsOrFifths() {
        let ticks = NiceTicks.ticks(in: 0...1, targetCount: 5)
        #expect(ticks.values == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        #expect(ticks.labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func quarterStepsKeepTwoDecimals() {
        let ticks = NiceTicks.ticks(in: 0...1, targetCount: 4)
        #expect(ticks.values == [0, 0.25, 0.5, 0.75, 1])
        #expect(ticks.labels == ["0.00", "0.25", "0.50", "0.75", "1.00"])
    }

    @Test func negativeValuesUseATrueMinusSign() {
        let ticks = NiceTicks.ticks(in: -3.7...12.1, targetCount: 5)
        #expect(ticks.values == [-2.5, 0, 2.5, 5, 7.5, 10])
        #expect(ticks.labels == ["−2.5", "0.0", "2.5", "5.0", "7.5", "10.0"])
    }

    @Test func tenthStepsAreExactMultiplesNotAccumulatedSums() {
        // 0.1 + 0.1 + 0.1 = 0.30000000000000004; k * step computed from k must not drift.
        let ticks = NiceTicks.ticks(in: 0...1, targetCount: 10)
        #expect(ticks.values.contains(0.3))
        #expect(ticks.values.contains(0.7))
        #expect(ticks.labels == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0"])
    }

    @Test func largeValuesUseScientificNotationWithOneExponent() {
        let ticks = NiceTicks.ticks(in: 0...3e7, targetCount: 4)
        #expect(ticks.labels == ["0", "1×10⁷", "2×10⁷", "3×10⁷"])
    }

    @Test func smallValuesUseScientificNotation() {
        let ticks = NiceTicks.ticks(in: 0...0.00025, targetCount: 5)
        #expect(ticks.labels.first == "0")
        #expect(ticks.labels.dropFirst().allSatisfy { $0.hasSuffix("×10⁻⁴") })
        #expect(ticks.labels.contains("2.5×10⁻⁴") || ticks.labels.contains("2.0×10⁻⁴"))
    }

    @Test func integerTicksNeverStepBelowOne() {
        let ticks = NiceTicks.ticks(in: 0.8...3.2, targetCount: 10, integersOnly: true)
        #expect(ticks.values == [1, 2, 3])
        #expect(ticks.labels == ["1", "2", "3"])
        let fifty = NiceTicks.ticks(in: -0.5...51.5, targetCount: 5, integersOnly: true)
        #expect(fifty.values == [0, 10, 20, 30, 40, 50])
    }

    /// A run stopped inside its first epoch has an epoch axis shorter than one: integer ticks
    /// cannot label it, so fractional ones do (this once crashed on an empty tick range).
    @Test(arguments: [0.02...0.4, 0.5...1.4, 1.1...1.9])
    func integerAxesNarrowerThanOneFallBackToFractions(domain: ClosedRange<Double>) {
        let ticks = NiceTicks.ticks(in: domain, targetCount: 5, integersOnly: true)
        #expect(ticks.values.count >= 2)
        #expect(ticks.values.allSatisfy { domain.contains($0) })
    }

    /// Ticks over many random ranges (seeded): exact multiples of a 1/2/2.5/5 step, inside the
    /// domain, increasing, at least two, not far from the target count, labels distinct with
    /// the same number of decimals, and each label reads back as its value.
    @Test(arguments: [1, 2, 3, 4])
    func propertiesHoldOverRandomRanges(seed: UInt64) {
        var rng = TestRandom(seed: seed)
        for _ in 0..<2_500 {
            let magnitude = rng.uniform(in: -9...9)
            let center = (rng.uniform(in: -1...1)) * pow10(magnitude + rng.uniform(in: -2...2))
            let span = pow10(magnitude) * rng.uniform(in: 0.01...1)
            let lo = center - span * rng.uniform(in: 0...1)
            let domain = lo...(lo + span)
            let target = Int(rng.uniform(in: 2...12))
            let step = NiceTicks.step(for: domain, targetCount: target)
            let ticks = NiceTicks.ticks(in: domain, targetCount: target)

            #expect(NiceStep.mantissas.contains(step.mantissa))
            #expect(ticks.values.count >= 2, "domain \(domain) target \(target)")
            #expect(ticks.values.count <= 3 * target + 2, "domain \(domain) target \(target): \(ticks.values.count)")
            for (a, b) in zip(ticks.values, ticks.values.dropFirst()) { #expect(a < b) }
            for v in ticks.values {
                let k = (v / step.value).rounded()
                #expect(v == step.multiple(Int(k)), "tick \(v) is not k*step for step \(step.value)")
                #expect(v >= domain.lowerBound - step.value * 1e-6 && v <= domain.upperBound + step.value * 1e-6)
            }
            #expect(Set(ticks.labels).count == ticks.labels.count, "duplicate labels \(ticks.labels) for \(domain)")
            let mantissas = ticks.labels.map { $0.components(separatedBy: "×").first! }.filter { $0 != "0" }
            let decimals = Set(mantissas.map { $0.split(separator: ".").dropFirst().first?.count ?? 0 })
            #expect(decimals.count <= 1, "labels \(ticks.labels) mix decimals")
            for (value, label) in zip(ticks.values, ticks.labels) {
                let parsed = parse(label)
                #expect(
                    isClose(parsed, value, absolute: step.value * 1e-6 + abs(value) * 1e-12),
                    "label \(label) for \(value)")
            }
        }
    }

    @Test func nonPositiveTargetsStillGiveTwoTicks() {
        #expect(NiceTicks.ticks(in: 3...4, targetCount: 0).values.count >= 2)
    }

    /// Reads "−2.5×10⁻⁴" or "12.50" back into a number.
    func parse(_ label: String) -> Double {
        let normal = label.replacingOccurrences(of: "−", with: "-")
        let parts = normal.components(separatedBy: "×10")
        let mantissa = Double(parts[0])!
        guard parts.count == 2 else { return mantissa }
        let superscripts: [Character: Character] = [
            "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
            "⁻": "-",
        ]
        let exponent = Int(String(parts[1].map { superscripts[$0]! }))!
        return mantissa * pow10(Double(exponent))
    }

    func pow10(_ x: Double) -> Double { Math.pow(10, x) }
}
