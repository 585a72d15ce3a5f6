import Testing
@testable import Datasets

@Suite struct DatasetsSmokeTests {
    @Test func moduleLoads() {
        #expect(Bool(true))
    }
}
