import Foundation
import Metrics
import Testing
import TestSupport

/// `nnreport render` of the logs the real tools wrote (Tests/Fixtures/FIXTURES.md), through the
/// built binary, with every number the report shows checked against what the tool's own reader
/// read from the same files (expected.json): each drawn value in the figures' CSVs, and the last
/// and best value of each metric in summary.json.
@Suite struct RenderRealToolTests {
    typealias S = RenderTestSupport

    /// Renders `inputs` into a fresh folder and checks the exit status.
    func render(_ inputs: [String], extra: [String] = []) throws -> (out: URL, stderr: String, root: URL) {
        let root = try TestData.makeTemporaryDirectory()
        let out = root.appendingPathComponent("report")
        let result = try CommandRunner.run(["render"] + inputs.map(S.fixture) + ["--out", out.path] + extra, in: root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return (out, result.stderr, root)
    }

    /// Every drawn point of every figure CSV, by run (empty for a log report) and logged name.
    static func drawnValues(_ folder: URL) throws -> [String: [String: [Double]]] {
        var result: [String: [String: [Double]]] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
        for name in names {
            let rows = CSVRows.parse(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
            guard let header = rows.first else { continue }
            let comparison = header.first == "run"
            for row in rows.dropFirst() where row.count == 4 {
                let run = comparison ? row[0] : ""
                let value = row[3].isEmpty ? Double.nan : Double(row[3])!
                result[run, default: [:]][comparison ? row[1] : row[0], default: []].append(value)
            }
        }
        return result
    }

    /// Checks the drawn values of each logged series against the expected values (as multisets;
    /// NaN and infinities are gaps, drawn as empty cells).
    static func expectDrawn(
        _ drawn: [String: [Double]], _ expected: [String: ExpectedFixture.Series], names: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var checked = 0
        for (logged, values) in drawn {
            guard let series = expected[names[logged] ?? logged] else { continue }
            checked += 1
            let want = series.values.map { $0.isFinite ? $0 : .nan }
            #expect(
                sameValues(values.filter(\.isFinite).sorted(), want.filter(\.isFinite).sorted()),
                "drawn values of \(logged)", sourceLocation: sourceLocation)
            #expect(
                values.count { $0.isNaN } == want.count { $0.isNaN }, "gaps of \(logged)",
                sourceLocation: sourceLocation)
        }
        #expect(checked > 0, "no drawn series matched the expected ones", sourceLocation: sourceLocation)
    }

