import Charts
import Foundation
import Testing
import TestSupport

@testable import Report

/// The approx report's figures, text and Markdown, from hand-made plain data (no engine).
@Suite struct ApproxReportTests {
    static func curve(_ points: [(Double, Double)]) -> ApproxCurve {
        ApproxCurve(x: points.map(\.0), y: points.map(\.1))
    }

    static let box = ApproxBox(
        height: 1.5, start: 0, width: 2,
        network: ApproxNetwork(hiddenWeights: [1, 1], hiddenBiases: [0, -2], outputWeights: [1.5, -1.5], outputBias: 0),
        output: curve([(-1, 0), (0, 0), (0, 1.5), (2, 1.5), (2, 0), (3, 0)]),
        neurons: [curve([(-1, 0), (0, 0), (0, 1.5), (3, 1.5)]), curve([(-1, 0), (2, 0), (2, -1.5), (3, -1.5)])],
        probes: [
            .init(x: -0.5, hidden: [0, 0], y: 0), .init(x: 1, hidden: [1, 0], y: 1.5), .init(x: 2.5, hidden: [1, 1], y: 0),
        ])

    static func level(_ n: Int, error: Double) -> ApproxStaircase.Level {
        let edges = (0...n).map { -1 + 2 * Double($0) / Double(n) }
        return ApproxStaircase.Level(
            boxes: n, boxWidth: 2 / Double(n), edges: edges, heights: Array(repeating: 0.5, count: n),
            network: ApproxNetwork(
                hiddenWeights: Array(repeating: 1, count: 2 * n), hiddenBiases: Array(repeating: 0, count: 2 * n),
                outputWeights: Array(repeating: 0.5, count: 2 * n), outputBias: 0),
            mergedNeurons: n + 1, staircase: curve([(-1, 0.5), (1, 0.5)]), maxError: error, rmsError: error / 3,
            worstX: 0.25, errorBound: 2 / Double(n))
    }

    static let staircase = ApproxStaircase(
        formula: "x", interval: -1...1, lipschitzBound: 1, lipschitzReason: "|f′| = 1",
        target: curve([(-1, -1), (1, 1)]), levels: [level(4, error: 0.5), level(8, error: 0.25)], errorGridCells: 960)

    static func start(_ index: Int, loss: Double, exact: Bool, dead: [Int] = []) -> ApproxFit.Start {
        ApproxFit.Start(
            index: index, loss: loss, maxResidual: exact ? 1e-12 : 1.2, isExact: exact, diverged: false, deadUnits: dead,
            kinks: exact ? [1, 2] : [1], worstX: 2, historySteps: [0, 50, 100], historyLosses: [4, 1, loss],
            historyMaxResiduals: [3, 2, exact ? 1e-12 : 1.2])
    }

    /// Data that turn at x = 1 and 2; `exact` starts reach them, the others stall.
    static func fit(exact: [Bool], units: Int = 4, handBuilt: Bool = true) -> ApproxFit {
        let x: [Double] = [0, 1, 2, 3], t: [Double] = [0, 1, 0, 1]
        let starts = exact.enumerated().map { start($0.offset, loss: $0.element ? 1e-25 : 0.25, exact: $0.element, dead: $0.offset == 1 ? [0] : []) }
        let best = exact.firstIndex(of: true) ?? 0
        let network = ApproxNetwork(
            hiddenWeights: Array(repeating: 1, count: units), hiddenBiases: [0, -1, -2, -5].prefix(units).map { $0 },
            outputWeights: [1, -2, 2, 0].prefix(units).map { $0 }, outputBias: 0)
        return ApproxFit(
            number: 1, x: x, t: t, hiddenUnits: units, exactTolerance: 1e-6, starts: starts, bestIndex: best,
            best: network, predictions: t, plotRange: -0.5...3.5, curve: curve([(-0.5, 0), (1, 1), (2, 0), (3.5, 1.5)]),
            unitCurves: (0..<units).map { _ in curve([(-0.5, 0), (3.5, 1)]) },
            kinks: [.init(unit: 1, x: 1, y: 1, slopeChange: -2), .init(unit: 2, x: 2, y: 0, slopeChange: 2)],
            deadUnits: [3], activePoints: [3, 2, 1, 0].prefix(units).map { $0 }, turns: [1, 2],
            slopeChanges: [(1, -2), (2, 2)], handBuiltUnits: 3, handBuilt: handBuilt ? network : nil,
            handBuiltMaxResidual: handBuilt ? 0 : nil)
    }

    static func report(fits: [ApproxFit]) -> ApproxReport {
        ApproxReport(
            title: "Approx test", box: box, staircase: staircase, fits: fits,
            settings: [("exact fit", "every |residual| < 1e-6")], environment: [("OS", "test")], command: "nnreport approx",
            version: "0.0.0")
    }

