import Testing
@testable import LinearAlgebra

@Suite struct LinearAlgebraSmokeTests {
    @Test func moduleLoads() {
        #expect(Bool(true))
    }
}
