import Testing
@testable import NNReportKit

@Suite struct NNReportSmokeTests {
    @Test func moduleLoads() {
        #expect(Bool(true))
    }
}
