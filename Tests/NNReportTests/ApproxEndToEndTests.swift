import Charts
import ChartsCairo
import Foundation
import Metrics
import Testing
import TestSupport

@testable import Report

/// Runs the built `nnreport approx` binary with few starts and steps and checks the report folder.
@Suite(.serialized) struct ApproxEndToEndTests {
    /// A quick run: 3 starts of 1,500 steps per data set.
    static let quickRun = ["approx", "--starts", "3", "--steps", "1500", "--seed", "5", "--quiet"]

    static let figures: [(name: String, size: Size)] = [
        ("box", ApproxFigures.chartSize), ("staircases", ApproxFigures.gridSize), ("box_error", ApproxFigures.chartSize),
        ("fit_1", ApproxFigures.stackSize), ("starts_1", ApproxFigures.stackSize),
        ("fit_2", ApproxFigures.stackSize), ("starts_2", ApproxFigures.stackSize),
    ]

    static func run(_ arguments: [String]) throws -> CommandRunner.Output {
        try CommandRunner.run(arguments)
    }

    @Test func approxWritesACompleteReportFolder() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("approx")
        let result = try Self.run(Self.quickRun + ["--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty, "--quiet printed: \(result.stderr)")

        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        let expected = Set([".nnreport", "README.md", "summary.json"] + Self.figures.flatMap { ["\($0.name).png", "\($0.name).csv"] })
        #expect(files == expected)
        // Nothing else (no staging leftovers) beside the report.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["approx"])

        // Every figure is a PNG of its figure's size, and the README links each with alt text.
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        for figure in Self.figures {
            let image = try PNGCodec.decode([UInt8](Data(contentsOf: out.appendingPathComponent("\(figure.name).png"))))
            #expect(image.width == Int(figure.size.width) && image.height == Int(figure.size.height), "\(figure.name).png")
            #expect(readme.contains("](\(figure.name).png)"), "README does not show \(figure.name).png")
        }
        #expect(!readme.contains("![]("))

        // summary.json holds the numbers the README's tables show.
        let summary = try JSONParser.parse([UInt8](Data(contentsOf: out.appendingPathComponent("summary.json"))))
        #expect(summary["report"]?.stringValue == "approx")
        #expect(summary["seed"]?.intValue == 5)
        #expect(summary["config"]?["starts"]?.intValue == 3)
        #expect(summary["config"]?["steps"]?.intValue == 1500)
        let levels = try #require(summary["staircase"]?["levels"]?.arrayValue)
        #expect(levels.compactMap { $0["boxes"]?.intValue } == [4, 8, 16, 32])
        let errors = levels.compactMap { $0["max_abs_error"]?.doubleValue }
        #expect(errors.count == 4 && zip(errors, errors.dropFirst()).allSatisfy { $0 > $1 }, "errors \(errors)")
        for (level, error) in zip([4, 8, 16, 32], errors) {
            #expect(readme.contains("| \(level) | "), "no staircase row for N = \(level)")
            #expect(readme.contains(" | \(ApproxText.significant(error)) | "), "README lacks max error \(error)")
        }
        let fits = try #require(summary["fits"]?.arrayValue)
        #expect(fits.count == 2)
        for (i, fit) in fits.enumerated() {
            #expect(fit["data_set"]?.intValue == i + 1)
            let starts = try #require(fit["starts"]?.arrayValue)
            #expect(starts.count == 3)
            let exact = starts.filter { $0["exact"]?.boolValue == true }.count
            #expect(fit["exact_starts"]?.intValue == exact)
            #expect(fit["best"]?["network"]?["hidden.weight"]?.arrayValue?.count == 4)
            #expect(fit["hand_built"]?["max_abs_residual"]?.doubleValue == 0)
            // The README's section of this data set: its outcome, its starts table and its note.
            #expect(readme.contains("### Data set \(i + 1): x = "))
            #expect(readme.contains("Of 3 random starts, \(exact) reached an exact fit"))
            let bestStart = try #require(fit["best_start"]?.intValue)
            #expect(readme.contains("| \(bestStart) ★ | "))
            if exact == 0 { #expect(readme.contains("**No start reached an exact fit.**")) }
        }
        #expect(fits[0]["turns"] == [4, 6, 8])
        #expect(fits[1]["turns"] == [3, 5])

        // CSVs: tidy curves, and every recorded step of every start.
        let box = try String(contentsOf: out.appendingPathComponent("box.csv"), encoding: .utf8)
        #expect(box.hasPrefix("series,x,y\nneuron_1,"))
        #expect(box.contains("\noutput,0,1.5\n"))
        let starts = try String(contentsOf: out.appendingPathComponent("starts_1.csv"), encoding: .utf8)
            .split(separator: "\n")
        #expect(starts.first == "start,step,loss,max_abs_residual,exact_at_end")
        #expect(starts.filter { $0.hasPrefix("3,1500,") }.count == 1)
        let errorCSV = try String(contentsOf: out.appendingPathComponent("box_error.csv"), encoding: .utf8)
        #expect(errorCSV.split(separator: "\n").count == 5)
    }

    @Test func theSameSeedGivesTheSameReport() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var folders: [URL] = []
        for name in ["a", "b"] {
            let out = root.appendingPathComponent(name)
            let result = try Self.run(Self.quickRun + ["--out", out.path])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            folders.append(out)
        }
        func summary(_ folder: URL) throws -> JSONValue {
            let value = try JSONParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent("summary.json"))))
            guard case .object(let members) = value else { return value }
            return .object(members.filter { !["fit_seconds", "started", "finished", "command"].contains($0.key) })
        }
        #expect(try summary(folders[0]) == summary(folders[1]))
        for figure in Self.figures {
            let a = try Data(contentsOf: folders[0].appendingPathComponent("\(figure.name).csv"))
            let b = try Data(contentsOf: folders[1].appendingPathComponent("\(figure.name).csv"))
            #expect(a == b, "\(figure.name).csv differs")
            // PNG text chunks carry the command, which differs in --out: compare pixels.
            let pa = try PNGCodec.decode([UInt8](Data(contentsOf: folders[0].appendingPathComponent("\(figure.name).png"))))
            let pb = try PNGCodec.decode([UInt8](Data(contentsOf: folders[1].appendingPathComponent("\(figure.name).png"))))
            #expect(pa == pb, "\(figure.name).png differs")
        }
        // The README differs only in the command line.
        let ra = try String(contentsOf: folders[0].appendingPathComponent("README.md"), encoding: .utf8)
        let rb = try String(contentsOf: folders[1].appendingPathComponent("README.md"), encoding: .utf8)
        #expect(ra.replacingOccurrences(of: folders[0].path, with: "OUT") == rb.replacingOccurrences(of: folders[1].path, with: "OUT"))
    }

    @Test(arguments: [
        (["--starts", "0"], "--starts"), (["--steps", "0"], "--steps"), (["--lr", "0"], "--lr"),
        (["--seed", "18014398509481985"], "--seed"), (["--scale", "3"], "--scale"),
    ])
    func badOptionsAreRefusedByName(arguments: [String], option: String) throws {
        let result = try Self.run(["approx"] + arguments + ["--out", "/nonexistent/never-written"])
        #expect(result.status != 0)
        #expect(result.stderr.contains(option), "stderr: \(result.stderr)")
    }

    @Test func formatsJsonAndGitHubSummary() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("vector")
        let summaryFile = root.appendingPathComponent("step-summary.md")
        let result = try Self.run(
            ["approx", "--starts", "2", "--steps", "200", "--format", "svg", "--format", "pdf", "--json", "--out", out.path,
             "--github-summary", summaryFile.path, "--title", "Approx | demo"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(files.contains("box.svg") && files.contains("box.pdf") && !files.contains("box.png"))
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.hasPrefix("# Approx | demo\n"))
        #expect(readme.contains("](staircases.svg)"))
        // --json prints summary.json itself.
        let printed = try JSONParser.parse(result.stdout)
        let written = try JSONParser.parse([UInt8](Data(contentsOf: out.appendingPathComponent("summary.json"))))
        #expect(printed == written)
        let step = try String(contentsOf: summaryFile, encoding: .utf8)
        #expect(step.contains("### Approx | demo"))
        #expect(step.contains("Data set 1, 4 ReLU units"))
        #expect(step.contains("Report folder: `"))

        // The folder exists now: a second run is refused unless --force.
        let again = try Self.run(["approx", "--starts", "1", "--steps", "10", "--quiet", "--out", out.path])
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists") && again.stderr.contains("--force"))
        let forced = try Self.run(["approx", "--starts", "1", "--steps", "10", "--quiet", "--force", "--out", out.path])
        #expect(forced.status == 0, "stderr: \(forced.stderr)")
    }
}
