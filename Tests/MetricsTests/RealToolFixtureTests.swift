import Foundation
import Testing
import TestSupport

@testable import Metrics

/// Every fixture written by a real tool (Tests/Fixtures/FIXTURES.md), read by nnreport and
/// compared with what the tool's own reader read back (expected.json, parsed with Foundation):
/// each value, at the step or epoch the writer gave it.
enum RealTool {
    /// The series logged as `name`.
    static func series(_ log: MetricLog, _ name: String, cadence: MetricCadence? = nil) throws -> MetricSeries {
        let found = log.series.first { $0.originalName == name && (cadence == nil || $0.cadence == cadence) }
        return try #require(found, "\(log.runName) has no series \(name); it has \(log.series.map(\.originalName))")
    }

    /// Checks that `name` holds the expected values at the expected x, read from each point by `x`.
    static func expect(
        _ log: MetricLog, _ name: String, equals expected: ExpectedFixture.Series, cadence: MetricCadence? = nil,
        x: (MetricPoint) -> Double?, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let series = try series(log, name, cadence: cadence)
        let pairs = series.points.map { (x($0) ?? .nan, $0.value) }.sorted { $0.0 < $1.0 }
        // Infinite values are gaps in nnreport's lines, as NaN is.
        let wanted = expected.points.sorted { $0.x < $1.x }.map { ($0.x, $0.y.isInfinite ? Double.nan : $0.y) }
        #expect(pairs.map(\.0) == wanted.map(\.0), "x of \(name)", sourceLocation: sourceLocation)
        #expect(sameValues(pairs.map(\.1), wanted.map(\.1)), "values of \(name)", sourceLocation: sourceLocation)
    }

    static func step(_ point: MetricPoint) -> Double? { point.step.map(Double.init) }
    static func epoch(_ point: MetricPoint) -> Double? { point.epoch }
}

@Suite struct HuggingFaceFixtureTests {
    @Test func anOutputFolderIsOneRunFromItsMostCompleteState() throws {
        let expected = try ExpectedFixture("hf").run(named: "out")
        let collection = try LogReader.read(Fixtures.url("hf/out"))
        try #require(collection.logs.count == 1)
        let log = collection.logs[0]
        #expect(log.format == .huggingFace)
        #expect(log.runName == "out")
        for name in [
            "loss", "grad_norm", "learning_rate", "eval_loss", "eval_accuracy", "eval_runtime",
            "eval_samples_per_second", "eval_steps_per_second",
        ] {
            try RealTool.expect(log, name, equals: try expected.series(name), x: RealTool.step)
        }
        // Fractional epochs are positions: the Trainer's `epoch` at each step.
        let epochAt = Dictionary(try expected.series("epoch").points.map { ($0.x, $0.y) }, uniquingKeysWith: { $1 })
        let loss = try RealTool.series(log, "loss")
        #expect(loss.epochIsPosition && loss.cadence == .step)
        #expect(loss.points.map(\.epoch) == loss.points.map { epochAt[Double($0.step!)] })
        #expect(loss.name.split == .train && loss.name.splitIsStated)
        let evalLoss = try RealTool.series(log, "eval_loss")
        #expect(evalLoss.cadence == .epoch && evalLoss.points.map(\.epoch) == [1, 2, 3])
        // The final summary entry gives final values.
        for name in ["train_loss", "train_runtime", "total_flos", "train_samples_per_second"] {
            let value = try #require(log.finalValues.first { $0.name == name }?.value)
            #expect(value == (try expected.series(name)).values.first)
        }
        // The Trainer's arguments from the TensorBoard logs beside it.
        #expect(log.hyperparameter("learning_rate") == .number(expected.hyperparameters["learning_rate"] as! Double))
        #expect(log.hyperparameter("train_batch_size") == 8)
        let skipped = collection.skipped.map {
            URL(fileURLWithPath: $0.path).pathComponents.suffix(2).joined(separator: "/")
        }
        #expect(
            Set(skipped).isSuperset(of: [
                "checkpoint-8/trainer_state.json", "checkpoint-16/trainer_state.json",
                "checkpoint-24/trainer_state.json", "runs/Jan01_00-00-00_fixture", "out/all_results.json",
            ]))
    }

    @Test func twoOutputFoldersAreTwoRunsThatDifferInTheirLearningRate() throws {
        let logs = try LogReader.read(Fixtures.url("hf")).logs
        #expect(logs.map(\.runName) == ["out", "out-lr2"])
        #expect(MetricLog.differingHyperparameters(logs).contains("learning_rate"))
    }

    @Test func theTensorBoardLogsAloneUseTheLoggedEpochAsPosition() throws {
        let expected = try ExpectedFixture("hf").run(named: "out")
        let log = try Fixtures.read("hf/out/runs/Jan01_00-00-00_fixture")
        #expect(log.format == .tensorBoard)
        for tag in ["train/loss", "train/grad_norm", "eval/loss", "eval/accuracy"] {
            try RealTool.expect(log, tag, equals: try expected.series("tb:" + tag), x: RealTool.step)
        }
        let loss = try RealTool.series(log, "train/loss")
        #expect(loss.epochIsPosition)
        #expect(loss.points.first?.epoch == 0.25 && loss.points.last?.epoch == 3)
        #expect(log.hyperparameter("learning_rate") == 0.0005, "from the args/text_summary text")
        let groups = log.chartPlan().groups
        #expect(groups.first?.xAxis == .epoch && groups.first?.integerX == false)
        #expect(log.chartPlan().bookkeeping.map(\.originalName).contains("train/epoch"))
    }

    @Test func aCheckpointStateAloneLacksTheFinalEntry() throws {
        let log = try Fixtures.read("hf/out/checkpoint-8/trainer_state.json")
        #expect(log.format == .huggingFace)
        #expect(log.runName == "out", "a checkpoint folder is named after the output folder above it")
        #expect(log.finalValues.isEmpty)
        #expect(try RealTool.series(log, "loss").points.map(\.step) == [2, 4, 6, 8])
    }
}

