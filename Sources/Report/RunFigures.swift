import Charts
import Metrics

/// One figure of a run report: what to draw, how to describe it, and the data behind it.
struct RunFigure {
    /// Key in the template's `figures` object.
    var key: String
    /// File name without extension.
    var name: String
    var figure: Figure
    var alt: String
    var caption: String
    /// The CSV beside the figure.
    var csv: String
}

/// Builds the figures of a run report from its data (which figures exist depends on what the run produced).
enum RunFigures {
    static let predictionRows = 3
    static let predictionColumns = 6
    static let mistakeCount = 24
    static let sampleCount = 32
    static let maximumWeightTiles = 100

    static func all(for report: RunReport) -> [RunFigure] {
        var figures: [RunFigure] = []
        let classNames = report.dataset.classNames
        let epochNumbers = report.epochs.map(\.epoch)
        let stepsPerEpoch = stepsPerEpoch(report)
        var markers: [EpochMarker] = []
        if let best = report.bestEpoch, report.epochs.count > 1 { markers.append(.best(best)) }
        if report.status == .earlyStopped, let last = report.epochs.last { markers.append(.earlyStop(last.epoch)) }
        let steps = stepPoints(report, stepsPerEpoch: stepsPerEpoch)

        if !report.epochs.isEmpty || !steps.isEmpty {
            let loss = EpochSeries(
                epochs: epochNumbers, train: report.epochs.map(\.loss), validation: report.epochs.map(\.valLoss))
            let accuracy = EpochSeries(
                epochs: epochNumbers, train: report.epochs.map(\.accuracy),
                validation: report.epochs.map(\.valAccuracy))
            let lossCSV = ReportCSV.curves(
                epochs: report.epochs, steps: report.steps, stepsPerEpoch: stepsPerEpoch, metric: "loss")
            let accuracyCSV = ReportCSV.curves(
                epochs: report.epochs, steps: [], stepsPerEpoch: nil, metric: "accuracy")
            figures.append(
                RunFigure(
                    key: "curves", name: "curves",
                    figure: ReportFigures.curves(loss: loss, accuracy: accuracy, steps: steps, markers: markers),
                    alt: "Training and validation loss (left) and accuracy (right) per epoch",
                    caption: "Loss and accuracy per epoch; the faint line is the training loss of single steps.",
                    csv: lossCSV))
            figures.append(
                RunFigure(
                    key: "loss", name: "loss", figure: ReportFigures.loss(loss, steps: steps, markers: markers),
                    alt: "Training and validation cross-entropy loss per epoch",
                    caption: "Cross-entropy loss per epoch; the faint line is the training loss of single steps.",
                    csv: lossCSV))
            figures.append(
                RunFigure(
                    key: "accuracy", name: "accuracy", figure: ReportFigures.accuracy(accuracy, markers: markers),
                    alt: "Training and validation accuracy per epoch",
                    caption: "Accuracy per epoch.", csv: accuracyCSV))
        }

        if let stats = report.statistics, let images = report.testImages, let probabilities = report.testProbabilities {
            let labels = images.labels.map(Int.init)
            figures.append(
                RunFigure(
                    key: "confusion", name: "confusion",
                    figure: ReportFigures.confusion(stats.confusion, classNames: classNames),
                    alt:
                        "Confusion matrix of the \(stats.sampleCount) test images: true class in rows, predicted class in columns",
                    caption: "Confusion matrix: true class in rows, predicted class in columns.",
                    csv: ReportCSV.confusion(stats.confusion, classNames: classNames)))
            figures.append(
                RunFigure(
                    key: "perClass", name: "per_class", figure: perClassFigure(stats, classNames: classNames),
                    alt: "Test accuracy of each class as a bar chart",
                    caption: "Accuracy per class on the test set.",
                    csv: ReportCSV.perClass(stats.perClass, classNames: classNames)))
            let shown = min(predictionRows * predictionColumns, images.count)
            figures.append(
                RunFigure(
                    key: "predictions", name: "predictions",
                    figure: ReportFigures.predictions(
                        images, probabilities: probabilities, classNames: classNames,
                        rows: predictionRows, columns: predictionColumns),
                    alt: "The first \(shown) test images with their predicted class probabilities",
                    caption: "The first \(shown) test images in file order (not chosen), each with the ten class "
                        + "probabilities; wrong predictions are framed in red.",
                    csv: ReportCSV.predictions(
                        indices: Array(0..<shown), labels: labels, probabilities: probabilities,
                        classCount: classNames.count)))
            let mistakes = stats.mostConfidentMistakes(limit: mistakeCount)
            if !mistakes.isEmpty {
                figures.append(
                    RunFigure(
                        key: "misclassified", name: "misclassified",
                        figure: ReportFigures.misclassified(
                            images, probabilities: probabilities, classNames: classNames, count: mistakeCount),
                        alt: "The \(mistakes.count) test images the network got wrong with the highest confidence",
                        caption:
                            "The \(mistakes.count) most confident mistakes of \(stats.sampleCount - stats.correctCount): "
                            + "true class, predicted class and the probability the network gave it.",
                        csv: ReportCSV.predictions(
                            indices: mistakes, labels: labels, probabilities: probabilities,
                            classCount: classNames.count)))
            }
        }

        if let weights = report.firstLayerWeights, let first = report.layers.first,
            let images = report.samples ?? report.testImages, first.inputs == images.rows * images.columns
        {
            let shown = min(first.outputs, maximumWeightTiles)
            figures.append(
                RunFigure(
                    key: "weights", name: "weights",
                    figure: ReportFigures.weights(
                        weights, units: first.outputs, inputRows: images.rows, inputColumns: images.columns,
                        maximumTiles: maximumWeightTiles),
                    alt:
                        "First-layer weights of \(shown) hidden units drawn as \(images.rows)x\(images.columns) images",
                    caption:
                        "Each tile is the input weights of one first-layer unit (\(shown) of \(first.outputs) shown), "
                        + "drawn as an image: red for positive, blue for negative, white for zero.",
                    csv: ReportCSV.weights(weights, units: shown, inputs: first.inputs)))
        }

        if let samples = report.samples {
            let shown = min(sampleCount, samples.count)
            figures.append(
                RunFigure(
                    key: "samples", name: "samples",
                    figure: ReportFigures.samples(samples, classNames: classNames, count: sampleCount),
                    alt: "The first \(shown) training images with their labels",
                    caption: "The first \(shown) training images in file order, with their labels.",
                    csv: ReportCSV.samples(count: shown, labels: samples.labels.map(Int.init), classNames: classNames)))
        }
        return figures
    }

