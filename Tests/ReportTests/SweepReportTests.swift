import Charts
import ChartsCairo
import Foundation
import Metrics
import Testing
import TestSupport

@testable import Report

/// Sweep statistics, the choice of the best setting, the band figures below the pixels, the
/// CSV tables and the Markdown report, from hand-made trial records.
@Suite struct SweepReportTests {
    /// A trial whose validation accuracy climbs from `start` by `step` per epoch.
    static func trial(
        _ setting: String, seed: UInt64, start: Double, step: Double = 0.01, epochs: Int = 3,
        status: RunStatus = .completed, test: Double? = nil
    ) -> SweepTrialRecord {
        let key = "\(setting),seed=\(seed)"
        return SweepTrialRecord(
            key: key, folder: "trials/\(key)", seed: seed, status: status,
            epochs: (1...epochs).map { e in
                SweepEpoch(
                    epoch: e, loss: 1 / Double(e + Int(seed)), accuracy: start + Double(e) * step - 0.01,
                    valLoss: 1.2 / Double(e + Int(seed)), valAccuracy: start + Double(e - 1) * step)
            }, testAccuracy: test ?? start, testLoss: 0.1)
    }

    static func report(_ settings: [(value: String, trials: [SweepTrialRecord])], seeds: [UInt64] = [1, 2, 3])
        -> SweepReport
    {
        SweepReport(
            title: "MNIST sweep: lr × 3 seeds", datasetName: "MNIST", preset: "default",
            axes: [
                SweepReport.Axis(
                    name: "lr", values: settings.map(\.value), numbers: settings.map { Double($0.value)! })
            ],
            seeds: seeds,
            settings: settings.map {
                SweepReport.Setting(key: "lr=\($0.value)", values: [$0.value], trials: $0.trials)
            },
            fixedOptions: [("--epochs", "3")], commands: ["nnreport sweep mnist --vary lr=0.001,0.01,0.1"],
            reproduce: "nnreport sweep mnist --vary lr=0.001,0.01,0.1", version: "0.1.0")
    }

    /// lr=0.001 is worse on validation, lr=0.01 best on validation, lr=0.1 has the highest
    /// survivors but one diverged trial.
    static var threeSettings: SweepReport {
        report([
            ("0.001", [1, 2, 3].map { trial("lr=0.001", seed: $0, start: 0.90 + Double($0) * 0.001, test: 0.777) }),
            ("0.01", [1, 2, 3].map { trial("lr=0.01", seed: $0, start: 0.93 + Double($0) * 0.002, test: 0.80) }),
            (
                "0.1",
                [
                    trial("lr=0.1", seed: 1, start: 0.97), trial("lr=0.1", seed: 2, start: 0.98),
                    trial("lr=0.1", seed: 3, start: 0.5, epochs: 1, status: .diverged),
                ]
            ),
        ])
    }

    @Test func statisticsAreTheMeanAndTheSampleStandardDeviation() throws {
        let s = try #require(SweepStatistics([0.90, 0.92, 0.94]))
        #expect(s.count == 3)
        #expect(isClose(s.mean, 0.92, absolute: 1e-15))
        // Σ(x − x̄)² = 0.0008, over n − 1 = 2: 0.0004, root 0.02 (with n it would be 0.01633).
        #expect(isClose(s.standardDeviation!, 0.02, absolute: 1e-12))
        #expect(s.minimum == 0.90 && s.maximum == 0.94)
        let single = try #require(SweepStatistics([0.5]))
        #expect(single.mean == 0.5 && single.standardDeviation == nil)
        #expect(SweepStatistics([]) == nil)
        // Tiny spreads around a large mean stay exact (no Σx² − n·x̄² cancellation).
        let tight = try #require(SweepStatistics([1e8 + 1, 1e8 + 2, 1e8 + 3]))
        #expect(isClose(tight.standardDeviation!, 1, absolute: 1e-6))
    }

    @Test func theBestSettingIsChosenByMeanBestValidationAccuracyAmongFinishedSettings() throws {
        let report = Self.threeSettings
        let summaries = report.summaries
        #expect(summaries.map(\.finished) == [3, 3, 2])
        #expect(summaries.map(\.diverged) == [0, 0, 1])
        // lr=0.1's two survivors beat everything, but a diverged trial rules it out; lr=0.001 has
        // the best test accuracy, which must play no part.
        #expect(report.bestSettingIndex(summaries) == 1)
        let best = try #require(summaries[1].bestValidationAccuracy)
        // Best of each trial is its last epoch: 0.93 + 0.002·seed + 0.02.
        #expect(isClose(best.mean, (0.95 + 0.004), absolute: 1e-12))
        #expect(isClose(best.standardDeviation!, 0.002, absolute: 1e-12))
        let final = try #require(summaries[1].finalValidationAccuracy)
        #expect(final == best)
    }

