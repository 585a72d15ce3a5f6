import ChartsCairo
import Foundation
import Metrics
import Report
import Statistics
import Testing
import TestSupport

/// `nnreport compare` run as a user would, on small real-MNIST runs trained once for the
/// suite: a run against itself, 1 epoch against 20, seeds as groups, sweeps, logs of other
/// tools, and inputs that must be refused with exit status 2 and the file named.
@Suite(.serialized) struct CompareEndToEndTests {
    static let quick = [
        "mnist", "--train-limit", "2000", "--validation", "500", "--hidden", "32", "--batch-size", "64", "--lr",
        "0.003",
        "--lr-schedule", "constant", "--seed", "7", "--quiet",
    ]
    static let tiny = [
        "mnist", "--train-limit", "1000", "--validation", "500", "--hidden", "16", "--epochs", "2", "--quiet",
    ]
    static var environment: [String: String] { ["NNREPORT_DATA": TestData.dataRoot.path] }

    /// The runs every test compares, written once into a scratch folder of this test process.
    struct Runs {
        var root: URL
        /// 20 epochs and 1 epoch of the same network and seed.
        var long: URL
        var short: URL
        /// Three seeds each, at learning rates 0.001 and 0.03.
        var groupA: URL
        var groupB: URL
        /// `nnreport sweep` of the same network over 2 seeds.
        var sweep: URL
    }

    static let runs: Result<Runs, any Error> = Result {
        let root = try TestData.makeTemporaryDirectory("nnreport-compare-tests")
        func train(_ arguments: [String], _ out: URL) throws {
            let result = try CommandRunner.run(arguments + ["--out", out.path], environment: environment)
            guard result.status == 0 else {
                throw TestFailure("training \(out.lastPathComponent) failed: \(result.stderr)")
            }
        }
        let long = root.appendingPathComponent("long"), short = root.appendingPathComponent("short")
        try train(quick + ["--epochs", "20"], long)
        try train(quick + ["--epochs", "1"], short)
        let groupA = root.appendingPathComponent("groupA"), groupB = root.appendingPathComponent("groupB")
        for seed in 1...3 {
            try train(tiny + ["--seed", "\(seed)", "--lr", "0.001"], groupA.appendingPathComponent("seed-\(seed)"))
            try train(tiny + ["--seed", "\(seed)", "--lr", "0.03"], groupB.appendingPathComponent("seed-\(seed)"))
        }
        let sweep = root.appendingPathComponent("sweep")
        let result = try CommandRunner.run(
            ["sweep"] + tiny + ["--seeds", "2", "--lr", "0.001", "--out", sweep.path], environment: environment)
        guard result.status == 0 else { throw TestFailure("sweep failed: \(result.stderr)") }
        return Runs(root: root, long: long, short: short, groupA: groupA, groupB: groupB, sweep: sweep)
    }

    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func compare(_ arguments: [String]) throws -> CommandRunner.Output {
        try CommandRunner.run(["compare"] + arguments + ["--quiet"], environment: environment)
    }