@Suite struct MLflowFixtureTests {
    @Test(arguments: ["file/mlruns", "sqlite/mlflow.db"])
    func everyActiveRunWithItsParamsAndValues(store: String) throws {
        let fixture = try ExpectedFixture("mlflow")
        let collection = try LogReader.read(Fixtures.url("mlflow/" + store))
        #expect(collection.logs.map(\.runName) == ["baseline", "high-lr", "big-batch"])
        #expect(collection.skipped.contains { $0.path.contains("aborted-run") || $0.reason.contains("aborted-run") })
        for log in collection.logs {
            let expected = try fixture.run(named: log.runName, path: store)
            #expect(log.format == .mlflow)
            #expect(log.status == "completed")
            for (name, series) in expected.series {
                try RealTool.expect(log, name, equals: series, x: RealTool.step)
            }
            for (key, value) in expected.hyperparameters {
                #expect(log.hyperparameter(key) == .string(value as! String), "param \(key)")
            }
        }
        let highLR = try #require(collection.logs.first { $0.runName == "high-lr" })
        #expect(try RealTool.series(highLR, "val_loss").points[3].value.isNaN, "is_nan / nan is a gap")
        #expect(MetricLog.differingHyperparameters(collection.logs) == ["batch_size", "lr"])
    }

    @Test func aRunFolderAloneIsOneRun() throws {
        let store = Fixtures.url("mlflow/file/mlruns")
        let experiment = try #require(
            try FileManager.default.contentsOfDirectory(atPath: store.path).first { !$0.hasPrefix(".") })
        let runs = try FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent(experiment).path)
            .filter { $0.count == 32 }
        var names: [String] = []
        for run in runs {
            do {
                let logs = try LogReader.read(store.appendingPathComponent(experiment).appendingPathComponent(run))
                names += logs.logs.map(\.runName)
            } catch {
                #expect(error.description.contains("run 'aborted-run' is deleted in MLflow"), "\(error)")
            }
        }
        #expect(Set(names) == ["baseline", "high-lr", "big-batch"])
    }

    @Test func aSQLiteFileThatIsNotMLflowIsRefusedWithTheTablesMissing() throws {
        let folder = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("other.db")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", "import sqlite3,sys; sqlite3.connect(sys.argv[1]).execute('create table t(x)')", url.path,
        ]
        try process.run()
        process.waitUntilExit()
        #expect(throws: MetricLogError.self) { try LogReader.read(url) }
        do {
            _ = try LogReader.read(url)
        } catch {
            #expect(error.description.contains("without the tables experiments, runs, metrics, params"))
        }
    }
}

