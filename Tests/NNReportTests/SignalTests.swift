import Foundation
import Testing
import TestSupport

/// Signals while a report is being written (issue 16): `render` and `merge` remove their
/// unfinished report and exit 128 + the signal instead of dying with thousands of files in a
/// hidden folder; two quick SIGTERMs to a sweep stop its trials before the process exits
/// (before: a segfault in an OpenBLAS thread, exit 139, in 2 to 7 of 12 tries).
@Suite(.serialized) struct SignalTests {
    /// A running `nnreport` with standard error going to a file.
    struct Running {
        var process: Process
        var errorLog: URL

        init(_ arguments: [String], in root: URL) throws {
            process = Process()
            process.executableURL = CommandRunner.executable
            process.arguments = arguments
            process.currentDirectoryURL = root
            var env = ProcessInfo.processInfo.environment
            env["NNREPORT_DATA"] = TestData.dataRoot.path
            process.environment = env
            errorLog = root.appendingPathComponent("stderr.txt")
            _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errorLog)
            try process.run()
        }

        var stderr: String { (try? String(contentsOf: errorLog, encoding: .utf8)) ?? "" }

        /// Waits until `condition` holds or the process ends; false on timeout or end.
        func wait(seconds: Double = 120, until condition: () -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline, process.isRunning {
                if condition() { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return false
        }
    }

    /// Files in the staging folders of `root` (hidden `.NAME.partial-*` folders).
    static func stagedFiles(in root: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { $0.contains(".partial-") }.reduce(0) { count, name in
            count
                + ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(name).path))?.count
                    ?? 0)
        }
    }

    /// A table of 80 metrics: 160 files, several seconds of drawing.
    static func writeManyMetrics(to url: URL) throws {
        var lines = ["step," + (0..<80).map { "m\($0)" }.joined(separator: ",")]
        for step in 0..<3000 {
            lines.append(
                "\(step),"
                    + (0..<80).map { String(format: "%.5f", sin(Double(step) * 0.01 + Double($0))) }.joined(
                        separator: ","))
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    }

    @Test(arguments: [(SIGINT, 130), (SIGTERM, 143), (SIGHUP, 129)] as [(Int32, Int32)])
    func renderRemovesItsUnfinishedReportOnASignal(signal: Int32, status: Int32) throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("many.csv")
        try Self.writeManyMetrics(to: input)
        let run = try Running(["render", input.path, "--out", root.appendingPathComponent("report").path], in: root)
        #expect(run.wait { Self.stagedFiles(in: root) >= 10 }, "drawing never started: \(run.stderr)")
        kill(run.process.processIdentifier, signal)
        run.process.waitUntilExit()
        #expect(run.process.terminationReason == .exit, "stderr: \(run.stderr)")
        #expect(run.process.terminationStatus == status, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("removing the unfinished report"), "stderr: \(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["many.csv", "stderr.txt"])
    }

    @Test func twoQuickSIGTERMsStopASweepsTrialsBeforeItExits() throws {
        for attempt in 0..<2 {
            let root = try TestData.makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(at: root) }
            let run = try Running(
                [
                    "sweep", "mnist", "--vary", "lr=0.01,0.03", "--seeds", "2", "--train-limit", "20000", "--epochs",
                    "100000", "--jobs", "2", "--out", root.appendingPathComponent("sweep").path,
                ], in: root)
            // Both trials are training once their metrics streams have steps.
            let started = run.wait {
                let trials = (try? FileManager.default.subpathsOfDirectory(atPath: root.path)) ?? []
                return trials.filter { $0.hasSuffix("metrics.jsonl") }.count >= 2
            }
            #expect(started, "attempt \(attempt): trials never started: \(run.stderr)")
            kill(run.process.processIdentifier, SIGTERM)
            Thread.sleep(forTimeInterval: 0.05 * Double(attempt + 1))
            kill(run.process.processIdentifier, SIGTERM)
            run.process.waitUntilExit()
            #expect(run.process.terminationReason == .exit, "attempt \(attempt): killed; stderr: \(run.stderr)")
            #expect(run.process.terminationStatus == 143, "attempt \(attempt): stderr: \(run.stderr)")
            #expect(!run.stderr.contains("crashed"), "attempt \(attempt): stderr: \(run.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["stderr.txt"])
        }
    }

    @Test func oneSIGTERMLetsASweepWriteWhatFinishedAndExit143() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("sweep")
        let run = try Running(
            [
                "sweep", "mnist", "--vary", "lr=0.01,0.03", "--seeds", "1", "--train-limit", "20000", "--epochs",
                "100000", "--jobs", "2", "--out", out.path,
            ], in: root)
        // Both trials are training (their streams have begun); neither can finish first on any machine.
        let training = run.wait {
            let paths = (try? FileManager.default.subpathsOfDirectory(atPath: root.path)) ?? []
            let streams = paths.filter { $0.hasSuffix("metrics.jsonl") }.compactMap {
                try? String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)
            }
            return streams.filter { $0.contains("\"event\":\"run\"") }.count >= 2
        }
        #expect(training, "the sweep never started: \(run.stderr)")
        kill(run.process.processIdentifier, SIGTERM)
        run.process.waitUntilExit()
        #expect(run.process.terminationStatus == 143, "stderr: \(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("sweep.json").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["stderr.txt", "sweep"])
    }
}
