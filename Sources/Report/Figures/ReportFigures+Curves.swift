import Charts

extension ReportFigures {
    /// Training and validation loss per epoch, with the per-step training loss faint behind
    /// (x = fractional epoch) and optional markers. The y axis is logarithmic when the positive
    /// values span a factor of ten or more, as losses usually do.
    public static func loss(_ loss: EpochSeries, steps: [DataPoint] = [], markers: [EpochMarker] = []) -> Figure {
        Figure(.line(lossChart(loss, steps: steps, markers: markers)), size: chartSize)
    }

    /// Training and validation accuracy (fractions) per epoch, with optional markers.
    public static func accuracy(_ accuracy: EpochSeries, markers: [EpochMarker] = []) -> Figure {
        Figure(.line(accuracyChart(accuracy, markers: markers)), size: chartSize)
    }

    /// Loss beside accuracy, as the course notebooks draw them.
    public static func curves(
        loss: EpochSeries, accuracy: EpochSeries, steps: [DataPoint] = [], markers: [EpochMarker] = []
    ) -> Figure {
        Figure(
            size: curvesSize, rows: 1, columns: 2,
            panels: [
                .line(lossChart(loss, steps: steps, markers: markers)),
                .line(accuracyChart(accuracy, markers: markers)),
            ])
    }

    static func lossChart(_ loss: EpochSeries, steps: [DataPoint], markers: [EpochMarker]) -> LineChart {
        var series: [LineSeries] = []
        if !steps.isEmpty {
            series.append(LineSeries("train, per step", points: steps, color: trainColor, lineWidth: 1, opacity: 0.3))
        }
        series += epochSeries(loss)
        let positive = (loss.train + loss.validation.compactMap { $0 } + steps.map(\.y)).filter {
            $0.isFinite && $0 > 0
        }
        let allPositive = (loss.train + loss.validation.compactMap { $0 }).allSatisfy { !$0.isFinite || $0 > 0 }
        let wide = (positive.max() ?? 1) / (positive.min() ?? 1) >= 10
        return LineChart(
            title: "Loss",
            xAxis: AxisSpec(label: "epoch", ticks: .integers),
            yAxis: AxisSpec(
                label: "cross-entropy loss", scale: wide && allPositive && positive.count > 1 ? .log : .linear),
            series: series, markers: markers.map { VerticalMarker(x: $0.epoch, label: $0.label) })
    }

    static func accuracyChart(_ accuracy: EpochSeries, markers: [EpochMarker]) -> LineChart {
        LineChart(
            title: "Accuracy",
            xAxis: AxisSpec(label: "epoch", ticks: .integers),
            yAxis: AxisSpec(label: "accuracy"),
            series: epochSeries(accuracy), markers: markers.map { VerticalMarker(x: $0.epoch, label: $0.label) })
    }

    /// The train and (when logged) validation lines, with point markers for short runs.
    static func epochSeries(_ series: EpochSeries) -> [LineSeries] {
        let x = series.epochs.map(Double.init)
        let marker: MarkerShape? = series.epochs.count <= 30 ? .circle : nil
        var lines = [LineSeries("train", x: x, y: series.train, color: trainColor, marker: marker)]
        if series.hasValidation {
            lines.append(
                LineSeries(
                    "validation", x: x, y: series.validation.map { $0 ?? .nan }, color: validationColor,
                    marker: marker))
        }
        return lines
    }
}
