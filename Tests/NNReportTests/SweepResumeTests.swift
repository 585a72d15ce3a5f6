import Foundation
import Metrics
import Testing
import TestSupport

@testable import NNReportKit

/// A sweep shard killed in the middle (issue 14): running its command again keeps the trials
/// that finished, continues the one that was training from its checkpoint and runs the rest; the
/// shards merged are still the unsharded sweep's report byte for byte, and the continued
/// trial's files are the uninterrupted trial's.
@Suite(.serialized) struct SweepResumeTests {
    typealias Support = ResumeTestSupport

    static let options = [
        "--vary", "lr=0.01,0.001", "--seeds", "2", "--train-limit", "2000", "--validation", "500", "--epochs", "4",
        "--hidden", "32", "--quiet",
    ]

    static func sweep(_ arguments: [String], in root: URL) throws -> CommandRunner.Output {
        try CommandRunner.run(["sweep", "mnist"] + options + arguments, in: root, environment: Support.environment)
    }

    @Test func aKilledShardKeepsItsFinishedTrialsContinuesTheRestAndMergesToTheWholeSweep() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let whole = try Self.sweep(["--jobs", "2", "--out", "whole"], in: root)
        #expect(whole.status == 0, "stderr: \(whole.stderr)")
        let other = try Self.sweep(["--shard", "1/2", "--out", "shard-1"], in: root)
        #expect(other.status == 0, "stderr: \(other.stderr)")

        // Shard 0 runs its two trials one after the other: kill it once the first has finished
        // and the second has a checkpoint.
        let shard = ["sweep", "mnist"] + Self.options + ["--shard", "0/2", "--jobs", "1", "--out", "shard-0"]
        let process = try Support.Running(shard, in: root)
        var trialStaging: URL?
        _ = process.wait(seconds: 300) {
            guard let sweepStaging = Support.stagingFolders(in: root).first else { return false }
            let trials = sweepStaging.appendingPathComponent("trials")
            let finished =
                (try? FileManager.default.contentsOfDirectory(atPath: trials.path))?
                .filter { !$0.hasPrefix(".") } ?? []
            guard finished.count == 1,
                let training = Support.stagingFolders(in: trials).first(where: {
                    Support.checkpointEpochs(in: $0) != nil
                })
            else { return false }
            kill(process.process.processIdentifier, SIGKILL)
            trialStaging = training
            return true
        }
        process.process.waitUntilExit()
        #expect(process.process.terminationReason == .uncaughtSignal, "stderr: \(process.stderr)")
        let killedTrial = try #require(trialStaging, "the shard never had a finished trial and a checkpoint")

        // Any command writing beside it names the killed shard.
        let named = try CommandRunner.run(["clean", ".", "--dry-run"], in: root)
        #expect(named.stderr.contains("an unfinished sweep of process"), "\(named.stderr)")
        #expect(named.stderr.contains("1 of 2 trials done, 1 more with a checkpoint"), "\(named.stderr)")

        let again = try CommandRunner.run(shard, in: root, environment: Support.environment)
        #expect(again.status == 0, "stderr: \(again.stderr)")
        let merged = try CommandRunner.run(["merge", "shard-0", "shard-1", "--out", "merged", "--quiet"], in: root)
        #expect(merged.status == 0, "stderr: \(merged.stderr)")

        let wholeFolder = root.appendingPathComponent("whole"), mergedFolder = root.appendingPathComponent("merged")
        #expect(try SweepEndToEndTests.reportBody(mergedFolder) == SweepEndToEndTests.reportBody(wholeFolder))
        for file in [
            "settings.csv", "trials.csv", "validation.csv", "training.csv", "tuning.csv", "validation.png",
            "training.png", "tuning.png",
        ] {
            let same =
                try Data(contentsOf: wholeFolder.appendingPathComponent(file))
                == Data(contentsOf: mergedFolder.appendingPathComponent(file))
            #expect(same, "\(file) differs between the whole sweep and the merged shards")
        }
        // The trial that was killed while training continued to the uninterrupted trial's files.
        let stagingName = killedTrial.lastPathComponent
        let trialName = String(stagingName.dropFirst()[..<stagingName.range(of: ".partial-")!.lowerBound])
        try Support.expectSameResults(
            root.appendingPathComponent("shard-0/trials/\(trialName)"),
            as: wholeFolder.appendingPathComponent("trials/\(trialName)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).allSatisfy { !$0.hasPrefix(".") })
    }
}
