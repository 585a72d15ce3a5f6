import Testing
@testable import Report

@Suite struct ReportNumberFormatTests {
    @Test(arguments: [
        (0.98123, "98.12%"), (1.0, "100.00%"), (0.0, "0.00%"), (0.000049, "0.00%"),
    ])
    func percentages(fraction: Double, text: String) {
        #expect(ReportNumberFormat.percent(fraction) == text)
    }

    @Test func missingAndNonFiniteValues() {
        #expect(ReportNumberFormat.percent(nil) == "–")
        #expect(ReportNumberFormat.significant(.nan) == "NaN")
        #expect(ReportNumberFormat.significant(.infinity) == "∞")
        #expect(ReportNumberFormat.fixed(-0.0001, decimals: 2) == "0.00")
    }

    @Test(arguments: [
        (0.061234, "0.06123"), (2.302585, "2.303"), (123.456, "123.5"), (0.0000123, "1.230e-05"), (0.0, "0"),
    ])
    func significantDigits(value: Double, text: String) {
        #expect(ReportNumberFormat.significant(value) == text)
    }

    @Test func groupingAndDurations() {
        #expect(ReportNumberFormat.grouped(17480) == "17,480")
        #expect(ReportNumberFormat.grouped(999) == "999")
        #expect(ReportNumberFormat.grouped(-1_234_567) == "-1,234,567")
        #expect(ReportNumberFormat.duration(0.844) == "0.84 s")
        #expect(ReportNumberFormat.duration(41.25) == "41.2 s")
        #expect(ReportNumberFormat.duration(185) == "3 min 05 s")
        #expect(ReportNumberFormat.duration(3720) == "1 h 02 min")
    }
}
