import ChartsCairo
import Foundation
import Metrics
import Report
import Testing
import TestSupport

/// Runs the built `nnreport` binary on a small real-MNIST subset and checks the report folder.
@Suite(.serialized) struct EndToEndTests {
    /// A quick run: 2,000 training images, a small network, two epochs.
    static let quickRun = [
        "mnist", "--train-limit", "2000", "--validation", "1000", "--hidden", "32", "--epochs", "2",
        "--batch-size", "64", "--lr", "0.003", "--lr-schedule", "constant", "--seed", "7", "--quiet",
    ]

    static var dataEnvironment: [String: String] { ["NNREPORT_DATA": TestData.dataRoot.path] }

    static let expectedFiles = [
        "README.md", "metrics.jsonl", "metrics.csv", "summary.json", "model.safetensors",
        "curves.png", "loss.png", "accuracy.png", "weights.png", "samples.png", "predictions.png",
        "confusion.png", "misclassified.png", "per_class.png",
        "curves.csv", "loss.csv", "accuracy.csv", "weights.csv", "samples.csv", "predictions.csv",
        "confusion.csv", "misclassified.csv", "per_class.csv", "test_predictions.csv",
    ]

    @Test func mnistWritesACompleteReportFolder() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("report")
        let result = try CommandRunner.run(Self.quickRun + ["--out", out.path], environment: Self.dataEnvironment)
        #expect(result.status == 0, "stderr: \(result.stderr)")

        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        for name in Self.expectedFiles {
            #expect(files.contains(name), "missing \(name)")
        }
        // Nothing else (no staging leftovers) beside the report.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["report"])

