import Datasets
import RenderBenchmarks
import Charts
import Testing
import TestSupport

@testable import Report

/// The report's figures built from plain values, checked below the pixels with the fixed
/// measurer and a recording canvas.
@Suite struct FiguresTests {
    let data = BenchmarkData(epochs: 12, stepsPerEpoch: 30, units: 256, imageCount: 40, seed: 3)

    @Test func lossHasStepsBehindEpochLinesAndAMarker() {
        let scene = SceneChecks.scene(
            ReportFigures.loss(data.loss, steps: data.steps, markers: [.best(data.bestEpoch), .earlyStop(11)]))
        let panel = scene.panels[0]
        #expect(panel.legend?.entries == ["train, per step", "train", "validation"])
        #expect(panel.legend?.coveredData == 0 || panel.legend?.placement == .outsideRight)
        #expect(panel.yAxis?.scale.type == .log)
        #expect(panel.xAxis?.label == "epoch")
        #expect(panel.series[0].positions.count == data.steps.count)
        #expect(panel.markers.map(\.label) == ["best epoch \(data.bestEpoch)", "early stop"])
        #expect(scene.texts.contains { $0.string == "best epoch \(data.bestEpoch)" })
        // The per-step line is drawn first (behind) and faint.
        let firstData = scene.items.first { $0.role == .data }!
        guard case .stroke(_, let style) = firstData.primitive else {
            Issue.record("the first data item is not the per-step line")
            return
        }
        #expect(style.color.alpha < 0.5)
    }

    @Test func narrowLossRangeStaysLinearAndMissingValidationIsAGap() {
        let loss = EpochSeries(
            epochs: [1, 2, 3, 4], train: [0.5, 0.4, 0.35, 0.3], validation: [0.45, nil, 0.4, 0.38])
        let scene = SceneChecks.scene(ReportFigures.loss(loss))
        let panel = scene.panels[0]
        #expect(panel.yAxis?.scale.type == .linear)
        #expect(panel.series[1].positions[1] == nil)
        #expect(panel.xAxis?.labels == ["1", "2", "3", "4"])
    }

    @Test func accuracyAndCurvesPanels() {
        let accuracy = SceneChecks.scene(ReportFigures.accuracy(data.accuracy, markers: [.best(data.bestEpoch)]))
        #expect(accuracy.panels[0].yAxis?.label == "accuracy")
        #expect(accuracy.panels[0].legend?.entries == ["train", "validation"])
        let curves = SceneChecks.scene(
            ReportFigures.curves(loss: data.loss, accuracy: data.accuracy, steps: data.steps))
        #expect(curves.panels.count == 2)
        #expect(curves.panels.map(\.title) == ["Loss", "Accuracy"])
        #expect(curves.panels[0].frame.maxX < curves.panels[1].frame.minX)
        #expect(curves.size == ReportFigures.curvesSize)
    }

    @Test func weightsAreCappedAndTheCaptionSaysWhichAndHow() {
        let figure = ReportFigures.weights(data.weights, units: 256)
        let scene = SceneChecks.scene(figure)
        let tiles = scene.panels[0].tiles
        #expect(tiles.count == 100)
        #expect(figure.subtitle!.contains("first 100 of 256 hidden units"))
        #expect(figure.subtitle!.contains("scaled to its own largest |w|"))
        // Symmetric per tile: each range is centred on zero and spans that unit's own weights.
        for (u, tile) in tiles.enumerated() {
            let w = data.weights[(u * 784)..<((u + 1) * 784)]
            let m = Double(max(abs(w.min()!), abs(w.max()!)))
            #expect(tile.valueRange.lowerBound == -tile.valueRange.upperBound)
            #expect(isClose(tile.valueRange.upperBound, m, absolute: 1e-6))
        }
        // Two figure units per input pixel: sharp blocks at scale 1 and 2.
        #expect(tiles.allSatisfy { $0.rect.width == 56 })
    }

    @Test func samplesAreCaptionedWithClassNames() {
        let scene = SceneChecks.scene(
            ReportFigures.samples(data.images, classNames: ClassNames.fashionMNIST, count: 16))
        let tiles = scene.panels[0].tiles
        #expect(tiles.count == 16)
        for (i, tile) in tiles.enumerated() {
            let name = ClassNames.fashionMNIST[data.labels[i]]
            #expect(tile.caption == [name] || tile.caption[0].hasSuffix("…"))
        }
    }