@Suite struct JSONLinesFixtureTests {
    @Test func detectron2MetricsByIteration() throws {
        let expected = try ExpectedFixture("jsonlines").run(named: "detectron2")
        let log = try Fixtures.read("jsonlines/detectron2/metrics.json")
        #expect(log.format == .jsonLines)
        #expect(log.xColumn == "iteration")
        for (name, series) in expected.series {
            try RealTool.expect(log, name, equals: series, x: RealTool.step)
        }
        // Lines come as iterations 19, 39, 29, 59, 60: sorted, nothing dropped.
        #expect(try RealTool.series(log, "bbox/AP").points.map(\.step) == [29, 60])
    }

    @Test func mmengineRunnerValidationLinesCountEpochs() throws {
        let expected = try ExpectedFixture("jsonlines").run(named: "mmengine_runner")
        let collection = try LogReader.read(Fixtures.url("jsonlines/mmengine_runner"))
        try #require(collection.logs.count == 1, "scalars.json and <timestamp>.json hold the same values")
        #expect(collection.skipped.first?.reason.contains("the same values as scalars.json") == true)
        let log = collection.logs[0]
        for name in ["lr", "loss"] {
            try RealTool.expect(log, name, equals: try expected.series(name), cadence: .step, x: RealTool.step)
        }
        try RealTool.expect(log, "accuracy", equals: try expected.series("accuracy"), x: RealTool.epoch)
        let accuracy = try RealTool.series(log, "accuracy")
        #expect(accuracy.cadence == .epoch && accuracy.name.split == .validation)
        // Training lines know their epoch (1-based, as mmengine counts).
        let epochAt = Dictionary(try expected.series("epoch").points.map { ($0.x, $0.y) }, uniquingKeysWith: { $1 })
        #expect(
            try RealTool.series(log, "loss").points.map(\.epoch)
                == (try RealTool.series(log, "loss")).points.map { epochAt[Double($0.step!)] })
    }

    @Test func mmengineVisualizerLinesByStep() throws {
        let expected = try ExpectedFixture("jsonlines").run(named: "mmengine_visualizer")
        let log = try Fixtures.read("jsonlines/mmengine_visualizer/vis_data/scalars.json")
        for (name, series) in expected.series {
            try RealTool.expect(log, name, equals: series, x: RealTool.step)
        }
    }
}

@Suite struct UltralyticsFixtureTests {
    @Test(arguments: ["train", "legacy-8.2.103/train"])
    func epochsCountFromOneAndMetricsAreValidation(path: String) throws {
        let expected = try ExpectedFixture("ultralytics").run(named: path)
        let log = try Fixtures.read("ultralytics/\(path)/results.csv")
        #expect(log.format == .ultralytics)
        #expect(log.runName == "train")
        for (name, series) in expected.series {
            try RealTool.expect(log, name, equals: series, x: RealTool.epoch)
        }
        let map50 = try RealTool.series(log, "metrics/mAP50(B)")
        #expect(map50.name.split == .validation && map50.name.label == "mAP50(B)")
        #expect(try RealTool.series(log, "val/box_loss").name.split == .validation)
        #expect(try RealTool.series(log, "lr/pg1").name.line == "pg1")
        #expect(log.hyperparameter("epochs") == 3, "args.yaml beside it")
        #expect(log.chartPlan().groups.allSatisfy { $0.xAxis == .epoch })
    }
}

@Suite struct TensorBoardWritersFixtureTests {
    @Test func pytorchAddScalarsAndAddHparams() throws {
        let fixture = try ExpectedFixture("pytorch_tb")
        let log = try Fixtures.read("pytorch_tb/run")
        let own = try fixture.run(named: "run")
        for (name, series) in own.series {
            try RealTool.expect(log, name, equals: series, x: RealTool.step)
        }
        try RealTool.expect(
            log, "Accuracy/train", equals: try fixture.run(named: "run/Accuracy_train").series("Accuracy"),
            x: RealTool.step)
        try RealTool.expect(
            log, "Accuracy/val", equals: try fixture.run(named: "run/Accuracy_val").series("Accuracy"), x: RealTool.step
        )
        #expect(try RealTool.series(log, "Accuracy/val").name.split == .validation)
        #expect(try RealTool.series(log, "Loss/val_epoch").name.split == .validation)
        let groups = log.chartPlan().groups
        let accuracy = try #require(groups.first { $0.quantity == "accuracy" })
        #expect(accuracy.lines.map(\.split) == [.train, .validation])
        #expect(accuracy.label == "Accuracy", "case kept")
        // add_hparams: hyperparameters and a final value, no chart of its own.
        let hparams = try fixture.run(named: "run/hparams")
        #expect(log.hyperparameter("lr") == .number(hparams.hyperparameters["lr"] as! Double))
        #expect(log.hyperparameter("optimizer") == "adam")
        #expect(log.finalValues.map(\.name) == ["val_acc"])
        #expect(log.finalValues.first?.value == (try hparams.series("hparam/val_acc")).values.first)
        #expect(!groups.contains { $0.label.contains("hparam") })
        #expect(!log.notes.contains { $0.contains("epoch_*") }, "no Keras note without epoch_ tags")
    }

