import Charts
import Foundation
import Metrics
import Testing
import TestSupport

@testable import Report

/// The figures and names of reports built from logs, checked below the pixels: legends name
/// the runs, colours follow the Okabe-Ito order, nothing leaves the figure.
@Suite struct ComparisonFiguresTests {
    typealias T = ComparisonTableTests

    var runs: [LoggedRun] {
        [
            T.run(
                "lr-0.1",
                [T.series("loss", .epoch, [2, 1, 0.5]), T.series("val_loss", .epoch, [2.1, 1.2, 0.7])]),
            T.run(
                "lr-0.01",
                [T.series("loss", .epoch, [2, 1.5, 1.2, 1.0]), T.series("val_loss", .epoch, [2, 1.6, 1.3, 1.1])]),
            T.run("lr-0.001", [T.series("loss", .epoch, [2.3, 2.2]), T.series("accuracy", .epoch, [0.2, 0.3])]),
        ]
    }

    @Test func everyRunIsOneLineInItsOwnColourNamedInTheLegend() throws {
        let report = ComparisonReport(runs: runs, command: "nnreport render", version: "test")
        let figures = report.figures()
        #expect(figures.map(\.name) == ["loss", "accuracy"])
        let loss = figures[0]
        let scene = SceneChecks.scene(loss.figure)
        #expect(scene.panels.map(\.title) == ["Loss, train", "Loss, validation"])
        #expect(scene.panels[0].legend?.entries == ["lr-0.1", "lr-0.01", "lr-0.001"])
        #expect(scene.panels[1].legend?.entries == ["lr-0.1", "lr-0.01"])
        guard case .line(let train) = loss.figure.panels[0], case .line(let validation) = loss.figure.panels[1] else {
            Issue.record("the loss figure is not two line charts")
            return
        }
        #expect(train.series.map(\.color) == Array(OkabeIto.seriesOrder.prefix(3)))
        // A run keeps its colour in every panel, even where an earlier run has no line.
        #expect(validation.series.map(\.color) == Array(OkabeIto.seriesOrder.prefix(2)))
        #expect(loss.csv.hasPrefix("run,series,epoch,value\n"))
        #expect(loss.csv.contains("\nlr-0.001,loss,2,2.2\n"))
        #expect(loss.caption.contains("3 runs"))
        let accuracy = SceneChecks.scene(figures[1].figure)
        #expect(accuracy.panels.map(\.title) == ["Accuracy"])
        #expect(accuracy.panels[0].legend?.entries == ["lr-0.001"])
    }

    @Test func lossesSpanningADecadeGetALogAxisInEveryPanel() {
        let report = ComparisonReport(runs: runs, command: "nnreport render", version: "test")
        let scene = SceneChecks.scene(report.figures()[0].figure)
        // 2.3 down to 0.5 is not a decade: linear.
        #expect(scene.panels.allSatisfy { $0.yAxis?.scale.type == .linear })
        let wide = ComparisonReport(
            runs: [
                T.run("a", [T.series("loss", .epoch, [3, 0.1])]), T.run("b", [T.series("val_loss", .epoch, [2, 1])]),
            ],
            command: "", version: "")
        #expect(SceneChecks.scene(wide.figures()[0].figure).panels.allSatisfy { $0.yAxis?.scale.type == .log })
    }

    @Test func runsThatLoggedOnlyPerStepAreNamedWhenTheOthersAreDrawnPerEpoch() {
        let report = ComparisonReport(
            runs: [
                T.run("a", [T.series("loss", .epoch, [1, 0.5])]), T.run("b", [T.series("loss", .epoch, [1, 0.6])]),
                T.run("c", [T.series("loss", .step, [1, 0.9, 0.7])]),
            ], command: "", version: "")
        let figure = report.figures()[0]
        #expect(SceneChecks.scene(figure.figure).panels[0].legend?.entries == ["a", "b"])
        #expect(figure.caption.contains("Not drawn: c"))
    }

    @Test func aLogReportDrawsOneChartPerQuantityWithAStepLineBehindAndTheBestEpoch() throws {
        var steps = T.series("loss", .step, Array(stride(from: 2.0, to: 0.2, by: -0.1)))
        steps.points = steps.points.enumerated().map { i, p in
            MetricPoint(step: i + 1, epoch: Double(i / 6 + 1), value: p.value)
        }
        let run = T.run(
            "keras",
            [
                T.series("loss", .epoch, [1.5, 0.8, 0.15]), T.series("val_loss", .epoch, [1.6, 0.7, 0.9]), steps,
                T.series("lr", .epoch, [0.1, 0.1, 0.01]),
            ])
        let report = LogReport(run: run, command: "nnreport render", version: "test")
        let figures = report.figures()
        #expect(figures.map(\.name) == ["loss", "lr"])
        let scene = SceneChecks.scene(figures[0].figure)
        let panel = scene.panels[0]
        #expect(panel.legend?.entries == ["train, per step", "train", "validation"])
        #expect(panel.markers.map(\.label) == ["best epoch 2"])
        #expect(panel.yAxis?.scale.type == .log)
        #expect(figures[0].alt == "Training and validation loss per epoch")
        #expect(figures[0].caption.contains("`val_loss` (validation)"))
        #expect(figures[0].csv.hasPrefix("series,cadence,epoch,value\n"))
        // A learning rate has no validation counterpart: its legend shows its logged name.
        #expect(SceneChecks.scene(figures[1].figure).panels[0].legend?.entries == ["lr"])
    }

    @Test func fileNamesOfQuantitiesAreSafeAndUnique() {
        var taken = Set<String>()
        #expect(MetricFigureStyle.fileStem("loss", taken: &taken) == "loss")
        #expect(MetricFigureStyle.fileStem("Top-5 Acc", taken: &taken) == "top-5_acc")
        #expect(MetricFigureStyle.fileStem("top-5/acc", taken: &taken) == "top-5_acc-2")
        #expect(MetricFigureStyle.fileStem("../..", taken: &taken) == "metric")
        #expect(MetricFigureStyle.fileStem("é", taken: &taken) == "metric-2")
    }

    @Test func runNamesAreMadeUniqueWithTheirParentFolders() {
        func log(_ path: String, _ name: String) -> MetricLog {
            MetricLog(source: URL(fileURLWithPath: path), format: .lightningCSV, runName: name)
        }
        let runs = LoggedRun.named(
            [
                log("/w/a/lightning_logs/version_0", "lightning_logs/version_0"),
                log("/w/b/lightning_logs/version_0", "lightning_logs/version_0"),
                log("/w/x/training.csv", "training"), log("/w/y/training.csv", "training"),
                log("/w/y/training.csv", "training"), log("/w/solo", "solo"),
            ], location: { $0.lastPathComponent })
        #expect(
            runs.map(\.name) == [
                "a/lightning_logs/version_0", "b/lightning_logs/version_0", "x/training", "y/training",
                "y/training (2)", "solo",
            ])
        #expect(runs[5].location == "solo")
    }

    @Test func markdownFromLogsCannotBreakATable() {
        #expect(MarkdownText.cell("a|b\nc") == "a\\|b c")
        #expect(MarkdownText.code("x`y") == "x'y")
        #expect(MarkdownText.alt("run [1]") == "run (1)")
    }
}