    @Test func boxFigurePrintsWeightsAndBiases() {
        let figure = ApproxFigures.box(Self.box)
        let scene = SceneChecks.scene(figure.figure)
        let panel = scene.panels[0]
        #expect(panel.markers.map(\.label) == ["neuron 1 on from x = 0", "neuron 2 on from x = 2"])
        let legend = panel.legend?.entries ?? []
        #expect(legend.count == 3)
        #expect(legend[1].contains("w1 = 1") && legend[1].contains("b1 = 0") && legend[1].contains("v1 = 1.5"))
        #expect(legend[2].contains("b2 = −2") && legend[2].contains("v2 = −1.5"))
        #expect(figure.figure.subtitle?.contains("1.5·σ(1·x + 0) − 1.5·σ(1·x − 2)") == true)
        #expect(figure.csv.hasPrefix("series,x,y\nneuron_1,-1,0\n"))
    }

    @Test func everyFigureBuildsWithinItsBounds() {
        let report = Self.report(fits: [Self.fit(exact: [false, true, false])])
        let figures = ApproxFigures.all(for: report)
        #expect(figures.map(\.name) == ["box", "staircases", "box_error", "fit_1", "starts_1"])
        for figure in figures {
            _ = SceneChecks.scene(figure.figure)
            #expect(!figure.csv.isEmpty && !figure.alt.isEmpty)
        }
        let fit = SceneChecks.scene(figures[3].figure)
        #expect(fit.panels[0].markers.map(\.label) == ["kink 1.00 (unit 2)", "kink 2.00 (unit 3)"])
        let starts = SceneChecks.scene(figures[4].figure)
        // Stalled starts first, then other exact ones, the best on top; one legend entry per group.
        #expect(starts.panels[0].legend?.entries == ["starts that stall (2)", "best: start 2"])
        #expect(starts.panels[1].yAxis?.scale.type == .log)
    }

    @Test func startsCSVHasEveryRecordedStep() {
        let csv = ApproxCSV.starts(Self.fit(exact: [true, false]))
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "start,step,loss,max_abs_residual,exact_at_end")
        #expect(lines.count == 1 + 2 * 3)
        #expect(lines[3] == "1,100,1e-25,1e-12,true")
    }

    @Test func noExactStartGivesANoteThatExplainsWhy() throws {
        let fit = Self.fit(exact: [false, false, false])
        let note = try #require(fit.note)
        #expect(note.headline == "No start reached an exact fit.")
        let text = note.text
        #expect(text.contains("not for want of units"))
        #expect(text.contains("MSE 0.250 (3 starts"))
        #expect(text.contains("1 of the 3 stalled starts ended with a dead unit"))
        #expect(fit.needSentence.contains("change direction 2 times (at x = 1 and 2)"))
        #expect(fit.needSentence.contains("an exact 4-unit fit exists"))
    }

    @Test func tooFewUnitsForTheTurnsSaysNoExactFitExists() throws {
        let fit = Self.fit(exact: [false], units: 1, handBuilt: false)
        #expect(fit.needSentence.contains("no network with 1 unit passes through every point"))
        let text = try #require(fit.note?.text)
        #expect(text.contains("No exact fit exists with 1 unit (see above)"))
    }

    @Test func someExactStartsAreCounted() throws {
        let fit = Self.fit(exact: [true, false, true])
        #expect(fit.exactCount == 2)
        #expect(fit.note?.headline == "2 of 3 starts found an exact fit; 1 stalled.")
        #expect(fit.outcomeSentence.hasPrefix("Of 3 random starts, 2 reached an exact fit"))
    }

    @Test func markdownEscapesPipesInTablesAndRendersEverySection() throws {
        let report = Self.report(fits: [Self.fit(exact: [false, true])])
        let links = ApproxFigures.all(for: report).map {
            FigureLink(key: $0.key, file: "\($0.name).png", alt: $0.alt, caption: $0.caption)
        }
        let markdown = try TemplateSet.builtIn().render(
            "approx.md", report.view(figures: links, files: [ReportFileEntry(name: "summary.json", what: "a |b| c")]))
        #expect(markdown.contains("| exact fit | every \\|residual\\| < 1e-6 |"))
        #expect(markdown.contains("| [summary.json](summary.json) | a \\|b\\| c |"))
        for heading in ["## 1. A box", "## 2. Boxes side by side", "## 3. ReLU networks with 4 units", "### Data set 1", "## Reproduce"] {
            #expect(markdown.contains(heading), "missing \(heading)")
        }
        for file in ["box.png", "staircases.png", "box_error.png", "fit_1.png", "starts_1.png"] {
            #expect(markdown.contains("](\(file))"), "no link to \(file)")
        }
        // The box table, the probe rows and the staircase table come from the data.
        #expect(markdown.contains("| n2 | 1 | −2 | 2 | −1.5 |"))
        #expect(markdown.contains("| 1 | 1 | 0 | 1.5 | only n1 on |"))
        #expect(markdown.contains("| 8 | 0.2500 | 16 | 9 | 0.2500 |"))
        #expect(markdown.contains("| 2 ★ |"))
        #expect(!markdown.contains("{{"))
    }

    @Test func rateSentenceReportsTheMeasuredSlope() {
        let report = Self.report(fits: [])
        // 0.5 → 0.25 when N doubles: slope −1 exactly.
        #expect(report.rateSentence.contains("slope −1.00, close to the −1 of error ∝ 1/N"))
        #expect(ApproxReport.leastSquaresSlope(x: [0, 1, 2], y: [1, 3, 5]) == 2)
    }
}
