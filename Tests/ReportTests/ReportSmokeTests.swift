import Testing
@testable import Report

@Suite struct ReportSmokeTests {
    @Test func moduleLoads() {
        #expect(Bool(true))
    }
}
