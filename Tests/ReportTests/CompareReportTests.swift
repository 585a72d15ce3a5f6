import Foundation
import Metrics
import Statistics
import Testing

@testable import Report

/// The comparison report below the command: verdicts from paired predictions, groups of seeds
/// and logs, Holm's adjustment across metrics, the wording, and the Markdown it renders to.
@Suite struct CompareReportTests {
    static func side(_ role: String) -> CompareReport.Side {
        CompareReport.Side(
            role: role, name: role == "baseline" ? "main" : "pr", location: "runs/\(role)", description: "test")
    }

    /// Predictions of `count` images of classes 0..<10 where `wrong` holds the images answered wrongly.
    static func predictions(count: Int, wrong: Set<Int>) -> TestPredictions {
        let labels = (0..<count).map { $0 % 10 }
        return TestPredictions(
            labels: labels,
            predicted: labels.enumerated().map { wrong.contains($0.offset) ? ($0.element + 1) % 10 : $0.element },
            probabilities: Array(repeating: 0.9, count: count))
    }

    static func report(_ metrics: [CompareMetric], kind: CompareReport.Kind = .runs, alpha: Double = 0.05)
        -> CompareReport
    {
        CompareReport(
            kind: kind, alpha: alpha, baseline: side("baseline"), candidate: side("candidate"), metrics: metrics,
            command: "nnreport compare a b", version: "0.1.0")
    }

    @Test func pairedRunsCountTheDiscordantImagesForMcNemar() {
        // 1,000 images: the baseline misses 0..<40, the candidate 30..<100 (10 shared mistakes).
        let baseline = Self.predictions(count: 1000, wrong: Set(0..<40))
        let candidate = Self.predictions(count: 1000, wrong: Set(30..<100))
        let paired = PairedComparison(baseline: baseline, candidate: candidate, classNames: (0..<10).map(String.init))
        #expect((paired.both, paired.onlyBaseline, paired.onlyCandidate, paired.neither) == (900, 60, 30, 10))
        #expect(paired.discordantIndices == Array(0..<30) + Array(40..<100))
        #expect(paired.perClass.map(\.total) == Array(repeating: 100, count: 10))
        #expect(paired.perClass.reduce(0) { $0 + $1.onlyBaseline } == 60)
        let metric = paired.accuracyMetric(level: 0.95)
        #expect(metric.baseline == 0.96 && metric.candidate == 0.93)
        #expect(abs(metric.difference! - -0.03) < 1e-12)
        // statsmodels: mcnemar([[900, 30], [60, 10]], exact=True).pvalue
        #expect(abs(metric.pValue! - 0.0020602656809630745) < 1e-12)
        let report = Self.report([metric])
        #expect(report.verdict == .worse)
        #expect(report.headline == "Worse")
        #expect(report.verdictSentence.contains("significantly worse than the baseline at α = 0.05 in test accuracy"))
        #expect(report.findings().first?.contains("(30 candidate, 60 baseline): p = 0.00206") == true)
    }

    @Test func identicalPredictionsAreNoDifference() {
        let same = Self.predictions(count: 500, wrong: Set(0..<25))
        let paired = PairedComparison(baseline: same, candidate: same, classNames: [])
        let metric = paired.accuracyMetric(level: 0.95)
        #expect(metric.pValue == 1 && metric.difference == 0)
        let report = Self.report([metric])
        #expect(report.verdict == .same)
        #expect(report.headline == "No significant difference")
        #expect(report.findings().first?.contains("nothing to weigh: p = 1") == true)
    }

    @Test func theAlphaDecides() {
        // p = 0.0144 (Welch, below) is significant at 0.05 but not at 0.01.
        var metric = CompareMetric(
            name: "Test accuracy", goal: .maximize, format: .percent, baseline: 0.5, candidate: 0.6,
            method: .welch(t: 3, degreesOfFreedom: 4))
        metric.pValue = 0.0144
        metric.decides = true
        #expect(Self.report([metric], alpha: 0.05).verdict == .better)
        #expect(Self.report([metric], alpha: 0.01).verdict == .same)
        #expect(Self.report([metric], alpha: 0.01).level == 0.99)
    }