    static func summary(_ folder: URL) throws -> JSONValue {
        try JSONParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent("summary.json"))))
    }

    static func readme(_ folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The README opens with the verdict, links only PNGs that decode, and its tables keep their columns.
    static func checkReadme(_ folder: URL, headline: String) throws -> String {
        let text = try readme(folder)
        let lines = text.split(separator: "\n")
        #expect(lines.count > 3 && lines[1].hasPrefix("> **\(headline).**"), "verdict line: \(lines.prefix(2))")
        for link in EndToEndTests.imageLinks(in: text) {
            let image = try PNGCodec.decode([UInt8](Data(contentsOf: folder.appendingPathComponent(link.file))))
            #expect(image.width >= 640 && image.height >= 420, "\(link.file)")
            #expect(!link.alt.isEmpty)
        }
        #expect(MarkdownTables.mismatchedRows(in: text) == [])
        return text
    }

    @Test func aRunComparedWithItselfIsNoDifference() throws {
        let runs = try Self.runs.get()
        let out = runs.root.appendingPathComponent("self")
        let result = try Self.compare([runs.long.path, runs.long.path, "--out", out.path, "--fail-on", "different"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let readme = try Self.checkReadme(out, headline: "No significant difference")
        #expect(readme.contains("the two runs are right and wrong on the same test images"))
        let summary = try Self.summary(out)
        #expect(summary["verdict"]?.stringValue == "same")
        #expect(summary["comparison"]?.stringValue == "runs")
        #expect(summary["metrics"]?.arrayValue?[0]["p"]?.doubleValue == 1)
        #expect(summary["paired"]?["only_baseline_correct"]?.intValue == 0)
    }

    @Test func oneEpochAgainstTwentyIsWorseAndFailsWhenAsked() throws {
        let runs = try Self.runs.get()
        let out = runs.root.appendingPathComponent("worse")
        let summaryFile = runs.root.appendingPathComponent("step-summary.md")
        let result = try Self.compare([
            runs.long.path, runs.short.path, "--out", out.path, "--fail-on", "worse", "--github-summary",
            summaryFile.path,
        ])
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let readme = try Self.checkReadme(out, headline: "Worse")
        #expect(readme.contains("![Bar chart per true class"))
        let summary = try Self.summary(out)
        #expect(summary["verdict"]?.stringValue == "worse")
        let accuracy = try #require(summary["metrics"]?.arrayValue?.first)
        #expect(accuracy["metric"]?.stringValue == "Test accuracy")
        #expect(try #require(accuracy["p"]?.doubleValue) < 0.001)

        // The discordant counts are those of the two test_predictions.csv files, counted here.
        func predictions(_ folder: URL) throws -> TestPredictions {
            let url = folder.appendingPathComponent("test_predictions.csv")
            return try TestPredictions.parse([UInt8](Data(contentsOf: url)), path: url.path)
        }
        let (b, c) = (try predictions(runs.long), try predictions(runs.short))
        let onlyBaseline = b.labels.indices.count { b.isCorrect($0) && !c.isCorrect($0) }
        let onlyCandidate = b.labels.indices.count { !b.isCorrect($0) && c.isCorrect($0) }
        #expect(accuracy["only_baseline_correct"]?.intValue == onlyBaseline)
        #expect(accuracy["only_candidate_correct"]?.intValue == onlyCandidate)
        #expect(onlyBaseline > onlyCandidate)

        // The job summary: the verdict, no images, far under GitHub's limits.
        let markdown = try String(contentsOf: summaryFile, encoding: .utf8)
        #expect(markdown.contains("**Worse.**"))
        #expect(!markdown.contains("!["))
        #expect(markdown.utf8.count < 10_000)
        #expect(MarkdownTables.mismatchedRows(in: markdown) == [])

        // Without --fail-on the verdict does not change the exit status; the other way round it is better.
        #expect(
            try Self.compare([runs.long.path, runs.short.path, "--out", runs.root.appendingPathComponent("w2").path])
                .status == 0)
        let better = try Self.compare([
            runs.short.path, runs.long.path, "--out", runs.root.appendingPathComponent("better").path, "--fail-on",
            "worse",
        ])
        #expect(better.status == 0, "stderr: \(better.stderr)")
        #expect(try Self.summary(runs.root.appendingPathComponent("better"))["verdict"]?.stringValue == "better")
        let different = try Self.compare([
            runs.short.path, runs.long.path, "--out", runs.root.appendingPathComponent("different").path, "--fail-on",
            "different",
        ])
        #expect(different.status == 1)
    }

    @Test func runsTestedOnOtherImagesAreRefusedNamingTheFile() throws {
        let runs = try Self.runs.get()
        let fm = FileManager.default
        let tampered = runs.root.appendingPathComponent("tampered")
        try? fm.removeItem(at: tampered)
        try fm.copyItem(at: runs.short, to: tampered)
        let summaryURL = tampered.appendingPathComponent("summary.json")
        var text = try String(contentsOf: summaryURL, encoding: .utf8)
        let checksum = try #require(
            Self.summary(runs.short)["data"]?["checksums"]?["t10k-images-idx3-ubyte"]?.stringValue)
        text = text.replacingOccurrences(of: checksum, with: String(repeating: "0", count: 32))
        try text.write(to: summaryURL, atomically: true, encoding: .utf8)
        let out = runs.root.appendingPathComponent("refused")
        let result = try Self.compare([runs.long.path, tampered.path, "--out", out.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("the test sets differ"), "\(result.stderr)")
        #expect(result.stderr.contains("t10k-images-idx3-ubyte has MD5 \(checksum) in \(runs.long.path)/summary.json"))
        #expect(!fm.fileExists(atPath: out.path))

        // Labels that differ in test_predictions.csv are refused too, and a malformed line is named.
        try fm.copyItem(at: runs.short.appendingPathComponent("summary.json"), to: summaryURL, replacing: true)
        let predictionsURL = tampered.appendingPathComponent("test_predictions.csv")
        var lines = try String(contentsOf: predictionsURL, encoding: .utf8).components(separatedBy: "\n")
        var fields = lines[1].components(separatedBy: ",")
        fields[1] = fields[1] == "3" ? "4" : "3"
        lines[1] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: predictionsURL, atomically: true, encoding: .utf8)
        let relabelled = try Self.compare([runs.long.path, tampered.path, "--out", out.path])
        #expect(relabelled.status == 2)
        #expect(relabelled.stderr.contains("image 0 is labelled"), "\(relabelled.stderr)")
        lines[2] = "1,2,oops,0.5"
        try lines.joined(separator: "\n").write(to: predictionsURL, atomically: true, encoding: .utf8)
        let malformed = try Self.compare([runs.long.path, tampered.path, "--out", out.path])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("\(predictionsURL.path):3: predicted class \"oops\""), "\(malformed.stderr)")
        #expect(!fm.fileExists(atPath: out.path))
    }

    @Test(arguments: [
        (["missing-folder", "long"], "missing-folder: no such file or folder"),
        (["long", "groupA"], "(nnreport run folder) with"),
        (["groupA", "long/metrics.csv"], "(folder of 3 nnreport runs) with"),
    ])
    func inputsThatCannotBeComparedExitWithStatus2(arguments: [String], message: String) throws {
        let runs = try Self.runs.get()
        let paths = arguments.map { runs.root.appendingPathComponent($0).path }
        let result = try Self.compare(paths + ["--out", runs.root.appendingPathComponent("never").path])
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test(arguments: [["--alpha", "0"], ["--alpha", "1.5"], ["--tolerance", "fast"], ["--fail-on", "better"]])
    func badOptionsExitWith64(options: [String]) throws {
        let runs = try Self.runs.get()
        let result = try Self.compare([runs.long.path, runs.short.path] + options)
        #expect(result.status == 64, "stderr: \(result.stderr)")
    }

    @Test func groupsOfSeedsAreComparedWithWelch() throws {
        let runs = try Self.runs.get()
        let out = runs.root.appendingPathComponent("groups")
        let result = try Self.compare([runs.groupA.path, runs.groupB.path, "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let summary = try Self.summary(out)
        #expect(summary["comparison"]?.stringValue == "groups")
        let rows = try #require(summary["metrics"]?.arrayValue)
        #expect(
            rows.map { $0["metric"]?.stringValue } == [
                "Final validation accuracy", "Best validation accuracy", "Test accuracy",
            ])
        // The test-accuracy row is Welch's test of the three runs' own summary.json figures.
        func accuracies(_ group: URL) throws -> [Double] {
            try (1...3).map { seed in
                try #require(Self.summary(group.appendingPathComponent("seed-\(seed)"))["test_accuracy"]?.doubleValue)
            }
        }
        let welch = try #require(WelchTest(try accuracies(runs.groupB), try accuracies(runs.groupA)))
        #expect(rows[2]["t"]?.doubleValue == welch.t)
        #expect(rows[2]["p"]?.doubleValue == welch.pValue)
        #expect(rows[2]["baseline_n"]?.intValue == 3 && rows[2]["candidate_n"]?.intValue == 3)
        let readme = try Self.checkReadme(
            out,
            headline: try #require(
                ["worse": "Worse", "better": "Better", "same": "No significant difference"][
                    summary["verdict"]?.stringValue ?? ""]))
        #expect(readme.contains("(n = 3)") && readme.contains("Holm"))
        #expect(readme.contains("![Validation loss and accuracy per epoch of the baseline"))
        #expect(readme.contains("| `--lr` | `0.001` | `0.03` |"))

        // A group against itself: the same values, t = 0, p = 1.
        let same = runs.root.appendingPathComponent("groups-self")
        #expect(try Self.compare([runs.groupA.path, runs.groupA.path, "--out", same.path]).status == 0)
        #expect(try Self.summary(same)["verdict"]?.stringValue == "same")
    }

    @Test func sweepsAreGroupsToo() throws {
        let runs = try Self.runs.get()
        let out = runs.root.appendingPathComponent("sweeps")
        let result = try Self.compare([runs.sweep.path, runs.sweep.path, "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let summary = try Self.summary(out)
        #expect(summary["verdict"]?.stringValue == "same")
        #expect(summary["metrics"]?.arrayValue?[2]["baseline_n"]?.intValue == 2)
        // A sweep of one setting against a folder of runs of the same options: both groups of seeds.
        let mixed = try Self.compare([
            runs.sweep.path, runs.groupA.path, "--out", runs.root.appendingPathComponent("mixed").path,
        ])
        #expect(mixed.status == 0, "stderr: \(mixed.stderr)")
    }

    @Test func logsOfOtherToolsAreJudgedByToleranceWithoutATest() throws {
        let runs = try Self.runs.get()
        let out = runs.root.appendingPathComponent("logs")
        let fixtures = TestData.packageRoot.appendingPathComponent("Tests/Fixtures/hf")
        let result = try Self.compare([
            fixtures.appendingPathComponent("out-lr2").path, fixtures.appendingPathComponent("out").path, "--out",
            out.path,
            "--tolerance", "1%", "--fail-on", "worse",
        ])
        #expect(result.status == 1, "stderr: \(result.stderr)")
        let readme = try Self.checkReadme(out, headline: "Worse")
        #expect(readme.contains("No significance test is possible"))
        #expect(!readme.contains("| p |"))
        let summary = try Self.summary(out)
        #expect(summary["comparison"]?.stringValue == "logs")
        #expect(summary["metrics"]?.arrayValue?.allSatisfy { $0["p"] == .null } == true)
    }

    @Test func runsWithoutPredictionsAreComparedAsLogs() throws {
        let runs = try Self.runs.get()
        let old = runs.root.appendingPathComponent("old-run")
        try? FileManager.default.removeItem(at: old)
        try FileManager.default.copyItem(at: runs.long, to: old)
        try FileManager.default.removeItem(at: old.appendingPathComponent("test_predictions.csv"))
        let out = runs.root.appendingPathComponent("fallback")
        let result = try Self.compare([old.path, runs.long.path, "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let readme = try Self.readme(out)
        #expect(readme.contains("has no test_predictions.csv (written by an earlier nnreport)"))
        #expect(try Self.summary(out)["comparison"]?.stringValue == "logs")
        #expect(try Self.summary(out)["verdict"]?.stringValue == "same")
    }
}

extension FileManager {
    fileprivate func copyItem(at source: URL, to destination: URL, replacing: Bool) throws {
        if replacing { try? removeItem(at: destination) }
        try copyItem(at: source, to: destination)
    }
}