    @Test func anExactTieGoesToTheFirstSettingAndNoValidationMeansNoBest() {
        let settings: [(value: String, trials: [SweepTrialRecord])] = [
            ("0.001", [1, 2].map { Self.trial("lr=0.001", seed: $0, start: 0.9) }),
            ("0.01", [1, 2].map { Self.trial("lr=0.01", seed: $0, start: 0.9) }),
        ]
        let tie = Self.report(settings, seeds: [1, 2])
        #expect(tie.bestSettingIndex(tie.summaries) == 0)
        // With a third seed planned that never ran, no setting has all its trials.
        let partial = Self.report(settings, seeds: [1, 2, 3])
        #expect(partial.bestSettingIndex(partial.summaries) == nil)
        #expect(partial.summaries.map(\.trialCount) == [3, 3])

        var blind = tie
        for s in blind.settings.indices {
            for t in blind.settings[s].trials.indices {
                for e in blind.settings[s].trials[t].epochs.indices {
                    blind.settings[s].trials[t].epochs[e].valAccuracy = nil
                    blind.settings[s].trials[t].epochs[e].valLoss = nil
                }
            }
        }
        #expect(blind.bestSettingIndex(blind.summaries) == nil)
        let view = blind.view(figures: [], files: [])
        #expect(view.noBest?.contains("no validation accuracy") == true)
        #expect(SweepFigures.curves(blind, validation: true) == nil)
        #expect(SweepFigures.curves(blind, validation: false) != nil)
    }

    @Test func curvesCountOnlyTheTrialsThatReachedEachEpoch() {
        let report = Self.report([
            (
                "0.01",
                [
                    Self.trial("lr=0.01", seed: 1, start: 0.9, epochs: 4),
                    Self.trial("lr=0.01", seed: 2, start: 0.9, epochs: 2, status: .earlyStopped),
                ]
            )
        ])
        let epochs = report.epochRange(.validationAccuracy)
        #expect(epochs == 1...4)
        let curve = report.curve(report.settings[0], .validationAccuracy, epochs: 1...4)
        #expect(curve.statistics.map { $0?.count } == [2, 2, 1, 1])
        #expect(curve.statistics[2]?.standardDeviation == nil)
        #expect(curve.hasUnevenCounts)
        #expect(curve.values[1][3] == nil)
    }

    @Test func bandFiguresStateTheBandAndNInTheLegend() throws {
        let report = Self.threeSettings
        let figure = try #require(SweepFigures.curves(report, validation: true))
        #expect(figure.subtitle?.contains("sample standard deviation (n − 1") == true)
        let scene = SceneChecks.scene(figure)
        #expect(scene.panels.count == 2)
        let accuracy = scene.panels[1]
        #expect(accuracy.series.count == 3, "one line per setting")
        let legend = try #require(accuracy.legend)
        #expect(legend.entries[0] == "lr=0.001 (mean ± std, n = 3)")
        #expect(legend.entries[2] == "lr=0.1, 1 of 3 diverged (mean ± std, n = 2)")
        #expect(scene.panels[0].legend == nil, "the legend is drawn once, on the accuracy panel")

        guard case .line(let chart) = figure.panels[1] else {
            Issue.record("the accuracy panel is not a line chart")
            return
        }
        // Band edges are mean ± sample std at each epoch, and colours differ per setting.
        let band = try #require(chart.series[1].band)
        let curve = report.curve(report.settings[1], .validationAccuracy, epochs: 1...3)
        let s = try #require(curve.statistics[0])
        #expect(isClose(band.upper[0], (s.mean + s.standardDeviation!), absolute: 1e-15))
        #expect(isClose(band.lower[0], (s.mean - s.standardDeviation!), absolute: 1e-15))
        #expect(Set(chart.series.map(\.color)).count == 3)
    }

    @Test func aSingleSeedDrawsNoBandAndSaysSo() throws {
        let report = Self.report(
            [
                ("0.001", [Self.trial("lr=0.001", seed: 1, start: 0.9)]),
                ("0.01", [Self.trial("lr=0.01", seed: 1, start: 0.95)]),
            ],
            seeds: [1])
        let figure = try #require(SweepFigures.curves(report, validation: true))
        #expect(figure.subtitle?.contains("one seed per setting, so no spread is shown") == true)
        guard case .line(let chart) = figure.panels[1] else { return }
        #expect(chart.series.allSatisfy { $0.band == nil })
        #expect(chart.series[0].name == "lr=0.001, n = 1")
        let view = report.view(figures: [], files: [])
        let rows = view.settings
        #expect(rows[0].bestValidation == "92.00 ± –")
    }

