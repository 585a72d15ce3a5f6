import Foundation
import Metrics
import Testing
import TestSupport

/// Ctrl-C, SIGTERM (a scheduler's cancel) or SIGHUP (a closed terminal) during training: the
/// run stops at the next step, the report is written with status `interrupted`, and the exit
/// status is 128 + the signal: 130, 143, 129 (before: 130 for all, and SIGHUP killed silently).
@Suite struct InterruptTests {
    @Test(arguments: [(SIGINT, 130), (SIGTERM, 143), (SIGHUP, 129)] as [(Int32, Int32)])
    func aSignalStopsTheRunAndWritesAnInterruptedReport(signal: Int32, status: Int32) throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("report")
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = [
            "mnist", "--hidden", "32", "--epochs", "100000", "--batch-size", "16", "--train-limit", "20000",
            "--quiet", "--out", out.path,
        ]
        var env = ProcessInfo.processInfo.environment
        env["NNREPORT_DATA"] = TestData.dataRoot.path
        env["SWIFT_BACKTRACE"] = "enable=yes,interactive=no"
        process.environment = env
        let errorLog = root.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errorLog)
        try process.run()

        // Wait until training has logged its first epoch into the staging folder (with this many
        // epochs, steps are logged less often than once an epoch), then press Ctrl-C. The run
        // is far too long to end first on any machine, so the test waits on states, not times.
        let deadline = Date().addingTimeInterval(120)
        var started = false
        while Date() < deadline, process.isRunning, !started {
            Thread.sleep(forTimeInterval: 0.2)
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
            for entry in entries where entry.hasPrefix(".report.partial") {
                let metrics = root.appendingPathComponent(entry).appendingPathComponent("metrics.jsonl")
                if let text = try? String(contentsOf: metrics, encoding: .utf8), text.contains("\"event\":\"epoch\"") {
                    started = true
                }
            }
        }
        #expect(started, "training never started")
        #expect(!FileManager.default.fileExists(atPath: out.path), "the report appeared before the run ended")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()

        let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
        #expect(process.terminationReason == .exit, "stderr: \(log)")
        #expect(process.terminationStatus == status, "stderr: \(log)")
        let summary = try JSONParser.parse([UInt8](Data(contentsOf: out.appendingPathComponent("summary.json"))))
        #expect(summary["status"]?.stringValue == "interrupted")
        let lines = try String(contentsOf: out.appendingPathComponent("metrics.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        let end = try JSONParser.parse(String(lines.last ?? ""))
        #expect(end["event"]?.stringValue == "end")
        #expect(end["status"]?.stringValue == "interrupted")
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("interrupted"))
        // No staging folder is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["report", "stderr.txt"])
    }
}
