import Datasets
import Foundation
import Metrics
import Testing
import TestSupport

@testable import Report

/// Every built-in template, checked against its typed view: a name a template uses that the
/// view does not have (a typo on either side) fails here instead of rendering as empty text.
@Suite struct TemplateViewTests {
    /// The figure links of a report that drew every figure `keys` names.
    static func links(_ keys: [String]) -> [FigureLink] {
        keys.map { FigureLink(key: $0, file: "\($0).png", alt: "the \($0)", caption: "About \($0).") }
    }

    static let files = [ReportFileEntry(name: "summary.json", what: "the numbers")]

    /// A run report with every part present: a preset, notes, a banner, a best epoch, test statistics.
    static var runReport: RunReport {
        let classes = ["zero", "one"]
        let images = LabeledImages(
            count: 4, rows: 2, columns: 2, pixels: Array(repeating: 128, count: 16), labels: [0, 1, 1, 0])
        return RunReport(
            title: "MNIST, preset default",
            dataset: DatasetSummary(
                name: "mnist", displayName: "MNIST", classNames: classes, trainCount: 10, validationCount: 2,
                testCount: 4, source: "/data"),
            preset: PresetSummary(
                name: "default", origin: "nnreport's own.", comparisons: [("accuracy", "98%", "97%")]),
            status: .interrupted, statusMessage: "Stopped on request.",
            epochs: [
                EpochRecord(epoch: 1, loss: 0.5, accuracy: 0.8, valLoss: 0.6, valAccuracy: 0.7, lr: 0.01, seconds: 1),
                EpochRecord(epoch: 2, loss: 0.4, accuracy: 0.9, valLoss: 0.5, valAccuracy: 0.8, lr: 0.01, seconds: 1),
            ],
            steps: [StepRecord(epoch: 1, step: 1, loss: 0.7, lr: 0.01)], test: TestRecord(loss: 0.3, accuracy: 0.75),
            bestEpoch: 2, restoredBestWeights: true, plannedEpochs: 3, trainSeconds: 2, samplesPerSecond: 10,
            hyperparameters: [("lr", "0.01")], layers: [LayerSummary(inputs: 4, outputs: 2, activation: "softmax")],
            inputTransform: "x / 255", environment: [("nnreport", "0.1.0")], command: "nnreport mnist",
            version: "0.1.0", notes: [ReportNote(title: "A note", text: "Its text.")], testImages: images,
            testProbabilities: [0.9, 0.1, 0.2, 0.8, 0.6, 0.4, 0.3, 0.7])
    }

    static func logs(_ path: String) throws -> LogCollection {
        try LogReader.read(TestData.packageRoot.appendingPathComponent("Tests/Fixtures/" + path))
    }

    /// Fails with the names `template` uses that `view` lacks.
    static func expectComplete(
        _ template: String, _ view: Any, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let text = try #require(BuiltInTemplates.all[template], "no built-in template \(template)")
        let result = TemplateKeyCheck.check(template: text, view: view)
        #expect(
            result.missing.isEmpty, "\(template) uses names its view lacks: \(result.missing)",
            sourceLocation: sourceLocation)
    }

    @Test func everyBuiltInTemplateIsCheckedHere() {
        let checked: Set = [
            "report.md", "summary.md", "sweep.md", "sweep-summary.md", "approx.md", "approx-summary.md", "log.md",
            "comparison.md", "render-summary.md", "compare.md", "compare-summary.md",
        ]
        #expect(Set(BuiltInTemplates.all.keys) == checked)
    }

    @Test func runReportAndSummary() throws {
        let keys = [
            "curves", "loss", "accuracy", "confusion", "perClass", "predictions", "misclassified", "weights", "samples",
        ]
        let report = Self.runReport
        try Self.expectComplete("report.md", report.view(figures: Self.links(keys), files: Self.files))
        try Self.expectComplete("summary.md", report.summaryView(folder: "reports/x"))
    }

    @Test func sweepReportAndSummary() throws {
        let report = SweepReportTests.threeSettings
        let view = report.view(figures: Self.links(["validation", "tuning", "training"]), files: Self.files)
        try Self.expectComplete("sweep.md", view)
        try Self.expectComplete("sweep-summary.md", report.view(figures: [], files: [], folder: "reports/x"))
    }

    @Test func approxReportAndSummary() throws {
        let fits = [
            ApproxReportTests.fit(exact: [false, true, false]), ApproxReportTests.fit(exact: [false], handBuilt: false),
        ]
        let report = ApproxReportTests.report(fits: fits)
        let keys = ["box", "staircases", "staircaseErrors", "fit_1", "starts_1", "fit_2", "starts_2"]
        var view = report.view(figures: Self.links(keys), files: Self.files)
        try Self.expectComplete("approx.md", view)
        view.folder = "reports/x"
        try Self.expectComplete("approx-summary.md", view)
    }

    @Test func logComparisonAndRenderSummary() throws {
        let hf = try Self.logs("hf/out")
        let lightning = try Self.logs("lightning_default/lightning_logs")
        let runs = LoggedRun.named(hf.logs + lightning.logs, location: { $0.path })
        let log = LogReport(run: runs[0], command: "nnreport render", version: "0.1.0", skipped: hf.skipped)
        try Self.expectComplete("log.md", log.view(figures: Self.links(["loss"]), files: Self.files))
        try Self.expectComplete("render-summary.md", log.summaryView(folder: "reports/x"))
        let comparison = ComparisonReport(
            runs: runs, command: "nnreport render", version: "0.1.0", skipped: hf.skipped + lightning.skipped)
        try Self.expectComplete("comparison.md", comparison.view(figures: Self.links(["loss"]), files: Self.files))
        try Self.expectComplete("render-summary.md", comparison.summaryView(folder: "reports/x"))
    }

    @Test func compareReportAndSummary() throws {
        for report in CompareTemplateTests.everyKind {
            try Self.expectComplete(
                "compare.md",
                report.view(figures: Self.links(["discordant", "bands", "curves-loss"]), files: Self.files))
            try Self.expectComplete("compare-summary.md", report.summaryView(folder: "reports/x"))
        }
    }

    @Test func theCheckFindsAMisspelledName() {
        let result = TemplateKeyCheck.check(
            template: "{{title}} {{#headline}}{{name}} {{vaule}}{{/headline}} {{#nothing}}{{x}}{{/nothing}}",
            view: RunReportView.Banner(headline: "h", text: "t"))
        #expect(result.missing == ["headline.name", "headline.vaule", "nothing", "title"])
        let run = Self.runReport.view(figures: [], files: [])
        let inner = TemplateKeyCheck.check(template: "{{#epochs}}{{loss}} {{los}}{{/epochs}}", view: run)
        #expect(inner.missing == ["epochs.los"])
    }
}