    @Test func theTuningFigurePlotsBestValidationAccuracyOnALogAxis() throws {
        let report = Self.threeSettings
        let figure = try #require(SweepFigures.tuning(report))
        guard case .line(let chart) = figure.panels[0] else {
            Issue.record("tuning is not a line chart")
            return
        }
        #expect(chart.xAxis.scale == .log, "lr from 0.001 to 0.1 spans a factor of 100")
        #expect(chart.series.count == 1)
        #expect(chart.series[0].points.map(\.x) == [0.001, 0.01, 0.1])
        #expect(chart.markers.map(\.x) == [0.01], "the best setting is marked")
    }

    @Test func csvTablesHoldTheStatisticsAndEverySeedsValue() {
        let report = Self.threeSettings
        let settings = SweepCSV.settings(report).split(separator: "\n")
        #expect(settings[0].hasPrefix("setting,lr,trials,finished,diverged,interrupted,final_val_accuracy_mean"))
        #expect(settings[2].hasPrefix("lr=0.01,0.01,3,3,0,0,"))
        #expect(settings[2].hasSuffix(",true"))
        #expect(settings[3].hasPrefix("lr=0.1,0.1,3,2,1,0,"))
        let curves = SweepCSV.curves(report, metrics: [.validationAccuracy], epochs: 1...3).split(separator: "\n")
        #expect(curves[0] == "setting,lr,metric,epoch,n,mean,std,seed=1,seed=2,seed=3")
        // The diverged trial of lr=0.1 is left out: n = 2 and its seed column is empty.
        let last = curves.last!.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(last[0..<5]) == ["lr=0.1", "0.1", "val_accuracy", "3", "2"])
        #expect(
            isClose(Double(last[5])!, 0.995, absolute: 1e-12)
                && isClose(Double(last[6])!, 0.005 * 2.0.squareRoot(), absolute: 1e-12))
        #expect(
            isClose(Double(last[7])!, 0.99, absolute: 1e-12) && isClose(Double(last[8])!, 1, absolute: 1e-12)
                && last[9].isEmpty)
        let trials = SweepCSV.trials(report).split(separator: "\n")
        #expect(trials.count == 1 + 9)
        #expect(trials[9].contains(",diverged,1,"))
    }

    @Test func theMarkdownReportMarksTheBestSettingAndGivesOnlyItsTestAccuracy() throws {
        let report = Self.threeSettings
        let markdown = try TemplateSet.builtIn().render("sweep.md", report.view(figures: [], files: []))
        #expect(markdown.contains("| `--lr` | n | final val. accuracy (%) | best val. accuracy (%) | |"))
        #expect(markdown.contains("| **0.01** | 3 | 95.40 ± 0.20 | 95.40 ± 0.20 | ★ best |"))
        #expect(markdown.contains("| 0.1 | 2 | 99.50 ± 0.71 | 99.50 ± 0.71 | 1 of 3 diverged |"))
        #expect(markdown.contains("**Best setting: `lr=0.01`**"))
        // Test accuracy of the best setting only (0.80 in every trial), never of the others (0.777).
        #expect(markdown.contains("Its test accuracy: **80.00 ± 0.00%** (n = 3)"))
        #expect(!markdown.contains("77.70"))
        #expect(markdown.contains("s = √(Σ(x − x̄)² / (n − 1))"))
        #expect(markdown.contains("nnreport sweep mnist --vary lr=0.001,0.01,0.1"))
    }

    @Test func theWriterPutsEveryFigureBesideItsDataAndLinksThem() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let staging = try StagingDirectory(destination: root.appendingPathComponent("sweep"))
        let writer = ReportWriter(
            renderer: FigureRenderer(fonts: try FontSet.dejaVuSans()), templates: try TemplateSet.builtIn(),
            software: "test", command: "nnreport sweep")
        let links = try writer.write(Self.threeSettings, into: staging, files: [])
        #expect(links.map(\.key) == ["validation", "tuning", "training"])
        let folder = try staging.commit()
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        for link in links {
            #expect(files.contains(link.file) && files.contains(link.key + ".csv"))
            let image = try PNGCodec.decode([UInt8](Data(contentsOf: folder.appendingPathComponent(link.file))))
            let size = link.key == "tuning" ? SweepFigures.tuningSize : SweepFigures.curvesSize
            #expect(Double(image.width) == size.width && Double(image.height) == size.height)
        }
        #expect(files.isSuperset(of: ["README.md", "settings.csv", "trials.csv"]))
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("![\(links[0].alt)](validation.png)"))
        #expect(readme.contains("[settings.csv](settings.csv)"))
    }
}
