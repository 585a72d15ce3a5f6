import Engine
import Foundation
@testable import NNReportKit
import Testing
import TestSupport

/// A network too large for the machine is refused with the figure before anything is
/// allocated (issue 16: `--hidden 65536,65536` was accepted and allocated 17 GB per matrix).
@Suite struct MemoryLimitTests {
    @Test func aHugeNetworkIsRefusedWithTheFigureAndExit64() throws {
        let started = Date()
        let result = try CommandRunner.run(
            ["mnist", "--hidden", "65536,65536", "--out", "/nonexistent/never"],
            environment: ["NNREPORT_DATA": TestData.dataRoot.path])
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("--hidden 65536,65536"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("4,347,133,962 parameters"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("GiB") && result.stderr.contains("nnreport allows"), "stderr: \(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func theLimitCanBeSetAndASweepCountsItsConcurrentTrials() throws {
        let env = ["NNREPORT_DATA": TestData.dataRoot.path, "NNREPORT_MEMORY_LIMIT": "200MiB"]
        // 784-4096-4096-10 with Adam: about 20.2 M parameters, 11 copies: 890 MB.
        var result = try CommandRunner.run(
            ["mnist", "--hidden", "4096,4096", "--out", "/nonexistent/x"], environment: env)
        #expect(
            result.status == 64 && result.stderr.contains("NNREPORT_MEMORY_LIMIT=200MiB"), "stderr: \(result.stderr)")
        result = try CommandRunner.run(
            ["sweep", "mnist", "--vary", "hidden=1024,1536", "--jobs", "2", "--out", "/nonexistent/x"],
            environment: ["NNREPORT_DATA": TestData.dataRoot.path, "NNREPORT_MEMORY_LIMIT": "250MiB"])
        #expect(result.status == 64 && result.stderr.contains("for 2 trials at once"), "stderr: \(result.stderr)")
        result = try CommandRunner.run(
            ["mnist", "--out", "/nonexistent/x"],
            environment: ["NNREPORT_DATA": TestData.dataRoot.path, "NNREPORT_MEMORY_LIMIT": "lots"])
        #expect(result.status == 64 && result.stderr.contains("'lots' is not a size"), "stderr: \(result.stderr)")
    }

    @Test func theEstimateCountsParametersCopiesAndActivations() throws {
        var configuration = TrainingConfiguration(
            hidden: [256, 128], optimizer: .adam, batchSize: 64, validationCount: 5000)
        let estimate = configuration.memoryEstimate()
        let parameters: Double = 784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10
        #expect(estimate.parameterCount == parameters)
        // Initial, weights, gradients, best and its gradients, m, v; the checkpoint's copy of 4.
        #expect(estimate.parameterCopies == 11)
        let trainRow: Double = 784 + 384 + 384 + 10
        let evaluationRow: Double = 784 + 384 + 10
        #expect(estimate.activationBytes == (64 * trainRow + 1000 * evaluationRow) * 4)
        configuration.optimizer = .sgd
        configuration.validationCount = 0
        #expect(configuration.memoryEstimate().parameterCopies == 4)
        #expect(MemoryBudget.parseSize("8GiB") == 8 * 0x1p30)
        #expect(MemoryBudget.parseSize("512 MiB") == 512 * 0x1p20)
        #expect(MemoryBudget.parseSize("1e9") == 1e9)
        #expect(MemoryBudget.parseSize("-1") == nil && MemoryBudget.parseSize("GiB") == nil)
        let budget = try MemoryBudget.current(environment: [:])
        #expect(budget.limit > 0 && budget.limit <= Double(ProcessInfo.processInfo.physicalMemory))
    }
}
