import Testing
@testable import Charts

@Suite struct ChartsSmokeTests {
    @Test func moduleLoads() {
        #expect(Bool(true))
    }
}