    @Test func tensorboardXAddScalarsAreLinesOfOneChart() throws {
        let fixture = try ExpectedFixture("tensorboardx_scalars")
        let log = try Fixtures.read("tensorboardx_scalars/run")
        try RealTool.expect(
            log, "grouped/a", equals: try fixture.run(named: "run/grouped/a").series("grouped"), x: RealTool.step)
        try RealTool.expect(
            log, "grouped/b", equals: try fixture.run(named: "run/grouped/b").series("grouped"), x: RealTool.step)
        let grouped = try #require(log.chartPlan().groups.first { $0.quantity == "grouped" })
        #expect(grouped.lines.map(\.series.name.line) == ["a", "b"])
        #expect(grouped.integerX, "integer steps get integer ticks")
    }

    @Test func kerasBatchAndEvaluationTagsArePlacedInEpochs() throws {
        let fixture = try ExpectedFixture("keras_tb")
        let log = try Fixtures.read("keras_tb/logs")
        let train = try fixture.run(named: "logs/train")
        let validation = try fixture.run(named: "logs/validation")
        // epoch_* at step = 0-based epoch: stored 1-based.
        try RealTool.expect(
            log, "train/epoch_loss", equals: try train.series("epoch_loss"), x: { $0.epoch.map { $0 - 1 } })
        try RealTool.expect(
            log, "validation/epoch_loss", equals: try validation.series("epoch_loss"), x: { $0.epoch.map { $0 - 1 } })
        try RealTool.expect(log, "train/batch_loss", equals: try train.series("batch_loss"), x: RealTool.step)
        try RealTool.expect(
            log, "validation/evaluation_loss_vs_iterations",
            equals: try validation.series("evaluation_loss_vs_iterations"),
            x: RealTool.step)
        let plan = log.chartPlan()
        #expect(plan.undrawn.isEmpty)
        let loss = try #require(plan.groups.first { $0.quantity == "loss" })
        #expect(loss.xAxis == .epoch)
        let batch = try #require(loss.lines.first { $0.series.originalName == "train/batch_loss" })
        #expect(batch.isBackground)
        // 4 batches per epoch, steps 1..12: batch 4 ends epoch 1.
        #expect(batch.points.map(\.x) == (1...12).map { Double($0) / 4 })
        #expect(plan.groups.count == 3, "loss, accuracy, learning rate: nothing left in a chart of its own")
    }

    @Test func lightningTensorBoardAloneTakesEpochsFromTheEpochScalar() throws {
        let fixture = try ExpectedFixture("lightning_split").run(named: "version_0")
        let log = try Fixtures.read("lightning_split/lightning_logs/version_0")
        #expect(log.format == .tensorBoard)
        try RealTool.expect(log, "val_loss", equals: try fixture.series("tb:val_loss"), x: RealTool.step)
        let val = try RealTool.series(log, "val_loss")
        #expect(val.cadence == .epoch && val.points.map(\.epoch) == [1, 2, 3, 4], "not the step as the epoch")
        #expect(log.stepOffset == 1)
        let plan = log.chartPlan()
        #expect(plan.undrawn.map(\.series.originalName) == ["hp_metric"])
        #expect(plan.bookkeeping.map(\.originalName) == ["epoch"])
        let loss = try #require(plan.groups.first { $0.quantity == "loss" })
        #expect(loss.xAxis == .epoch)
        let step = try #require(loss.lines.first { $0.series.originalName == "train_loss_step" })
        // Logged at steps 4, 9, ... (0-based): step 19 completes epoch 1 of 20 steps.
        #expect(step.points.first?.x == 0.25 && step.points[3].x == 1)
        #expect(log.hyperparameter("lr") == 0.02, "from hparams.yaml")
    }
}

