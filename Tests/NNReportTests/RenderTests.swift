import ChartsCairo
import Foundation
import Metrics
import Testing
import TestSupport

/// `nnreport render` on one log of each format, through the built binary: a report folder with
/// readable figures, the metric table, the hyperparameters and the warnings.
@Suite struct RenderTests {
    typealias S = RenderTestSupport

    /// Renders `input` into a fresh folder; returns the folder, the output and the temporary root.
    func render(_ input: [String], extra: [String] = []) throws -> (out: URL, result: CommandRunner.Output, root: URL) {
        let root = try TestData.makeTemporaryDirectory()
        let out = root.appendingPathComponent("report")
        let result = try CommandRunner.run(["render"] + input + ["--out", out.path] + extra, in: root)
        return (out, result, root)
    }

    @Test func aKerasCSVGivesAReportWithEveryMetric() throws {
        let (out, result, root) = try render([S.fixture("keras/new_names.csv")])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Report of new_names written to \(out.path)"))
        let (readme, summary) = try S.checkReport(out, figures: ["loss", "accuracy", "lr"])
        #expect(readme.hasPrefix("# Training log: new_names\n"))
        #expect(readme.contains("| val_loss | `val_loss` | 6 | 0.2779 | 0.2779 | epoch 6 |"))
        #expect(readme.contains("| lr | `learning_rate` | 6 |"))
        #expect(readme.contains("Keras's CSVLogger does not record them"))
        #expect(readme.contains("epoch 1 is the log's epoch 0"))
        // Both lines of the loss chart are drawn: training blue, validation vermillion.
        let loss = try S.decode(out.appendingPathComponent("loss.png"))
        #expect(S.pixels(of: S.lineColors[0], in: loss) > 300)
        #expect(S.pixels(of: S.lineColors[1], in: loss) > 300)
        let metric = summary["metrics"]?.arrayValue?.first { $0["metric"] == "val_loss" }
        #expect(metric?["runs"]?["new_names"]?["best"]?.doubleValue == 0.27789556980133057)
        #expect(metric?["runs"]?["new_names"]?["best_epoch"] == 6)
        #expect(summary["kind"] == "log")
        // Nothing but the report beside it: no staging leftovers.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["report"])
    }

    @Test func nanAndInfinityBecomeGapsCountedInTheReportAndOnStandardError() throws {
        let (out, result, root) = try render([S.fixture("keras/old_names.csv")])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let warning = "NaN or infinite values (shown as gaps) in 'val_loss': 1"
        #expect(result.stderr.contains("warning: old_names: \(warning)"))
        let (readme, _) = try S.checkReport(out, figures: ["loss", "accuracy", "lr"])
        #expect(readme.contains("> - \(warning)"))
        #expect(readme.contains("2 NaN or infinite values shown as gaps"))
        #expect(readme.contains("| loss | `loss` | 3 (+1 gaps) |"))
    }

    @Test func aLightningFolderReadsHparamsYAMLAndPlacesStepsBehindEpochs() throws {
        let (out, result, root) = try render([S.fixture("lightning/lightning_logs/version_0")])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let (readme, summary) = try S.checkReport(out, figures: ["loss", "accuracy", "lr"])
        #expect(readme.contains("From hparams.yaml beside metrics.csv."))
        #expect(readme.contains("| `optimizer.name` | `adam` |"))
        #expect(readme.contains("| `hidden` | `[16,8]` |"))
        #expect(readme.contains("| loss (per step) | `train_loss_step` |"))
        #expect(readme.contains("The faint line is `train_loss_step`"))
        #expect(summary["runs"]?.arrayValue?.first?["name"] == "lightning_logs/version_0")
        let csv = try String(contentsOf: out.appendingPathComponent("loss.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("series,cadence,epoch,value\n"))
        #expect(csv.contains("\ntrain_loss_step,step,"))
        #expect(csv.contains("\nval_loss,epoch,1,"))
    }

    @Test func aTensorBoardRunFolderPairsTrainAndValidation() throws {
        let (out, result, root) = try render([S.fixture("tensorboard/keras_run")])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let (readme, _) = try S.checkReport(out, figures: ["loss", "accuracy", "lr"])
        #expect(
            readme.contains("Loss per epoch from `train/epoch_loss` (train) and `validation/epoch_loss` (validation)."))
        #expect(readme.contains("TensorBoard event file"))
        let loss = try S.decode(out.appendingPathComponent("loss.png"))
        #expect(S.pixels(of: S.lineColors[0], in: loss) > 300)
        #expect(S.pixels(of: S.lineColors[1], in: loss) > 300)
    }

    @Test func aTruncatedLiveEventFileIsReadWithAWarning() throws {
        let (out, result, root) = try render([S.fixture("tensorboard/truncated")])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("incomplete record"))
        let (readme, _) = try S.checkReport(out, figures: ["loss", "accuracy"])
        #expect(readme.contains("image summaries skipped: 1"))
        #expect(readme.contains("| val_loss (per step) | `Loss/val` |"))
    }

