import ChartsCairo
import Foundation
import Metrics
import Report
import Synchronization
import Testing
import TestSupport

@testable import NNReportKit

/// A tiny sweep on real MNIST (2 learning rates × 2 seeds, 1,000 images, 2 epochs, 16 hidden
/// units) run by the built binary in one go and as two shards merged by the library: the
/// reports must agree byte for byte, and broken shard sets must be refused by trial name.
@Suite(.serialized) struct SweepEndToEndTests {
    static let options = [
        "--train-limit", "1000", "--validation", "1000", "--epochs", "2", "--hidden", "16", "--seeds", "2", "--quiet",
    ]
    static var environment: [String: String] { ["NNREPORT_DATA": TestData.dataRoot.path] }

    /// Runs `nnreport sweep mnist` with `arguments` into `out`, expecting success.
    static func sweep(_ arguments: [String], out: URL) throws {
        let result = try CommandRunner.run(
            ["sweep", "mnist"] + arguments + options + ["--out", out.path], environment: environment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
    }

    /// The unsharded sweep, and shards 0/2 and 1/2 (typed with the options in another order),
    /// written once for every test of the suite into a scratch folder named after this test
    /// process. Folders of test processes that have ended are removed first, so concurrent runs
    /// (say, a sanitizer run beside a normal one) never share a folder and old runs leave none.
    static let folders: Result<(root: URL, whole: URL, shards: [URL]), any Error> = Result {
        let temporary = FileManager.default.temporaryDirectory
        let prefix = "nnreport-sweep-tests-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
        let root = temporary.appendingPathComponent(prefix + String(ProcessInfo.processInfo.processIdentifier))
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let whole = root.appendingPathComponent("whole")
        try sweep(["--vary", "lr=0.01,0.001", "--jobs", "2"], out: whole)
        let shards = [root.appendingPathComponent("shard-0"), root.appendingPathComponent("shard-1")]
        try sweep(["--vary", "lr=0.001,0.01", "--shard", "0/2", "--jobs", "1"], out: shards[0])
        try sweep(["--shard", "1/2", "--vary", "lr=0.01,0.001"], out: shards[1])
        return (root, whole, shards)
    }

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// The README from its first line to the line before `## Command` (the commands differ by design).
    static func reportBody(_ folder: URL) throws -> String {
        let readme = try text(folder.appendingPathComponent("README.md"))
        return String(readme[..<readme.range(of: "## Command")!.lowerBound])
    }

    /// Report settings of a merge into `out`.
    static func merging(into out: URL, command: String = "nnreport merge") -> ReportSettings {
        ReportSettings(output: out, command: command)
    }

    @Test func theWholeSweepWritesTheReportAndEveryTrialsRunFolder() throws {
        let (_, whole, _) = try Self.folders.get()
        let trials = try FileManager.default.contentsOfDirectory(atPath: whole.appendingPathComponent("trials").path)
        #expect(trials.sorted() == ["lr=0.001,seed=1", "lr=0.001,seed=2", "lr=0.01,seed=1", "lr=0.01,seed=2"])
        for trial in trials {
            let folder = whole.appendingPathComponent("trials").appendingPathComponent(trial)
            for file in ["README.md", "metrics.jsonl", "summary.json", "curves.png"] {
                #expect(
                    FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(trial)/\(file)"
                )
            }
            // Each trial's own report reproduces it alone.
            let seed = trial.hasSuffix("seed=1") ? "1" : "2"
            #expect(try Self.text(folder.appendingPathComponent("README.md")).contains("--seed \(seed) --threads 1"))
        }
        for file in [
            "README.md", "sweep.json", "validation.png", "validation.csv", "training.png", "training.csv",
            "tuning.png", "tuning.csv", "settings.csv", "trials.csv",
        ] {
            #expect(FileManager.default.fileExists(atPath: whole.appendingPathComponent(file).path), "\(file)")
        }
        let readme = try Self.text(whole.appendingPathComponent("README.md"))
        #expect(readme.contains("| `--lr` | n | final val. accuracy (%) | best val. accuracy (%) | |"))
        #expect(readme.contains("★ best"))
        #expect(readme.contains("Its test accuracy: **"))
        #expect(readme.contains("nnreport sweep mnist --vary lr=0.01,0.001 --jobs 2"))
        let png = try PNGCodec.decode([UInt8](Data(contentsOf: whole.appendingPathComponent("validation.png"))))
        #expect(Double(png.width) == SweepFigures.curvesSize.width)

        let manifest = try JSONParser.parse([UInt8](Data(contentsOf: whole.appendingPathComponent("sweep.json"))))
        // The best setting is the one whose trials' best validation accuracy is highest on
        // average, recomputed here from the trials' own metrics.jsonl.
        var meanBest: [String: Double] = [:]
        for lr in ["0.01", "0.001"] {
            var bests: [Double] = []
            for seed in ["1", "2"] {
                let log = try Self.text(whole.appendingPathComponent("trials/lr=\(lr),seed=\(seed)/metrics.jsonl"))
                let accuracies = try log.split(separator: "\n").compactMap { line -> Double? in
                    let event = try JSONParser.parse(Array(line.utf8))
                    return event["event"]?.stringValue == "epoch" ? event["val_accuracy"]?.doubleValue : nil
                }
                #expect(accuracies.count == 2, "lr=\(lr),seed=\(seed)")
                bests.append(try #require(accuracies.max()))
            }
            meanBest["lr=\(lr)"] = bests.reduce(0, +) / Double(bests.count)
        }
        let expectedBest = try #require(meanBest.max { $0.value < $1.value }?.key)
        #expect(manifest["results"]?["best_setting"]?.stringValue == expectedBest)
        let starred = readme.split(separator: "\n").filter { $0.contains("★ best |") }
        #expect(starred.count == 1 && starred[0].hasPrefix("| **\(expectedBest.dropFirst("lr=".count))** |"))
        let percent = String(format: "%.2f", try #require(meanBest[expectedBest]) * 100)
        #expect(starred.first?.contains("| \(percent) ± ") == true, "\(starred)")
        #expect(manifest["sweep"]?["trials"]?.arrayValue?.count == 4)
    }

    @Test func twoShardsMergedGiveTheSameReportByteForByte() throws {
        let (root, whole, shards) = try Self.folders.get()
        let merged = root.appendingPathComponent("merged")
        let outcome = try SweepPipeline.merge(
            shardFolders: shards.reversed(), settings: Self.merging(into: merged, command: "nnreport merge shard-1 shard-0"))
        #expect(outcome.folder.standardizedFileURL == merged.standardizedFileURL)
        #expect(try Self.reportBody(merged) == Self.reportBody(whole))
        for file in [
            "settings.csv", "trials.csv", "validation.csv", "training.csv", "tuning.csv", "validation.png",
            "training.png", "tuning.png",
        ] {
            let a = try Data(contentsOf: whole.appendingPathComponent(file))
            let b = try Data(contentsOf: merged.appendingPathComponent(file))
            #expect(a == b, "\(file) differs between the whole sweep and the merged shards")
        }
        let readme = try Self.text(merged.appendingPathComponent("README.md"))
        #expect(readme.contains("--shard 0/2"))
        #expect(readme.contains("--shard 1/2"))
        #expect(readme.contains("nnreport merge shard-1 shard-0"))
        // sweep.json records the shards' commands too, in shard order (issue 13).
        let manifest = try JSONParser.parse([UInt8](Data(contentsOf: merged.appendingPathComponent("sweep.json"))))
        #expect(manifest["command"] == "nnreport merge shard-1 shard-0")
        let commands = manifest["shard_commands"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(commands.count == 2 && commands[0].contains("--shard 0/2") && commands[1].contains("--shard 1/2"))
        #expect(SweepPipeline.isShardFolder(shards[0]))
        #expect(!SweepPipeline.isShardFolder(shards[0].appendingPathComponent("trials")))
    }

    @Test func aMissingShardIsReportedByTrialNameAndNothingIsWritten() throws {
        let (root, _, shards) = try Self.folders.get()
        let out = root.appendingPathComponent("missing")
        #expect {
            _ = try SweepPipeline.merge(shardFolders: [shards[0]], settings: Self.merging(into: out))
        } throws: { error in
            guard case SweepError.missingTrials(let trials, let rerun) = error else { return false }
            return trials == ["lr=0.001,seed=2 (shard 1/2)", "lr=0.01,seed=2 (shard 1/2)"] && rerun == ["--shard 1/2"]
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func duplicatedTrialsAndShardsOfAnotherSweepAreRefused() throws {
        let (root, whole, shards) = try Self.folders.get()
        let out = root.appendingPathComponent("refused")
        #expect {
            _ = try SweepPipeline.merge(
                shardFolders: [shards[0], shards[1], whole], settings: Self.merging(into: out))
        } throws: { error in
            guard case SweepError.duplicatedTrials(let pairs) = error else { return false }
            return pairs.map(\.trial) == ["lr=0.001,seed=1", "lr=0.001,seed=2", "lr=0.01,seed=1", "lr=0.01,seed=2"]
        }

        // A copy of shard 1 whose trials claim 3 epochs belongs to another sweep.
        let other = root.appendingPathComponent("other-sweep")
        try FileManager.default.copyItem(at: shards[1], to: other)
        defer { try? FileManager.default.removeItem(at: other) }
        let manifestURL = other.appendingPathComponent("sweep.json")
        let edited = try Self.text(manifestURL).replacingOccurrences(of: "\"epochs\": 2", with: "\"epochs\": 3")
        try edited.write(to: manifestURL, atomically: true, encoding: .utf8)
        #expect {
            _ = try SweepPipeline.merge(shardFolders: [shards[0], other], settings: Self.merging(into: out))
        } throws: { error in
            guard case SweepError.differentSweep(let path, _, let difference) = error else { return false }
            return path == other.path && difference.contains("epochs 3 instead of 2")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func theBinaryReportsAMissingShardWithAFailingExitCode() throws {
        let (root, _, shards) = try Self.folders.get()
        let out = root.appendingPathComponent("cli-missing")
        let result = try CommandRunner.run(["merge", shards[1].path, "--out", out.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("lr=0.001,seed=1 (shard 0/2)"), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aStoppedSweepWritesWhatFinishedAndNamesTheRest() throws {
        let (root, _, _) = try Self.folders.get()
        let out = root.appendingPathComponent("stopped")
        var overrides = TrainingOverrides()
        overrides.trainLimit = 500
        overrides.validation = 500
        overrides.epochs = 1
        overrides.hidden = [8]
        let plan = try SweepPlan(dataset: "mnist", axes: [try SweepAxis(parsing: "lr=0.01,0.001")], seeds: [1, 2])
        let request = SweepRequest(
            plan: plan, overrides: overrides, jobs: 1,
            data: DataSettings(directory: TestData.mnistDirectory, allowDownload: false),
            report: ReportSettings(output: out, command: "nnreport sweep mnist"))
        // Stop after the first trial: the flag flips once a trial has reported back.
        let stop = StopFlag()
        let outcome = try SweepPipeline(request: request, shouldStop: { stop.isSet }, progress: { _ in stop.set() })
            .run()
        #expect(outcome.interrupted)
        #expect(outcome.trialsRun == 1)
        let report = try #require(outcome.report)
        #expect(report.notRun == ["lr=0.001,seed=2", "lr=0.01,seed=1", "lr=0.01,seed=2"])
        let readme = try Self.text(out.appendingPathComponent("README.md"))
        #expect(readme.contains("**Sweep incomplete.**"))
        #expect(readme.contains("Not run: `lr=0.001,seed=2`, `lr=0.01,seed=1`, `lr=0.01,seed=2`."))
    }
}

/// A flag set from one thread and read from others.
final class StopFlag: Sendable {
    private let flag = Mutex(false)
    func set() { flag.withLock { $0 = true } }
    var isSet: Bool { flag.withLock { $0 } }
}
