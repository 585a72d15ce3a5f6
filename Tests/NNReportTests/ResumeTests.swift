import Foundation
import Metrics
import Testing
import TestSupport

/// Runs that die hard (issue 14): a real run SIGKILLed after a given epoch and run again gives
/// the uninterrupted run's files byte for byte; other options are refused with the differences;
/// what a killed run left is named, rendered as killed, continued by `nnreport resume`, removed
/// by `nnreport clean`; a run stopped by SIGTERM keeps its checkpoint and continues.
@Suite(.serialized) struct ResumeTests {
    typealias Support = ResumeTestSupport

    /// The default preset's network (784-512-256-10 ReLU, dropout 0.2, Adam with cosine decay)
    /// on 4,000 images for 6 epochs.
    static let defaultRun = ["mnist", "--train-limit", "4000", "--validation", "1000", "--epochs", "6", "--out", "run"]

    /// A small, quick run.
    static let smallRun = [
        "mnist", "--train-limit", "3000", "--validation", "500", "--hidden", "64", "--epochs", "4", "--batch-size",
        "32",
    ]

    @Test func aRunKilledAfterEpoch3ContinuesToTheUninterruptedRunsBytes() throws {
        let whole = try TestData.makeTemporaryDirectory(), broken = try TestData.makeTemporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: whole)
            try? FileManager.default.removeItem(at: broken)
        }
        let first = try CommandRunner.run(Self.defaultRun, in: whole, environment: Support.environment)
        #expect(first.status == 0, "stderr: \(first.stderr)")

        let staging = try Support.killAfter(epochs: 3, Self.defaultRun, in: broken)
        let done = try #require(Support.checkpointEpochs(in: staging))
        #expect((3..<6).contains(done))
        let again = try CommandRunner.run(Self.defaultRun, in: broken, environment: Support.environment)
        #expect(again.status == 0, "stderr: \(again.stderr)")
        #expect(
            again.stderr.contains("resuming run from epoch \(done + 1) of 6 (\(done) of 6 epochs done"),
            "\(again.stderr)")
        try Support.expectSameResults(broken.appendingPathComponent("run"), as: whole.appendingPathComponent("run"))
        // Nothing is left beside the report, and the finished report keeps no checkpoint.
        #expect(try FileManager.default.contentsOfDirectory(atPath: broken.path).sorted() == ["run", "stderr.txt"])
    }

    @Test func otherOptionsAreRefusedWithTheDifferencesAndRestartStartsOver() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = Self.smallRun + ["--out", "run"]
        let staging = try Support.killAfter(epochs: 1, run, in: root)
        let checkpoint = try Data(contentsOf: staging.appendingPathComponent("checkpoint.safetensors"))

        let refused = try CommandRunner.run(
            run + ["--lr", "0.01", "--threads", "1"], in: root, environment: Support.environment)
        #expect(refused.status == 64, "stderr: \(refused.stderr)")
        #expect(refused.stderr.contains("lr: 0.001 in the checkpoint, 0.01 here"), "\(refused.stderr)")
        #expect(refused.stderr.contains("threads (BLAS threads change the sums): 2 in the checkpoint, 1 here"))
        #expect(refused.stderr.contains("--restart"))
        // Nothing changed: the same staging folder with the same checkpoint.
        #expect(Support.stagingFolders(in: root) == [staging])
        let unchanged = try Data(contentsOf: staging.appendingPathComponent("checkpoint.safetensors")) == checkpoint
        #expect(unchanged)

        let restarted = try CommandRunner.run(run + ["--restart"], in: root, environment: Support.environment)
        #expect(restarted.status == 0, "stderr: \(restarted.stderr)")
        #expect(restarted.stderr.contains("--restart: removed \(staging.path)"), "\(restarted.stderr)")
        #expect(try Support.events(root.appendingPathComponent("run")).resumes == 0)
        #expect(Support.stagingFolders(in: root).isEmpty)
    }

    @Test func whatAKilledRunLeftIsNamedRenderedContinuedAndCleaned() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let reports = root.appendingPathComponent("reports")
        // One run with a generated name, then one with --out under reports/, both killed.
        let generated = try Support.killAfter(epochs: 1, Self.smallRun, in: root, inside: "reports")
        let named = try Support.killAfter(
            epochs: 2, Self.smallRun + ["--out", "reports/named"], in: root, inside: "reports")
        #expect(Support.stagingFolders(in: reports).count == 2)
        let reportName = String(generated.lastPathComponent.dropFirst().prefix { $0 != "." })
        #expect(reportName.hasPrefix("mnist-default-"))

        // Another command writing under reports/ names both, with what they hold and what to do.
        let other = try CommandRunner.run(
            ["mnist", "--train-limit", "500", "--validation", "500", "--hidden", "8", "--epochs", "1"], in: root,
            environment: Support.environment)
        #expect(other.status == 0, "stderr: \(other.stderr)")
        for (folder, done) in [(generated, 1), (named, 2)] {
            let line = other.stderr.split(separator: "\n").first { $0.hasPrefix(folder.path) }.map(String.init) ?? ""
            #expect(line.contains("\(done) of 4 epochs done, last validation accuracy "), "\(other.stderr)")
            #expect(line.contains("nnreport resume reports/") && line.contains("nnreport clean"), "\(line)")
        }

        // render says the run was killed.
        let rendered = try CommandRunner.run(["render", generated.path, "--out", "rendered", "--quiet"], in: root)
        #expect(rendered.status == 0, "stderr: \(rendered.stderr)")
        let readme = try String(contentsOf: root.appendingPathComponent("rendered/README.md"), encoding: .utf8)
        #expect(readme.contains("| Status | killed |"), "\(readme)")

        // clean --dry-run lists both and removes nothing.
        let dryRun = try CommandRunner.run(["clean", "--dry-run"], in: root)
        #expect(
            dryRun.status == 0 && dryRun.stderr.components(separatedBy: "would remove").count == 3, "\(dryRun.stderr)")
        #expect(Support.stagingFolders(in: reports).count == 2)

        // resume continues the most recent one, into the folder it was meant for, with its command.
        let resumed = try CommandRunner.run(["resume"], in: root, environment: Support.environment)
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming reports/named from epoch 3 of 4"), "\(resumed.stderr)")
        let summary = try JSONParser.parse(
            [UInt8](Data(contentsOf: reports.appendingPathComponent("named/summary.json"))))
        #expect(
            summary["command"]?.stringValue
                == (["nnreport"] + Self.smallRun + ["--out", "reports/named"]).joined(separator: " "))
        #expect(summary["epochs_run"]?.intValue == 4)

        // resume FOLDER takes the generated name; then clean has nothing left to do.
        let second = try CommandRunner.run(
            ["resume", "reports/\(reportName)"], in: root, environment: Support.environment)
        #expect(second.status == 0, "stderr: \(second.stderr)")
        let generatedSummary = try JSONParser.parse(
            [UInt8](Data(contentsOf: reports.appendingPathComponent("\(reportName)/summary.json"))))
        #expect(generatedSummary["command"]?.stringValue == (["nnreport"] + Self.smallRun).joined(separator: " "))
        #expect(try Support.events(reports.appendingPathComponent(reportName)).resumes == 1)
        let clean = try CommandRunner.run(["clean"], in: root)
        #expect(clean.stderr.contains("Nothing to clean"), "\(clean.stderr)")
    }

    @Test func cleanRemovesAKilledRunsFolder() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let staging = try Support.killAfter(epochs: 1, Self.smallRun, in: root, inside: "reports")
        let clean = try CommandRunner.run(["clean"], in: root)
        #expect(clean.status == 0)
        #expect(clean.stderr.contains("removed \(staging.path)") && clean.stderr.contains("1 of 4 epochs done"))
        #expect(Support.stagingFolders(in: root.appendingPathComponent("reports")).isEmpty)
        let nothing = try CommandRunner.run(["resume"], in: root)
        #expect(nothing.status != 0 && nothing.stderr.contains("There is no unfinished run"), "\(nothing.stderr)")
    }

    @Test func aRunStoppedBySIGTERMKeepsItsCheckpointAndTheSameCommandContinuesIt() throws {
        let whole = try TestData.makeTemporaryDirectory(), stopped = try TestData.makeTemporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: whole)
            try? FileManager.default.removeItem(at: stopped)
        }
        let run = Self.smallRun + ["--dropout", "0.2", "--out", "run"]
        let first = try CommandRunner.run(run, in: whole, environment: Support.environment)
        #expect(first.status == 0, "stderr: \(first.stderr)")

        let process = try Support.Running(run, in: stopped)
        _ = process.wait {
            Support.stagingFolders(in: stopped).contains { (Support.checkpointEpochs(in: $0) ?? 0) >= 2 }
        }
        kill(process.process.processIdentifier, SIGTERM)
        process.process.waitUntilExit()
        #expect(process.process.terminationStatus == 143, "stderr: \(process.stderr)")
        let out = stopped.appendingPathComponent("run")
        let summary = try JSONParser.parse([UInt8](Data(contentsOf: out.appendingPathComponent("summary.json"))))
        #expect(summary["status"]?.stringValue == "interrupted")
        let done = try #require(Support.checkpointEpochs(in: out))
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("checkpoint.safetensors"))

        let again = try CommandRunner.run(run, in: stopped, environment: Support.environment)
        #expect(again.status == 0, "stderr: \(again.stderr)")
        #expect(again.stderr.contains("resuming run from epoch \(done + 1) of 4"), "\(again.stderr)")
        try Support.expectSameResults(out, as: whole.appendingPathComponent("run"))
    }
}
