import Foundation
import Testing

@testable import Metrics

@Suite struct LogReaderDetectionTests {
    @Test(arguments: [
        ("keras/new_names.csv", LogFormat.kerasCSV), ("keras/semicolon.csv", .kerasCSV),
        ("lightning/lightning_logs/version_0/metrics.csv", .lightningCSV),
        ("tensorboard/simple/events.out.tfevents.1700000000.fixture", .tensorBoard),
        ("dvclive/my-project/dvclive/plots/metrics/eval/loss.tsv", .dvclive),
        ("jsonl/metrics.jsonl", .nnreport),
        ("hf/out/trainer_state.json", .huggingFace), ("hf/out/checkpoint-8/trainer_state.json", .huggingFace),
        ("jsonlines/detectron2/metrics.json", .jsonLines),
        ("jsonlines/mmengine_visualizer/vis_data/scalars.json", .jsonLines),
        ("ultralytics/train/results.csv", .ultralytics), ("ultralytics/legacy-8.2.103/train/results.csv", .ultralytics),
        ("mlflow/sqlite/mlflow.db", .mlflow),
    ])
    func fixturesAreDetectedFromTheirContent(path: String, format: LogFormat) throws {
        let bytes = try Array(Data(contentsOf: Fixtures.url(path)))
        #expect(try LogReader.detect(bytes, fileName: "renamed.txt").get() == format)
    }

    @Test func theFormatsTriedAreListedForUnrecognisedContent() throws {
        let url = try Fixtures.temporaryFile("notes.txt", "just some words\nand more words\n")
        do {
            _ = try LogReader.read(url).logs
            Issue.record("expected an error")
        } catch {
            guard case .unrecognised(let path, let attempts) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == url.path)
            #expect(
                attempts.map(\.format) == [
                    .tensorBoard, .mlflow, .nnreport, .huggingFace, .jsonLines, .lightningCSV, .ultralytics, .kerasCSV,
                    .dvclive, .table,
                ])
            #expect(attempts[2].reason == "the first line does not start with '{'")
            #expect(attempts[9].reason == "the first line has no comma, tab or semicolon separated header")
            #expect(
                error.description.contains(
                    "--format-in keras-csv (Keras CSVLogger CSV): the first column is \"just some words\", not \"epoch\""
                ))
            #expect(error.description.hasSuffix("If you know the format, force it with --format-in."))
        }
    }

    @Test func anEmptyFileIsUnrecognisedWithEveryFormat() throws {
        let url = try Fixtures.temporaryFile("empty.csv", "")
        #expect(
            throws: MetricLogError.unrecognised(
                path: url.path,
                attempts: LogFormat.allCases.map { FormatAttempt(format: $0, reason: "the file is empty") })
        ) {
            try LogReader.read(url).logs
        }
    }

    @Test func anEmptyFolderListsWhatWasLookedFor() throws {
        let folder = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try LogReader.read(folder).logs
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("--format-in jsonl (nnreport metrics.jsonl): no metrics.jsonl"))
            #expect(
                error.description.contains(
                    "--format-in tensorboard (TensorBoard event file): no events.out.tfevents.* files"))
            #expect(error.description.contains("--format-in mlflow (MLflow tracking store): no MLflow store"))
        }
    }

    @Test func aMissingPathIsCannotRead() {
        #expect(throws: MetricLogError.cannotRead(path: "/nonexistent/metrics.jsonl", reason: "no such file or folder"))
        {
            try LogReader.read(URL(fileURLWithPath: "/nonexistent/metrics.jsonl")).logs
        }
    }

    @Test func aForcedFormatOnOtherContentIsAMalformedError() throws {
        let url = Fixtures.url("keras/new_names.csv")
        #expect(throws: MetricLogError.self) { try LogReader.read(url, format: .nnreport).logs }
        #expect(throws: MetricLogError.self) { try LogReader.read(url, format: .tensorBoard).logs }
        // A Keras file forced as a plain table is read with epoch as x.
        let table = try LogReader.read(url, format: .table).logs[0]
        #expect(table.format == .table)
        #expect(table.epochs("loss").first == 0, "a plain table's epochs are taken as written")
    }

    @Test func aFolderOfRunsGivesOneLogPerRunInPathOrder() throws {
        let root = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        for (name, source) in [
            ("a-tensorboard", "tensorboard/keras_run"), ("b-keras", "keras/new_names.csv"),
            ("c-dvclive", "dvclive/my-project"),
        ] {
            try fm.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
            let from = Fixtures.url(source)
            try fm.copyItem(
                at: from, to: root.appendingPathComponent(name).appendingPathComponent(from.lastPathComponent))
        }
        try fm.createDirectory(at: root.appendingPathComponent("d-unrelated"), withIntermediateDirectories: true)
        let logs = try LogReader.read(root).logs
        #expect(logs.map(\.format) == [.tensorBoard, .kerasCSV, .dvclive])
        #expect(logs.map(\.runName) == ["keras_run", "new_names", "my-project"])
    }

    @Test func runNames() {
        #expect(LogReader.runName(for: URL(fileURLWithPath: "/x/run-7/metrics.jsonl")) == "run-7")
        #expect(LogReader.runName(for: URL(fileURLWithPath: "/x/logs/train/events.out.tfevents.1.host")) == "logs")
        #expect(
            LogReader.runName(for: URL(fileURLWithPath: "/x/lightning_logs/version_3/metrics.csv"))
                == "lightning_logs/version_3")
        #expect(LogReader.runName(for: URL(fileURLWithPath: "/x/training.log")) == "training")
    }
}
