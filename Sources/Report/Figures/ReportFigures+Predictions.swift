import Charts
import Datasets

extension ReportFigures {
    /// Test images, each with its predicted and true label and a bar chart of the class
    /// probabilities; right predictions framed in bluish green, wrong ones in vermillion with
    /// the true class's bar in blue.
    ///
    /// - Parameter probabilities: `[images.count, classNames.count]` row-major softmax outputs.
    public static func predictions(
        _ images: LabeledImages, probabilities: [Float], classNames: [String], rows: Int = 3,
        columns: Int = 6
    ) -> Figure {
        let theme = Theme.light
        let shown = Array(
            classify(
                imageCount: images.count, labels: images.labels.map(Int.init), probabilities: probabilities,
                classes: classNames.count
            ).prefix(rows * columns))
        let wrong = shown.filter { !$0.isRight }.count
        let panels = shown.map { c in
            predictionCell(
                image: images.image(c.index), rows: images.rows, columns: images.columns, classification: c,
                classNames: classNames, theme: theme)
        }
        let key =
            classNames == ClassNames.digits
            ? "" : " Bars: " + classNames.enumerated().map { "\($0) \($1)" }.joined(separator: ", ") + "."
        let cellWidth = 150.0, cellHeight = 176.0
        let subtitleLines = key.isEmpty ? 1 : 2
        let size = Size(
            width: Double(columns) * cellWidth + Double(columns - 1) * theme.panelSpacing + 2 * theme.margin,
            height: Double(rows) * cellHeight + Double(rows - 1) * theme.panelSpacing + 2 * theme.margin
                + headerHeight(subtitleLines: subtitleLines))
        return Figure(
            size: size, title: "Predictions on test images",
            subtitle:
                "\(shown.count - wrong) of \(shown.count) right. Frame and bar of the prediction: "
                + "\(ReportPalette.right.name) when right, \(ReportPalette.wrong.name) when wrong "
                + "(the true class's bar in \(ReportPalette.train.name))." + key,
            rows: rows, columns: columns, panels: panels)
    }

    /// One image with its captions above a bar chart of its class probabilities.
    static func predictionCell(
        image: ArraySlice<UInt8>, rows: Int, columns: Int, classification: Classification, classNames: [String],
        theme: Theme
    ) -> Panel {
        let (probabilities, predicted, label) = (
            classification.probabilities, classification.predicted, classification.label
        )
        let right = classification.isRight
        let verdict = right ? ReportPalette.right.color : ReportPalette.wrong.color
        let tile = ImageTile(
            rows: rows, columns: columns, bytes: image,
            caption: [
                "\(right ? "✓" : "✗") pred: " + name(predicted, classNames) + " (" + percent(probabilities[predicted])
                    + ")",
                "true: " + name(label, classNames),
            ],
            captionColor: nil, frameColor: verdict)
        let colors: [Color?] = probabilities.indices.map { c in
            if c == predicted { return verdict }
            if c == label { return ReportPalette.train.color }
            return Color(hex: 0xB8B8B8)
        }
        let bars = BarChart(
            categories: probabilities.indices.map(String.init),
            series: [BarSeries("probability", values: probabilities, barColors: colors)],
            yAxis: AxisSpec(domain: 0...1, ticks: .values([0, 0.5, 1])), legend: .hidden)
        var small = theme
        small.tickLabelFont = FontSpec(size: 9)
        small.captionFont = FontSpec(size: 11)
        small.tickLength = 3
        small.labelGap = 4
        return .themed(
            small,
            .stack(
                [
                    .images(ImageGrid(tiles: [tile], columns: 1, maximumTileSize: tileSize, spacing: 0)),
                    .bar(bars),
                ], weights: [92, 80], spacing: 4))
    }
}