    /// Steps per epoch: as the run reported it, else estimated from the logged step numbers.
    static func stepsPerEpoch(_ report: RunReport) -> Double? {
        if let known = report.stepsPerEpoch, known > 0 { return Double(known) }
        guard let lastStep = report.steps.last, let lastEpoch = report.epochs.last, lastEpoch.epoch > 0 else {
            return nil
        }
        // Steps of completed epochs: the last step logged within the last completed epoch.
        let inCompleted = report.steps.filter { $0.epoch <= lastEpoch.epoch }
        guard let reference = inCompleted.last else { return Double(lastStep.step) / Double(max(lastStep.epoch, 1)) }
        return Double(reference.step) / Double(reference.epoch)
    }

    /// Per-step losses placed on the epoch axis: step s of epoch e sits at `(s / stepsPerEpoch)`.
    static func stepPoints(_ report: RunReport, stepsPerEpoch: Double?) -> [DataPoint] {
        guard let stepsPerEpoch, stepsPerEpoch > 0 else { return [] }
        return report.steps.map { DataPoint(x: Double($0.step) / stepsPerEpoch, y: $0.loss) }
    }

    static func perClassFigure(_ stats: ClassificationStatistics, classNames: [String]) -> Figure {
        let accuracy = stats.perClass.map { $0.accuracy ?? .nan }
        let chart = BarChart(
            title: "Test accuracy per class", categories: classNames,
            series: [BarSeries("accuracy", values: accuracy, color: ReportPalette.bars.color)],
            yAxis: AxisSpec(label: "accuracy", format: .percent), legend: .hidden)
        return Figure(.bar(chart), size: ReportFigures.chartSize)
    }
}
