import Engine
import Testing

@testable import NNReportKit

/// What `nnreport gradcheck` prints and whether it fails, in process.
@Suite struct GradcheckTableTests {
    @Test func everyCheckPassesAtTheDefaultThresholdAndFailsAtAnImpossibleOne() {
        let checks = GradientCheck.run(seed: 1).count
        let table = GradcheckTable(seed: 1, threshold: GradcheckTable.defaultThreshold)
        #expect(table.failures == 0)
        #expect(table.lines.count == checks + 2)
        #expect(table.lines.first?.hasSuffix("max relative error  values  result") == true)
        #expect(table.lines.dropFirst().dropLast().allSatisfy { $0.hasSuffix("  ok") })
        #expect(table.lines.last == "\(checks) of \(checks) checks within \(GradcheckTable.defaultThreshold)")

        // No centred difference in Double matches a Float32 gradient to 1e-30.
        let strict = GradcheckTable(seed: 1, threshold: 1e-30)
        #expect(strict.failures == checks)
        #expect(strict.lines.dropFirst().dropLast().allSatisfy { $0.hasSuffix("  FAIL") })
    }
}
