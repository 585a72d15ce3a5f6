import ChartsCairo
import Foundation
import Metrics
import Testing
import TestSupport

/// Several runs give one comparison report: `nnreport render runA runB runC` on other tools'
/// logs, and `nnreport merge` on nnreport run folders.
@Suite(.serialized) struct RenderComparisonTests {
    typealias S = RenderTestSupport

    @Test func threeRunsGiveAComparisonListingOnlyTheDifferingHyperparameters() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let rates = [0.1, 0.03, 0.01]
        for rate in rates {
            try S.writeLightningRun(
                root.appendingPathComponent("runs/lr-\(rate)"), rate: rate,
                hparams: "lr: \(rate)\noptimizer: adam\nbatch_size: 32\n")
        }
        let out = root.appendingPathComponent("report")
        let result = try CommandRunner.run(
            ["render", "runs/lr-0.1", "runs/lr-0.03", "runs/lr-0.01", "--out", out.path], in: root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Comparison of 3 runs written to"))
        let (readme, summary) = try S.checkReport(out, figures: ["loss", "accuracy"])

        let differing = S.section("Hyperparameters that differ", of: readme)
        let visible = differing.components(separatedBy: "<details>")[0]
        #expect(visible.contains("| hyperparameter | lr-0.1 | lr-0.03 | lr-0.01 |"))
        #expect(visible.contains("| `lr` | `0.1` | `0.03` | `0.01` |"))
        #expect(!visible.contains("optimizer") && !visible.contains("batch_size"), "\(visible)")
        #expect(summary["differing_hyperparameters"] == ["lr"])

        // The fastest-falling loss is the best run; every run has a row with the epoch of its best.
        let metrics = S.section("Metrics", of: readme)
        #expect(metrics.contains("| **val_loss** | lr-0.1 |"))
        #expect(metrics.contains("| epoch 5 |"))
        let valLoss = summary["metrics"]?.arrayValue?.first { $0["metric"] == "val_loss" }
        #expect(valLoss?["best_run"] == "lr-0.1")
        #expect(valLoss?["runs"]?.objectValue?.map(\.key) == ["lr-0.1", "lr-0.03", "lr-0.01"])
        #expect(valLoss?["runs"]?["lr-0.01"]?["best_epoch"] == 5)
        #expect(readme.contains("| 1 | lr-0.1 | blue |"))
        #expect(readme.contains("| 3 | lr-0.01 | bluish green |"))

        // One line per run in its own colour, the data of each beside the figure.
        let loss = try S.decode(out.appendingPathComponent("loss.png"))
        for color in S.lineColors { #expect(S.pixels(of: color, in: loss) > 300) }
        let csv = try String(contentsOf: out.appendingPathComponent("loss.csv"), encoding: .utf8)
        for rate in rates { #expect(csv.contains("\nlr-\(rate),val_loss,")) }
    }

    @Test func mergeComparesNNReportRunFoldersLikeRender() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let base = [
            "mnist", "--train-limit", "2000", "--validation", "1000", "--hidden", "32", "--epochs", "2",
            "--seed", "7", "--quiet",
        ]
        for (name, rate) in [("slow", "0.001"), ("fast", "0.01")] {
            let result = try CommandRunner.run(
                base + ["--lr", rate, "--out", root.appendingPathComponent(name).path],
                environment: EndToEndTests.dataEnvironment)
            #expect(result.status == 0, "stderr: \(result.stderr)")
        }
        let stepSummary = root.appendingPathComponent("step-summary.md")
        let merged = try CommandRunner.run(
            ["merge", "slow", "fast", "--out", "merged", "--github-summary", stepSummary.path], in: root)
        #expect(merged.status == 0, "stderr: \(merged.stderr)")
        let (readme, summary) = try S.checkReport(
            root.appendingPathComponent("merged"), figures: ["loss", "accuracy", "lr"])
        #expect(summary["differing_hyperparameters"] == ["lr"])
        #expect(readme.contains("| **test_accuracy** | slow |"))
        #expect(readme.contains("| 2 | fast | vermillion | nnreport metrics.jsonl | completed | 2 |"))
        #expect(S.section("Hyperparameters that differ", of: readme).contains("| `lr` | `0.001` | `0.01` |"))

        let github = try String(contentsOf: stepSummary, encoding: .utf8)
        #expect(github.contains("| metric | slow | fast |"))
        #expect(github.contains("| test_accuracy |"))
        #expect(github.contains("| slow | loss | "))
        #expect(github.contains("▁") && !github.contains(".png"))

        // render of the same folders writes the same comparison.
        let rendered = try CommandRunner.run(["render", "slow", "fast", "--out", "rendered", "--quiet"], in: root)
        #expect(rendered.status == 0, "stderr: \(rendered.stderr)")
        let other = try JSONParser.parse(
            [UInt8](Data(contentsOf: root.appendingPathComponent("rendered/summary.json"))))
        #expect(EndToEndTests.dropping(["command"], from: other) == EndToEndTests.dropping(["command"], from: summary))
    }

    @Test func mergeRefusesAFolderThatIsNotARunAndWritesNothing() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try S.writeLightningRun(root.appendingPathComponent("a"), rate: 0.1, hparams: "lr: 0.1\n")
        try S.writeLightningRun(root.appendingPathComponent("b"), rate: 0.2, hparams: "lr: 0.2\n")
        let result = try CommandRunner.run(["merge", "a", "b", "--out", "merged"], in: root)
        #expect(result.status != 0)
        #expect(result.stderr.contains("a is not an nnreport run folder: it has no metrics.jsonl and summary.json"))
        #expect(result.stderr.contains("nnreport render"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["a", "b"])

        let one = try CommandRunner.run(["merge", "a"], in: root)
        #expect(one.status != 0)
        #expect(one.stderr.contains("at least two run folders"))
    }
}