@Suite struct LightningFolderFixtureTests {
    @Test func aVersionFolderIsReadFromItsCSVWithTheEventFileNamed() throws {
        let fixture = try ExpectedFixture("lightning_default")
        let collection = try LogReader.read(Fixtures.url("lightning_default/lightning_logs"))
        #expect(collection.logs.map(\.runName) == ["lightning_logs/version_0", "lightning_logs/version_1"])
        for log in collection.logs {
            #expect(log.format == .lightningCSV)
            let expected = try fixture.run(named: String(log.runName.split(separator: "/").last!))
            for column in ["train_loss_step", "train_loss_epoch", "val_loss", "val_acc"] {
                try RealTool.expect(log, column, equals: try expected.series("csv:" + column), x: RealTool.step)
            }
            #expect(log.series.filter { $0.originalName == "val_loss" }.count == 1, "never the same value twice")
            #expect(log.chartPlan().undrawn.map(\.series.originalName) == ["hp_metric"])
        }
        #expect(collection.skipped.count == 2)
        #expect(collection.skipped.allSatisfy { $0.reason.hasPrefix("the same values as metrics.csv") })
        #expect(MetricLog.differingHyperparameters(collection.logs) == ["lr"])
    }

    @Test func versionsSplitBetweenTheLoggersArePairedByTheirHparams() throws {
        let fixture = try ExpectedFixture("lightning_split").run(named: "version_1")
        let collection = try LogReader.read(Fixtures.url("lightning_split/lightning_logs"))
        try #require(collection.logs.count == 1)
        let log = collection.logs[0]
        #expect(log.runName == "lightning_logs/version_1")
        try RealTool.expect(log, "train_loss_step", equals: try fixture.series("csv:train_loss_step"), x: RealTool.step)
        #expect(log.notes.contains { $0.hasPrefix("Joined with version_0") })
        #expect(collection.skipped.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["version_0"])
    }
}

@Suite struct TableAndDVCLiveFixtureTests {
    @Test func pandasIndexColumnIsTheXAxis() throws {
        let expected = try ExpectedFixture("pandas").run(named: "history")
        let log = try Fixtures.read("pandas/history.csv")
        #expect(log.format == .table)
        #expect(log.xColumn == "index")
        for (name, series) in expected.series {
            try RealTool.expect(log, name, equals: series, x: RealTool.step)
        }
        #expect(log.chartPlan().groups.allSatisfy { !$0.label.isEmpty && $0.xLabel == "index" })
    }

    @Test func pandasEpochIndexIsNotTakenForKeras() throws {
        let expected = try ExpectedFixture("pandas").run(named: "history_epoch_index")
        let log = try Fixtures.read("pandas/history_epoch_index.csv")
        #expect(log.format == .table, "epoch counted from 1 and unsorted columns: not a Keras CSVLogger file")
        for (name, series) in expected.series {
            try RealTool.expect(log, name, equals: series, x: RealTool.epoch)
        }
    }

    @Test func pandasWithoutIndexNumbersRows() throws {
        let expected = try ExpectedFixture("pandas").run(named: "history_noindex")
        let log = try Fixtures.read("pandas/history_noindex.csv")
        for (name, series) in expected.series {
            // The rows are numbered from 1; pandas' own x counts from 0.
            try RealTool.expect(log, name, equals: series, x: { $0.step.map { Double($0 - 1) } })
        }
    }

    @Test func dvcliveValidationOnlyWithItsSummary() throws {
        let expected = try ExpectedFixture("dvclive_val_only").run(named: "dvclive")
        let log = try Fixtures.read("dvclive_val_only")
        for (name, series) in expected.series {
            try RealTool.expect(log, name, equals: series, x: RealTool.step)
            #expect(try RealTool.series(log, name).name.split == .validation)
        }
        let summary = expected.raw["summary_metrics_json"] as! [String: Any]
        #expect(log.finalValues.map(\.name) == ["best_val_loss"])
        #expect(log.finalValues.first?.value == summary["best_val_loss"] as? Double)
        #expect(log.hyperparameter("model.hidden") == 8)
    }
}

@Suite struct HostileNameFixtureTests {
    @Test(arguments: ["keras_csv/log.csv", "torch_tb", "tensorboardx"])
    func namesAndValuesAreReadAsWritten(path: String) throws {
        let name = path.split(separator: "/").first.map(String.init)!
        let expected = try ExpectedFixture("hostile").run(named: name)
        let log = try Fixtures.read("hostile/" + path)
        for (metric, series) in expected.series where !series.points.isEmpty {
            try RealTool.expect(
                log, metric, equals: series, x: path.hasSuffix(".csv") ? { $0.epoch.map { $0 - 1 } } : RealTool.step)
        }
    }
}