    @Test func predictionsMarkRightAndWrong() {
        let figure = ReportFigures.predictions(
            data.images, probabilities: data.probabilities,
            classNames: ClassNames.digits)
        let scene = SceneChecks.scene(figure)
        let tiles = scene.panels.filter { $0.kind == .images }.flatMap(\.tiles)
        let bars = scene.panels.filter { $0.kind == .bar }
        #expect(tiles.count == 18 && bars.count == 18)
        var wrong = 0
        for (i, tile) in tiles.enumerated() {
            let p = (0..<10).map { Double(data.probabilities[i * 10 + $0]) }
            let predicted = p.indices.max { p[$0] < p[$1] }!
            let right = predicted == data.labels[i]
            if !right { wrong += 1 }
            #expect(tile.frameColor == (right ? Theme.light.positive : Theme.light.negative))
            #expect(tile.caption[0].hasPrefix(right ? "✓" : "✗"))
            #expect(tile.caption[1] == "true: \(data.labels[i])")
            #expect(bars[i].bars[predicted].color == (right ? Theme.light.positive : Theme.light.negative))
            if !right { #expect(bars[i].bars[data.labels[i]].color == Theme.light.palette[0]) }
            #expect(isClose(bars[i].bars.map(\.value).reduce(0, +), 1, absolute: 1e-5))
        }
        #expect(figure.subtitle!.hasPrefix("\(18 - wrong) of 18 right."))
    }

    @Test func misclassifiedAreTheMostConfidentMistakesFirst() {
        let figure = ReportFigures.misclassified(
            data.images, probabilities: data.probabilities,
            classNames: ClassNames.digits, count: 5)
        let scene = SceneChecks.scene(figure)
        let captions = scene.panels[0].tiles.map(\.caption)
        var expected: [(Int, Int, Double)] = []
        for i in 0..<data.labels.count {
            let p = (0..<10).map { Double(data.probabilities[i * 10 + $0]) }
            let predicted = p.indices.max { p[$0] < p[$1] }!
            if predicted != data.labels[i] { expected.append((i, predicted, p[predicted])) }
        }
        expected.sort { $0.2 > $1.2 }
        #expect(captions.count == min(5, expected.count))
        for (caption, mistake) in zip(captions, expected) {
            #expect(caption[0] == "true: \(data.labels[mistake.0])")
            #expect(caption[1].hasPrefix("pred: \(mistake.1) ("))
        }
    }

    @Test func noMistakesSaysSo() {
        let labels = (0..<4).map { $0 % 10 }
        var probabilities = [Float](repeating: 0, count: 40)
        for (i, l) in labels.enumerated() { probabilities[i * 10 + l] = 1 }
        let images = LabeledImages(
            count: 4, rows: 28, columns: 28, pixels: [UInt8](repeating: 0, count: 4 * 784),
            labels: labels.map(UInt8.init))
        let figure = ReportFigures.misclassified(
            images, probabilities: probabilities, classNames: ClassNames.digits)
        #expect(figure.subtitle == "Every one of the 4 test images was classified correctly.")
        #expect(SceneChecks.scene(figure).panels.isEmpty)
    }

    @Test func confusionShowsCountsAndNormalisedShares() {
        let counts = SceneChecks.scene(ReportFigures.confusion(data.confusion, classNames: ClassNames.digits))
        let cells = counts.panels[0].cells
        #expect(cells.count == 100)
        for cell in cells { #expect(cell.text == String(data.confusion[cell.row][cell.column])) }
        #expect(counts.texts.contains { $0.string == "predicted class" })

        let normalized = SceneChecks.scene(
            ReportFigures.confusion(data.confusion, classNames: ClassNames.fashionMNIST, normalized: true))
        let shares = normalized.panels[0].cells
        for row in 0..<10 {
            let sum = shares.filter { $0.row == row }.map(\.value).reduce(0, +)
            #expect(isClose(sum, 1, absolute: 1e-9))
        }
        #expect(shares.allSatisfy { $0.text!.hasSuffix("%") })
        #expect(normalized.texts.contains { $0.string == "Ankle boot" })
    }

    @Test func groupedNumbersAndPercentages() {
        #expect(ReportFigures.grouped(10047) == "10,047")
        #expect(ReportFigures.grouped(999) == "999")
        #expect(ReportFigures.percent(0.9971) == "99.7%")
        #expect(ReportFigures.percent(0.42) == "42.0%")
        #expect(ReportFigures.percent(1) == "100.0%")
        #expect(ReportFigures.percent(0.04) == "4.0%")
    }

    /// A certain prediction and a nearly certain one side by side read "100.0%" and "100.0%",
    /// not "100%" and "100.0%"; every confidence in the predictions and mistakes figures has one
    /// decimal.
    @Test func confidencesInCaptionsShareOneFormat() throws {
        let labels = [7, 1, 4, 2, 9]
        let predicted: [(Int, Float)] = [(7, 1), (1, 0.9997), (4, 0.996), (3, 0.42), (4, 0.25)]
        var probabilities = [Float](repeating: 0, count: labels.count * 10)
        for (i, (c, p)) in predicted.enumerated() {
            probabilities[i * 10 + c] = p
            // The rest spread over the other classes, each below the prediction.
            for other in 0..<10 where other != c { probabilities[i * 10 + other] = (1 - p) / 9 }
        }
        let images = LabeledImages(
            count: labels.count, rows: 28, columns: 28, pixels: [UInt8](repeating: 0, count: labels.count * 784),
            labels: labels.map(UInt8.init))
        let predictions = SceneChecks.scene(
            ReportFigures.predictions(
                images, probabilities: probabilities, classNames: ClassNames.digits, rows: 1,
                columns: 5))
        let first = predictions.panels.filter { $0.kind == .images }.flatMap(\.tiles).map { $0.caption[0] }
        #expect(
            first == [
                "✓ pred: 7 (100.0%)", "✓ pred: 1 (100.0%)", "✓ pred: 4 (99.6%)", "✗ pred: 3 (42.0%)",
                "✗ pred: 4 (25.0%)",
            ])

        let mistakes = SceneChecks.scene(
            ReportFigures.misclassified(
                images, probabilities: probabilities, classNames: ClassNames.digits, count: 5))
        #expect(mistakes.panels[0].tiles.map { $0.caption[1] } == ["pred: 3 (42.0%)", "pred: 4 (25.0%)"])
    }
}
