import Foundation
import Metrics
import Testing
import TestSupport

@testable import Report

/// The compare templates rendered: text from logs escaped, tables that keep their columns
/// (what GitHub-flavoured Markdown needs to draw them), a summary without images and small
/// enough for a pull-request comment.
@Suite struct CompareTemplateTests {
    static func hostileReport(rows: Int = 3) -> CompareReport {
        var metrics: [CompareMetric] = []
        for i in 0..<rows {
            var m = CompareMetric(
                name: "<script>|evil_\(i)*", goal: .minimize, format: .number, baseline: 0.5, candidate: 0.6,
                method: .tolerance(amount: 0, spec: "0"))
            m.decides = true
            metrics.append(m)
        }
        return CompareReport(
            kind: .logs, alpha: 0.05,
            baseline: .init(role: "baseline", name: "a|b", location: "runs/`a`", description: "Keras <b>log</b>"),
            candidate: .init(role: "candidate", name: "[x](http://evil)", location: "runs/b", description: "log"),
            metrics: metrics,
            configuration: [.init(name: "lr|x", baseline: "0.1", candidate: "`0.2`")], sharedSettingCount: 2,
            warnings: ["candidate: line 3 <img src=x>"], command: "nnreport compare a b", version: "0.1.0")
    }

    @Test func reportEscapesTextFromTheInputsAndKeepsItsTables() throws {
        let report = Self.hostileReport()
        let markdown = try TemplateSet.builtIn().render(
            "compare.md", report.view(figures: [], files: [ReportFileEntry(name: "summary.json", what: "JSON")]))
        #expect(!markdown.contains("<script>") && !markdown.contains("<img") && !markdown.contains("<b>"))
        #expect(markdown.contains("&lt;script&gt;\\|evil_0\\*"))
        #expect(markdown.contains("\\[x\\](http://evil)"))
        #expect(markdown.hasPrefix("# Comparison: \\[x\\](http://evil) against a\\|b\n\n> **Worse.**"))
        #expect(markdown.contains("No significance test is possible"))
        #expect(MarkdownTables.mismatchedRows(in: markdown) == [])
    }

    @Test func summaryHasNoImagesAndStaysShortWithThousandsOfMetrics() throws {
        let report = Self.hostileReport(rows: 5000)
        let markdown = try TemplateSet.builtIn().render("compare-summary.md", report.summaryView(folder: "reports/c"))
        #expect(!markdown.contains("!["))
        #expect(!markdown.contains("](") || !markdown.contains(".png"))
        // A pull-request comment holds at most 65,536 characters.
        #expect(markdown.count < 20_000, "\(markdown.count) characters")
        #expect(markdown.contains("4970 more rows in the report."))
        #expect(!markdown.contains("<script>"))
        #expect(MarkdownTables.mismatchedRows(in: markdown) == [])
    }

    @Test func differentEnvironmentsAreSaidInBothAndSameOnesInOneLine() throws {
        var metric = CompareMetric(
            name: "Test accuracy", goal: .maximize, format: .percent, baseline: 0.98, candidate: 0.981,
            method: .mcnemar(onlyBaseline: 40, onlyCandidate: 50))
        metric.pValue = 0.34
        metric.decides = true
        func report(threads: String) -> CompareReport {
            CompareReport(
                kind: .runs, alpha: 0.05,
                baseline: .init(role: "baseline", name: "a", location: "a", description: "run"),
                candidate: .init(role: "candidate", name: "b", location: "b", description: "run"), metrics: [metric],
                environment: [
                    .init(name: "nnreport", baseline: "0.1.0", candidate: "0.1.0"),
                    .init(name: "BLAS threads", baseline: "2", candidate: threads),
                ], command: "nnreport compare a b", version: "0.1.0")
        }
        let templates = try TemplateSet.builtIn()
        let differing = report(threads: "1")
        let summary = try templates.render("compare-summary.md", differing.summaryView(folder: "c"))
        #expect(
            summary.contains(
                "**The environments differ** (enough by itself to change the numbers): BLAS threads `2` → `1`."))
        let readme = try templates.render("compare.md", differing.view(figures: [], files: []))
        #expect(readme.contains("| **`BLAS threads`** | `2` | `1` |"))
        #expect(readme.contains("| `nnreport` | `0.1.0` | `0.1.0` |"))
        let same = report(threads: "2")
        #expect(
            !(try templates.render("compare-summary.md", same.summaryView(folder: "c"))).contains("environments differ")
        )
        #expect(
            try templates.render("compare.md", same.view(figures: [], files: [])).contains(
                "Same environment: nnreport 0.1.0; BLAS threads 2."))
    }

    /// A report of each kind with every part present, for the template key check
    /// (TemplateViewTests): paired runs with a different environment and settings, groups with
    /// settings and Holm-adjusted p-values, logs with warnings and notes.
    static var everyKind: [CompareReport] {
        let labels = (0..<20).map { $0 % 10 }
        let baseline = TestPredictions(labels: labels, predicted: labels, probabilities: Array(repeating: 1, count: 20))
        var wrong = labels
        wrong[3] = 4
        let candidate = TestPredictions(labels: labels, predicted: wrong, probabilities: Array(repeating: 1, count: 20))
        let paired = PairedComparison(baseline: baseline, candidate: candidate, classNames: (0..<10).map(String.init))
        var reference = CompareMetric(
            name: "Test loss", goal: .minimize, format: .number, baseline: 0.1, candidate: 0.2,
            method: .reference("one value per run"))
        reference.decides = false
        func side(_ role: String) -> CompareReport.Side {
            .init(role: role, name: role, location: role, description: "x")
        }
        let runs = CompareReport(
            kind: .runs, alpha: 0.05, baseline: side("baseline"), candidate: side("candidate"),
            metrics: [paired.accuracyMetric(level: 0.95), reference],
            configuration: [.init(name: "--lr", baseline: "0.1", candidate: "0.2")], sharedSettingCount: 3,
            environment: [.init(name: "BLAS threads", baseline: "2", candidate: "1")], notes: ["A note."],
            warnings: ["a warning"], paired: paired, command: "nnreport compare a b", version: "0.1.0")
        func record(_ seed: UInt64, _ value: Double) -> SweepTrialRecord {
            SweepTrialRecord(
                key: "seed=\(seed)", folder: "trials/seed=\(seed)", seed: seed, status: .completed,
                epochs: [SweepEpoch(epoch: 1, loss: 0.1, accuracy: 0.9, valLoss: 0.1, valAccuracy: value)],
                testAccuracy: value, testLoss: 0.1)
        }
        let pair = GroupPair(
            setting: "lr=0.1", baseline: [record(1, 0.9), record(2, 0.91)],
            candidate: [record(1, 0.8), record(2, 0.82)])
        let groups = CompareReport(
            kind: .groups, alpha: 0.05, baseline: side("baseline"), candidate: side("candidate"),
            metrics: GroupComparison.metrics(pair, level: 0.95), groups: [pair], command: "nnreport compare a b",
            version: "0.1.0")
        return [runs, groups, hostileReport(rows: 40)]
    }
}
