import Testing

@testable import Charts

@Suite struct TickLabelFormatterTests {
    @Test(
        arguments: [
            (0.0, 0, "0"), (0.0, 2, "0.00"), (1.005, 1, "1.0"), (2.5, 0, "3"), (-2.5, 1, "−2.5"),
            (-0.0001, 2, "0.00"), (12345.678, 2, "12345.68"), (0.05, 2, "0.05"), (1e-7, 7, "0.0000001"),
        ] as [(Double, Int, String)])
    func fixedDecimals(value: Double, decimals: Int, expected: String) {
        #expect(TickLabelFormatter.fixed(value, decimals: decimals) == expected)
    }

    @Test func percentAndSuperscripts() {
        #expect(TickLabelFormatter.percent(0.981, decimals: 1) == "98.1%")
        #expect(TickLabelFormatter.superscript(-12) == "⁻¹²")
        #expect(TickLabelFormatter.superscript(7) == "⁷")
    }

    @Test func explicitValuesShareTheFewestExactDecimals() {
        #expect(TickLabelFormatter.labels(forExplicit: [0, 0.5, 1]) == ["0.0", "0.5", "1.0"])
        #expect(TickLabelFormatter.labels(forExplicit: [1, 2, 3]) == ["1", "2", "3"])
        #expect(TickLabelFormatter.labels(forExplicit: [0.6]) == ["0.6"])
    }

    @Test func nonFiniteValuesAreNamed() {
        #expect(TickLabelFormatter.fixed(.nan, decimals: 1) == "NaN")
        #expect(TickLabelFormatter.fixed(-.infinity, decimals: 1) == "−∞")
    }
}
