import Testing
@testable import ChartsCairo

@Suite struct ChartsCairoSmokeTests {
    @Test func moduleLoads() {
        #expect(Bool(true))
    }
}