        // Every image the README links is a PNG that decodes to the figure's size.
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        let links = Self.imageLinks(in: readme)
        #expect(links.count >= 7, "README links \(links)")
        for link in links {
            #expect(!link.alt.isEmpty, "image \(link.file) has no alt text")
            let bytes = try [UInt8](Data(contentsOf: out.appendingPathComponent(link.file)))
            let image = try PNGCodec.decode(bytes)
            #expect(image.width > 100 && image.height > 100, "\(link.file) is \(image.width)x\(image.height)")
            #expect(image.pixels.count == image.width * image.height * 4)
        }
        let curves = try PNGCodec.decode([UInt8](Data(contentsOf: out.appendingPathComponent("curves.png"))))
        #expect(
            curves.width == Int(ReportFigures.curvesSize.width) && curves.height == Int(ReportFigures.curvesSize.height)
        )

        // summary.json carries the fields of Docs/Architecture.md, computed from this run.
        let summary = try JSONParser.parse([UInt8](Data(contentsOf: out.appendingPathComponent("summary.json"))))
        for key in [
            "dataset", "preset", "config", "layers", "input_transform", "test_accuracy", "test_loss", "best_epoch",
            "epochs_run", "train_seconds", "samples_per_second", "seed", "version", "command",
        ] {
            #expect(summary[key] != nil, "summary.json lacks \(key)")
        }
        #expect(summary["dataset"]?.stringValue == "mnist")
        #expect(summary["epochs_run"]?.intValue == 2)
        #expect(summary["seed"]?.intValue == 7)
        let accuracy = try #require(summary["test_accuracy"]?.doubleValue)
        #expect(accuracy > 0.8 && accuracy < 1, "test accuracy \(accuracy)")
        #expect(summary["layers"]?.arrayValue?.count == 2)
        #expect(summary["layers"]?.arrayValue?.last?["activation"]?.stringValue == "softmax")
        #expect(readme.contains(ReportNumberFormat.percent(accuracy)))

        // metrics.jsonl: run first, end last, epochs in between; metrics.csv has Keras columns.
        let lines = try String(contentsOf: out.appendingPathComponent("metrics.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(lines.first?["event"]?.stringValue == "run")
        #expect(lines.last?["event"]?.stringValue == "end")
        #expect(lines.last?["status"]?.stringValue == "completed")
        #expect(lines.filter { $0["event"]?.stringValue == "epoch" }.count == 2)
        let csv = try String(contentsOf: out.appendingPathComponent("metrics.csv"), encoding: .utf8)
        // Keras's CSVLogger writes through Python's csv module: CRLF line ends, epochs from 0.
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows.first == "epoch,accuracy,loss,lr,val_accuracy,val_loss")
        #expect(rows.dropFirst().first?.hasPrefix("0,") == true)

        // model.safetensors: header names nn.Linear tensors with [out, in] shapes.
        let model = try Data(contentsOf: out.appendingPathComponent("model.safetensors"))
        let headerLength = model.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let header = try JSONParser.parse([UInt8](model.subdata(in: 8..<(8 + headerLength))))
        #expect(header["layers.0.weight"]?["shape"] == [32, 784])
        #expect(header["layers.1.bias"]?["shape"] == [10])
    }

    @Test func twoRunsWithTheSameSeedGiveTheSameMetricsAndImages() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var folders: [URL] = []
        for name in ["a", "b"] {
            let out = root.appendingPathComponent(name)
            let result = try CommandRunner.run(Self.quickRun + ["--out", out.path], environment: Self.dataEnvironment)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            folders.append(out)
        }
        func withoutTimes(_ url: URL) throws -> [JSONValue] {
            try String(contentsOf: url.appendingPathComponent("metrics.jsonl"), encoding: .utf8)
                .split(separator: "\n").map {
                    Self.dropping(MetricEvent.timeFields, from: try JSONParser.parse(String($0)))
                }
        }
        #expect(try withoutTimes(folders[0]) == withoutTimes(folders[1]))
        let summaryTimes: Set<String> = [
            "train_seconds", "wall_seconds", "samples_per_second", "started", "finished", "command",
        ]
        let s0 = Self.dropping(
            summaryTimes,
            from: try JSONParser.parse([UInt8](Data(contentsOf: folders[0].appendingPathComponent("summary.json")))))
        let s1 = Self.dropping(
            summaryTimes,
            from: try JSONParser.parse([UInt8](Data(contentsOf: folders[1].appendingPathComponent("summary.json")))))
        #expect(s0 == s1)
        for file in Self.expectedFiles
        where file.hasSuffix(".png") || file == "model.safetensors" || file.hasSuffix(".csv") && file != "metrics.csv" {
            let a = try Data(contentsOf: folders[0].appendingPathComponent(file))
            let b = try Data(contentsOf: folders[1].appendingPathComponent(file))
            // PNG text chunks carry the command, which differs only in --out; compare pixels for PNGs.
            if file.hasSuffix(".png") {
                #expect(try PNGCodec.decode([UInt8](a)) == PNGCodec.decode([UInt8](b)), "\(file) differs")
            } else {
                #expect(a == b, "\(file) differs")
            }
        }
    }

    /// What OptionErrorTests checks in process, once as a real process: a refusal writes nothing.
    @Test(arguments: [(["mnist", "--epochs", "0"], "--epochs"), (["mnist", "--activation", "gelu"], "--activation")])
    func outOfRangeOptionsAreRefusedBeforeAnyWork(arguments: [String], option: String) throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(arguments + ["--out", root.appendingPathComponent("r").path], in: root)
        #expect(result.status != 0)
        #expect(result.stderr.contains(option), "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"), "stderr: \(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }

    @Test func aMissingDatasetListsEveryPlaceTriedAndWritesNothing() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let empty = root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let result = try CommandRunner.run(
            ["mnist", "--data-dir", empty.path, "--out", root.appendingPathComponent("r").path], in: root)
        #expect(result.status != 0)
        #expect(result.stderr.contains(empty.path), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("train-images-idx3-ubyte"), "stderr: \(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["empty"])
    }

    @Test func anExistingNonEmptyOutputFolderIsRefusedWithoutForce() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("report")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let result = try CommandRunner.run(Self.quickRun + ["--out", out.path], environment: Self.dataEnvironment)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--force"), "stderr: \(result.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep")
    }

    @Test func jsonPrintsTheSummaryAndTheGitHubSummaryIsAppended() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let stepSummary = root.appendingPathComponent("step-summary.md")
        try Data("# earlier step\n".utf8).write(to: stepSummary)
        let result = try CommandRunner.run(
            Self.quickRun + [
                "--out", root.appendingPathComponent("r").path, "--json", "--github-summary", stepSummary.path,
            ],
            environment: Self.dataEnvironment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let printed = try JSONParser.parse(result.stdout)
        #expect(printed["dataset"]?.stringValue == "mnist")
        let summary = try String(contentsOf: stepSummary, encoding: .utf8)
        #expect(summary.hasPrefix("# earlier step\n"))
        #expect(summary.contains("| Test accuracy |"))
        #expect(summary.contains("▁") || summary.contains("█"))
        #expect(!summary.contains(".png"))
    }

    static func imageLinks(in markdown: String) -> [(alt: String, file: String)] {
        var links: [(String, String)] = []
        var rest = Substring(markdown)
        while let start = rest.range(of: "![") {
            rest = rest[start.upperBound...]
            guard let close = rest.range(of: "]("), let end = rest[close.upperBound...].firstIndex(of: ")") else {
                break
            }
            links.append((String(rest[..<close.lowerBound]), String(rest[close.upperBound..<end])))
            rest = rest[end...]
        }
        return links
    }

    static func dropping(_ keys: Set<String>, from value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(members.filter { !keys.contains($0.key) }.map { ($0.key, dropping(keys, from: $0.value)) })
        case .array(let items):
            return .array(items.map { dropping(keys, from: $0) })
        default:
            return value
        }
    }
}