    @Test func aDVCLiveFolderReadsParamsYAML() throws {
        let (out, result, root) = try render([S.fixture("dvclive/my-project")])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let (readme, _) = try S.checkReport(out, figures: ["loss", "accuracy"])
        #expect(readme.contains("# Training log: my-project"))
        #expect(readme.contains("| `model.dropout` | `0.1` |"))
        #expect(readme.contains("Loss per step from `train/loss` (train) and `eval/loss` (validation)."))
    }

    @Test func anNNReportMetricsFileWithAPartialLastLineIsReadAsALiveRun() throws {
        let (out, result, root) = try render([S.fixture("jsonl/metrics.jsonl")])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let (readme, _) = try S.checkReport(out, figures: ["loss", "accuracy", "lr"])
        #expect(readme.contains("the run may still be writing"))
        #expect(readme.contains("| Test accuracy | **98.10%** |"))
    }

    @Test func aPlainTableWithAChosenXColumnAndUnknownColumnsKept() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let table = root.appendingPathComponent("progress.tsv")
        try Data(
            "iteration\twall\tloss\tval_loss\tgrad_norm\n100\t1.5\t2.0\t2.1\t5\n200\t3.0\t1.0\t1.4\t4\n300\t4.4\t0.5\t1.2\t3\n"
                .utf8
        )
        .write(to: table)
        let out = root.appendingPathComponent("report")
        let result = try CommandRunner.run(
            ["render", table.path, "--format-in", "csv", "--x", "iteration", "--out", out.path, "--title", "Table"],
            in: root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let (readme, _) = try S.checkReport(out, figures: ["loss", "wall", "grad_norm"])
        #expect(readme.hasPrefix("# Table\n"))
        #expect(readme.contains("| grad_norm (per step) | `grad_norm` | 3 | 3.000 | – | – |"))
        #expect(readme.contains("Loss per iteration from"))
    }

    @Test func theGitHubSummaryHasTheTableAndASparklineButNoImages() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("step-summary.md")
        try Data("# earlier step\n".utf8).write(to: file)
        let (out, result, renderRoot) = try render(
            [S.fixture("keras/new_names.csv")], extra: ["--github-summary", file.path, "--json", "--quiet"])
        defer { try? FileManager.default.removeItem(at: renderRoot) }
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty, "--quiet printed: \(result.stderr)")
        #expect(
            try JSONParser.parse(result.stdout)
                == JSONParser.parse([UInt8](Data(contentsOf: out.appendingPathComponent("summary.json")))))
        let summary = try String(contentsOf: file, encoding: .utf8)
        #expect(summary.hasPrefix("# earlier step\n### Training log: new_names\n"))
        #expect(summary.contains("| val_loss | 0.2779 (epoch 6) |"))
        #expect(summary.contains("| new_names | loss | █"))
        #expect(summary.contains("Report folder: `report`"))
        #expect(!summary.contains(".png"))
        #expect(summary.utf8.count < 4096)
    }
}