    @Test func holmAdjustsAcrossTheDecidingMetricsOnly() {
        func tested(_ name: String, _ p: Double, decides: Bool = true) -> CompareMetric {
            var m = CompareMetric(
                name: name, goal: .maximize, format: .percent, baseline: 0.9, candidate: 0.8,
                method: .welch(t: -3, degreesOfFreedom: 4))
            m.pValue = p
            m.decides = decides
            return m
        }
        // statsmodels multipletests([0.01, 0.04, 0.03], method="holm") → [0.03, 0.06, 0.06].
        let report = Self.report([
            tested("a", 0.01), tested("b", 0.04), tested("c", 0.03), tested("d", 0.001, decides: false),
        ])
        #expect(
            report.metrics.map(\.adjustedPValue).map { $0.map { ($0 * 1e9).rounded() / 1e9 } } == [
                0.03, 0.06, 0.06, nil,
            ])
        // A listed row with its own p-value keeps its raw verdict but stays out of the overall one.
        #expect(report.metrics.map(\.verdict) == [.worse, .same, .same, .worse])
        #expect(report.verdict == .worse)
        #expect(report.verdictSentence.hasSuffix("in a."))
    }

    @Test func worseWinsOverBetterAndIsSaidSo() {
        var better = CompareMetric(
            name: "x_accuracy", goal: .maximize, format: .number, baseline: 0.5, candidate: 0.6,
            method: .tolerance(amount: 0.01, spec: "0.01"))
        better.decides = true
        var worse = CompareMetric(
            name: "val_loss", goal: .minimize, format: .number, baseline: 0.5, candidate: 0.6,
            method: .tolerance(amount: 0.01, spec: "0.01"))
        worse.decides = true
        let report = Self.report([better, worse], kind: .logs)
        #expect(report.verdict == .worse)
        #expect(report.verdictSentence.contains("by more than the tolerance in val_loss (better in x_accuracy)"))
        #expect(report.verdictSentence.contains("No significance test is possible"))
    }

    @Test func groupsAreComparedWithWelchOverTheirSeeds() throws {
        func record(_ seed: UInt64, _ test: Double) -> SweepTrialRecord {
            SweepTrialRecord(
                key: "seed=\(seed)", folder: "trials/seed=\(seed)", seed: seed, status: .completed,
                epochs: [SweepEpoch(epoch: 1, loss: 0.1, accuracy: 0.9, valLoss: 0.1, valAccuracy: test)],
                testAccuracy: test, testLoss: 0.1)
        }
        let baseline = [0.9790, 0.9801, 0.9783, 0.9795].enumerated().map { record(UInt64($0.offset + 1), $0.element) }
        let candidate = [0.9812, 0.9807, 0.9821].enumerated().map { record(UInt64($0.offset + 1), $0.element) }
        let rows = GroupComparison.metrics(
            GroupPair(setting: "", baseline: baseline, candidate: candidate), level: 0.95)
        #expect(rows.map(\.name) == ["Final validation accuracy", "Best validation accuracy", "Test accuracy"])
        let test = rows[2]
        // scipy: ttest_ind([0.9812, 0.9807, 0.9821], [0.9790, 0.9801, 0.9783, 0.9795], equal_var=False)
        guard case .welch(let t, let df) = test.method else { throw TestFailure("not a Welch row") }
        #expect(abs(t - 3.766065372976022) < 1e-9 && abs(df! - 4.6454451089574444) < 1e-9)
        #expect(abs(test.pValue! - 0.014972102167677736) < 1e-12)
        #expect((test.baselineCount, test.candidateCount) == (4, 3))
        #expect(test.candidateText == "98.13% ± 0.07 (n = 3)")
        // One seed on a side: listed, not tested.
        let single = GroupComparison.metrics(
            GroupPair(setting: "lr=0.1", baseline: [baseline[0]], candidate: candidate), level: 0.95)
        #expect(single.allSatisfy { !$0.decides })
        #expect(Self.report(single, kind: .groups).verdict == .untested)
    }

    @Test func tolerancesParseAndApply() throws {
        #expect(MetricTolerance(parsing: "0.01") == MetricTolerance(metric: nil, amount: 0.01, isRelative: false))
        #expect(
            MetricTolerance(parsing: "val_loss=0.5%")
                == MetricTolerance(metric: "val_loss", amount: 0.005, isRelative: true))
        #expect(MetricTolerance(parsing: "a=b=0.1")?.metric == "a=b")
        for bad in ["", "-1", "x", "=0.1", "val_loss=", "nan", "inf", "1%%"] {
            #expect(MetricTolerance(parsing: bad) == nil, "\(bad)")
        }
        func series(_ name: String, _ values: [Double]) -> MetricSeries {
            MetricSeries(
                name: MetricName(parsing: name), originalName: name, cadence: .epoch,
                points: values.enumerated().map { MetricPoint(epoch: Double($0.offset + 1), value: $0.element) })
        }
        func run(_ name: String, _ loss: [Double], _ lr: [Double]) -> LoggedRun {
            let log = MetricLog(
                source: URL(fileURLWithPath: "/\(name)"), format: .kerasCSV, runName: name,
                series: [series("val_loss", loss), series("lr", lr)])
            return LoggedRun(name: name, log: log, location: name)
        }
        let rows = ToleranceComparison.metrics(
            baseline: run("a", [0.5, 0.30], [0.1, 0.1]), candidate: run("b", [0.5, 0.32], [0.1, 0.05]),
            tolerances: [MetricTolerance(parsing: "val_loss=0.01")!])
        #expect(rows.map(\.name) == ["val_loss (best)", "val_loss (last)", "lr (last)"])
        let report = Self.report(rows, kind: .logs)
        #expect(report.metrics.map(\.verdict) == [.worse, .worse, .untested])
        let loose = ToleranceComparison.metrics(
            baseline: run("a", [0.5, 0.30], [0.1, 0.1]), candidate: run("b", [0.5, 0.32], [0.1, 0.05]),
            tolerances: [MetricTolerance(parsing: "10%")!])
        #expect(Self.report(loose, kind: .logs).verdict == .same)
        #expect(Self.report(loose, kind: .logs).headline == "Within tolerance")
    }

    @Test func pValuesPrintEvenBelowTheSmallestDouble() {
        #expect(PValueFormat.text(0.0144) == "0.0144")
        #expect(PValueFormat.text(1) == "1")
        #expect(PValueFormat.text(4.968015141912969e-06) == "4.97e-06")
        let extreme = McNemarTest(onlyFirst: 0, onlySecond: 1200)
        #expect(PValueFormat.text(extreme.pValue, log10: extreme.log10PValue) == "1.16e-361")
        #expect(PValueFormat.text(nil) == "–")
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