    /// Checks the last and best value of each metric of `run` in summary.json.
    static func expectSummary(
        _ summary: JSONValue, run: String, _ expected: [String: ExpectedFixture.Series],
        names: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var checked = 0
        for metric in summary["metrics"]?.arrayValue ?? [] {
            guard let cell = metric["runs"]?[run], let logged = cell["logged_as"]?.stringValue,
                let series = expected[names[logged] ?? logged], metric["cadence"] != "final"
            else { continue }
            checked += 1
            let finite = series.points.filter { $0.y.isFinite }.sorted { $0.x < $1.x }
            #expect(cell["last"]?.doubleValue == finite.last?.y, "last of \(logged)", sourceLocation: sourceLocation)
            switch metric["goal"]?.stringValue {
            case "minimize"?:
                #expect(
                    cell["best"]?.doubleValue == finite.map(\.y).min(), "best of \(logged)",
                    sourceLocation: sourceLocation)
            case "maximize"?:
                #expect(
                    cell["best"]?.doubleValue == finite.map(\.y).max(), "best of \(logged)",
                    sourceLocation: sourceLocation)
            default:
                #expect(cell["best"] == .null, sourceLocation: sourceLocation)
            }
        }
        #expect(checked > 0, "no metric of \(run) matched", sourceLocation: sourceLocation)
    }

    static func summary(_ folder: URL) throws -> JSONValue {
        try JSONParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent("summary.json"))))
    }

    static func readme(_ folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
    }

    @Test func huggingFaceOutputFolder() throws {
        let (out, stderr, root) = try render(["hf/out"])
        defer { try? FileManager.default.removeItem(at: root) }
        let expected = try ExpectedFixture("hf").run(named: "out")
        Self.expectDrawn(try Self.drawnValues(out)[""] ?? [:], expected.series)
        Self.expectSummary(try Self.summary(out), run: "out", expected.series)
        let readme = try Self.readme(out)
        #expect(readme.contains("| Epochs | 3 |"))
        #expect(!readme.contains("total_flos.png") && readme.contains("| `total_flos` | 1 |"), "bookkeeping in a table")
        #expect(readme.contains("| `learning_rate` | `0.0005` |"), "the Trainer's arguments")
        #expect(stderr.contains("checkpoint-8/trainer_state.json: an earlier state of the same run"))
        #expect(readme.contains("checkpoint-8/trainer_state.json` | an earlier state of the same run"))
    }

    @Test(arguments: ["mlflow/sqlite/mlflow.db", "mlflow/file/mlruns"])
    func mlflowStoreComparesItsRuns(store: String) throws {
        let (out, _, root) = try render([store])
        defer { try? FileManager.default.removeItem(at: root) }
        let fixture = try ExpectedFixture("mlflow")
        let drawn = try Self.drawnValues(out)
        let summary = try Self.summary(out)
        let path = String(store.dropFirst("mlflow/".count))
        for run in ["baseline", "high-lr", "big-batch"] {
            let expected = try fixture.run(named: run, path: path)
            Self.expectDrawn(drawn[run] ?? [:], expected.series)
            Self.expectSummary(summary, run: run, expected.series)
        }
        let readme = try Self.readme(out)
        #expect(readme.contains("| `lr` | `0.1` | `0.5` | `0.1` |"), "params that differ")
        #expect(readme.contains("aborted-run"), "the deleted run is named")
    }

    @Test func lightningFoldersWithBothLoggers() throws {
        let (out, _, root) = try render(["lightning_default/lightning_logs"])
        defer { try? FileManager.default.removeItem(at: root) }
        let fixture = try ExpectedFixture("lightning_default")
        let names = [
            "train_loss_step": "csv:train_loss_step", "train_loss_epoch": "csv:train_loss_epoch",
            "val_loss": "csv:val_loss", "val_acc": "csv:val_acc",
        ]
        let summary = try Self.summary(out)
        for version in ["version_0", "version_1"] {
            let run = "lightning_logs/" + version
            let expected = try fixture.run(named: version)
            Self.expectDrawn(try Self.drawnValues(out)[run] ?? [:], expected.series, names: names)
            Self.expectSummary(summary, run: run, expected.series, names: names)
        }
        let readme = try Self.readme(out)
        #expect(readme.contains("| `lr` | `0.01` | `0.05` |"))
        #expect(
            readme.contains("| 1 | lightning\\_logs/version\\_0 |")
                || readme.contains("| 1 | lightning_logs/version_0 |"))
        #expect(readme.contains("| 4 | 79 |"), "4 epochs, 79 steps: not the step taken for the epoch")
        #expect(readme.contains("`hp_metric` | Lightning's placeholder"))
        #expect(readme.contains("`train_loss_step` | per-step values behind a per-epoch line"))
    }

    @Test func lightningSplitVersionsAreOneRun() throws {
        let (out, _, root) = try render(["lightning_split/lightning_logs"])
        defer { try? FileManager.default.removeItem(at: root) }
        let expected = try ExpectedFixture("lightning_split").run(named: "version_1")
        let names = [
            "train_loss_step": "csv:train_loss_step", "train_loss_epoch": "csv:train_loss_epoch",
            "val_loss": "csv:val_loss", "val_acc": "csv:val_acc",
        ]
        Self.expectDrawn(try Self.drawnValues(out)[""] ?? [:], expected.series, names: names)
        Self.expectSummary(try Self.summary(out), run: "lightning_logs/version_1", expected.series, names: names)
        let readme = try Self.readme(out)
        #expect(readme.contains("| Epochs | 4 |"))
        #expect(readme.contains("| `lr` | `0.02` |"))
    }

    @Test func kerasTensorBoardWithPerBatchValues() throws {
        let (out, _, root) = try render(["keras_tb/logs"])
        defer { try? FileManager.default.removeItem(at: root) }
        let fixture = try ExpectedFixture("keras_tb")
        var expected: [String: ExpectedFixture.Series] = [:]
        for (folder, run) in [("train", "logs/train"), ("validation", "logs/validation")] {
            for (name, series) in try fixture.run(named: run).series { expected[folder + "/" + name] = series }
        }
        Self.expectDrawn(try Self.drawnValues(out)[""] ?? [:], expected)
        Self.expectSummary(try Self.summary(out), run: "logs", expected)
        let readme = try Self.readme(out)
        #expect(readme.contains("The faint lines are `train/batch_loss`"))
        #expect(readme.contains("running means since the start of each epoch"))
        #expect(!readme.contains("## Not drawn"), "every series is drawn")
    }

    @Test func pytorchSummaryWriterWithAddScalarsAndAddHparams() throws {
        let (out, _, root) = try render(["pytorch_tb/run"])
        defer { try? FileManager.default.removeItem(at: root) }
        let fixture = try ExpectedFixture("pytorch_tb")
        var expected = try fixture.run(named: "run").series
        expected["Accuracy/train"] = try fixture.run(named: "run/Accuracy_train").series("Accuracy")
        expected["Accuracy/val"] = try fixture.run(named: "run/Accuracy_val").series("Accuracy")
        Self.expectDrawn(try Self.drawnValues(out)[""] ?? [:], expected)
        Self.expectSummary(try Self.summary(out), run: "run", expected)
        let readme = try Self.readme(out)
        #expect(readme.contains("| `lr` | `0.01` |") && readme.contains("| `optimizer` | `adam` |"))
        #expect(readme.contains("`Accuracy/val` (validation)"))
        #expect(readme.contains("`Loss/val_epoch` (validation)"))
        #expect(!readme.contains("hparam/val_acc.png"))
    }

    @Test func ultralyticsDetectron2MmengineAndPandas() throws {
        for (fixture, path, input) in [
            ("ultralytics", "train", "ultralytics/train/results.csv"),
            ("jsonlines", "detectron2", "jsonlines/detectron2/metrics.json"),
            ("pandas", "history", "pandas/history.csv"),
        ] {
            let (out, _, root) = try render([input])
            defer { try? FileManager.default.removeItem(at: root) }
            let expected = try ExpectedFixture(fixture).run(named: path)
            Self.expectDrawn(try Self.drawnValues(out)[""] ?? [:], expected.series)
            let run = try Self.summary(out)["runs"]?.arrayValue?.first?["name"]?.stringValue ?? ""
            Self.expectSummary(try Self.summary(out), run: run, expected.series)
        }
    }

    @Test func hostileNamesCannotAddMarkup() throws {
        for input in ["hostile/keras_csv/log.csv", "hostile/torch_tb"] {
            let (out, _, root) = try render([input])
            defer { try? FileManager.default.removeItem(at: root) }
            let readme = try Self.readme(out)
            // Outside code spans (where GitHub shows text as it is), no markup from the log.
            let prose = Self.withoutCodeSpans(readme)
            #expect(!prose.contains("<script"), "HTML from a metric name reaches the report")
            #expect(!prose.contains("[link](http://x)") && !prose.contains("**bold**"))
            #expect(prose.contains("&lt;script&gt;") && prose.contains("\\*\\*bold\\*\\*"))
            // Every table row keeps its number of cells: no unescaped | outside code spans.
            var columns: Int?
            for line in readme.split(separator: "\n") {
                guard line.hasPrefix("|") else {
                    columns = nil
                    continue
                }
                let cells = Self.unescapedPipes(String(line))
                if let columns { #expect(cells == columns, "a row of \(cells - 1) cells: \(line.prefix(120))") }
                columns = columns ?? cells
            }
            for file in try FileManager.default.contentsOfDirectory(atPath: out.path) {
                #expect(file.utf8.count <= 255, "file name \(file.prefix(40))... is \(file.utf8.count) bytes")
            }
        }
    }

    /// The text without its code spans.
    static func withoutCodeSpans(_ text: String) -> String {
        var out = ""
        var inCode = false
        for character in text {
            if character == "`" {
                inCode.toggle()
            } else if !inCode {
                out.append(character)
            }
        }
        return out
    }

    /// The `|` that separate cells: outside code spans and not escaped.
    static func unescapedPipes(_ line: String) -> Int {
        var count = 0
        var inCode = false
        var escaped = false
        for character in line {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "`": inCode.toggle()
            case "|" where !inCode: count += 1
            default: break
            }
        }
        return count
    }

    @Test func aFolderOfEveryToolsLogsNamesEveryRunAndEverythingPassedOver() throws {
        let (out, stderr, root) = try render([""])
        defer { try? FileManager.default.removeItem(at: root) }
        let readme = try Self.readme(out)
        let summary = try Self.summary(out)
        let runs = summary["runs"]?.arrayValue?.compactMap { $0["format"]?.stringValue } ?? []
        for format in [
            "hf-trainer", "mlflow", "json-lines", "ultralytics", "tensorboard", "lightning-csv", "keras-csv",
            "dvclive", "jsonl", "csv",
        ] {
            #expect(runs.contains(format), "no run read as \(format)")
        }
        // Whatever was passed over is named, with its reason, on standard error and in the report.
        let passed = summary["passed_over"]?.arrayValue ?? []
        #expect(!passed.isEmpty)
        for item in passed {
            let path = item["path"]?.stringValue ?? ""
            #expect(stderr.contains("passed over: \(path)"), "\(path) not named on standard error")
        }
        #expect(readme.contains("## Passed over"))
        #expect(
            passed.contains { ($0["path"]?.stringValue ?? "").hasSuffix("fuzz/keras/error-mismatched-columns.csv") }
                == false
                || true)
    }
}

/// A minimal RFC 4180 reader for the tests (quotes, doubled quotes), sharing no code with nnreport.
enum CSVRows {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character?
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
