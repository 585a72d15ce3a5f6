import Foundation
import Testing
import TestSupport

/// Faults outside nnreport's control: a full disk and an unwritable output folder. Each must
/// give a clear error naming the path, a non-zero exit, and nothing under the final name.
@Suite struct FaultTests {
    static let quickRun = [
        "mnist", "--train-limit", "1000", "--validation", "500", "--hidden", "16", "--epochs", "1", "--quiet",
    ]

    /// ThreadSanitizer's runtime itself dies of SIGBUS under a small file-size limit, before
    /// nnreport runs (scripts/sanitize.sh says which sanitizer is in use).
    @Test(.disabled(if: ProcessInfo.processInfo.environment["NNREPORT_SANITIZER"] == "thread"))
    func aFullDiskFailsCleanly() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("report")
        // RLIMIT_FSIZE of 64 KiB (128 blocks of 512 bytes): metrics.jsonl fits, the model and the
        // figures do not. write(2) then fails with EFBIG, as on a full disk.
        let command = ([CommandRunner.executable.path] + Self.quickRun + ["--out", out.path])
            .map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f 128; exec \(command)"]
        var env = ProcessInfo.processInfo.environment
        env["NNREPORT_DATA"] = TestData.dataRoot.path
        process.environment = env
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationReason == .exit, "killed by a signal; stderr: \(stderr)")
        #expect(process.terminationStatus != 0)
        #expect(stderr.contains("Cannot write"), "stderr: \(stderr)")
        #expect(stderr.contains(root.path), "stderr: \(stderr)")
        #expect(!stderr.contains("Fatal error"), "stderr: \(stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }

    @Test func anUnwritableOutputFolderIsNamed() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // /proc refuses new folders even to root.
        let out = "/proc/nnreport-test/report"
        let result = try CommandRunner.run(
            Self.quickRun + ["--out", out], environment: ["NNREPORT_DATA": TestData.dataRoot.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/proc/nnreport-test"), "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"), "stderr: \(result.stderr)")
    }
}
