import Charts
import Metrics

/// How the charts of log and comparison reports name, colour and scale a metric.
enum MetricFigureStyle {
    /// Charts with at most this many points per line get a marker at each point.
    static let maximumMarkedPoints = 30

    /// "Loss", "Accuracy", "Learning rate" for the quantities every tool logs under those
    /// lowercase names, else the quantity as logged, case kept (`mAP50(B)`).
    static func title(_ label: String) -> String {
        switch label {
        case "lr", "learning_rate": return "Learning rate"
        case "loss", "accuracy", "acc":
            return label == "acc" ? "Accuracy" : label.prefix(1).uppercased() + label.dropFirst()
        case "": return "(unnamed)"
        default: return label
        }
    }

    /// The y-axis label: the quantity in words.
    static func axisLabel(_ label: String) -> String {
        switch label {
        case "lr", "learning_rate": return "learning rate"
        case "acc": return "accuracy"
        case "": return "(unnamed)"
        default: return label
        }
    }

    /// "train", "validation", "test".
    static func word(_ split: MetricSplit) -> String { split.rawValue }

    /// "Training and validation", "Training, validation and test".
    static func phrase(_ splits: [MetricSplit]) -> String {
        let text = list(splits.map { $0 == .train ? "training" : $0.rawValue })
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    static func color(_ split: MetricSplit) -> Color {
        switch split {
        case .train: return ReportFigures.trainColor
        case .validation: return ReportFigures.validationColor
        case .test: return ReportPalette.test.color
        }
    }

    /// A line's colour: its split's, or, where several lines of one chart share a split (the
    /// keys of an `add_scalars` call, two learning-rate groups), one Okabe-Ito colour each.
    static func lineColor(_ line: MetricChartLine, among lines: [MetricChartLine]) -> Color {
        let peers = lines.filter { $0.split == line.split && $0.isBackground == line.isBackground }
        guard peers.count > 1, let index = peers.firstIndex(where: { $0.series == line.series }) else {
            return color(line.split)
        }
        return ReportPalette.series(index).color
    }

    /// The legend entry of a line: its split ("validation"), its key in a group of lines
    /// (`add_scalars`, `lr/pg0`), ", per step" for a background line, or the name as logged where
    /// two lines would share a label or no line's name states a split. Never empty.
    static func legend(_ line: MetricChartLine, among lines: [MetricChartLine]) -> String {
        let suffix = line.isBackground ? ", per step" : ""
        let name = line.series.name
        let splits = Set(lines.map(\.split))
        var base: String
        if let key = name.line {
            base = splits.count > 1 ? "\(word(line.split)) \(key)" : key
        } else if lines.filter({ $0.split == line.split && $0.isBackground == line.isBackground }).count > 1 {
            base = line.series.originalName
        } else if !lines.contains(where: \.series.name.splitIsStated) {
            base = line.series.originalName
        } else {
            base = word(line.split)
        }
        if base.isEmpty { base = line.series.originalName.isEmpty ? "(unnamed)" : line.series.originalName }
        return base + suffix
    }

    /// Text from a log as a chart shows it: at most ``maximumChartText`` characters, the rest
    /// cut with an ellipsis (a 300-character metric name would push the plot off the figure);
    /// the report's text keeps the full name.
    static func inChart(_ text: String) -> String {
        text.count <= maximumChartText ? text : String(text.prefix(maximumChartText - 1)) + "…"
    }

    static let maximumChartText = 48

    /// The x-axis title of a chart: `epoch`, `step`, or the table column.
    static func xAxisTitle(_ group: MetricChartGroup) -> String {
        group.xLabel.isEmpty ? "(unnamed)" : inChart(group.xLabel)
    }

    /// Run `index`'s colour in ``ReportPalette/series``, with its name for the report's text;
    /// after those the colours repeat dashed, then dotted, so that every run stays distinguishable.
    static func runStyle(_ index: Int) -> (color: Color, dash: [Double], name: String) {
        let count = ReportPalette.series.count
        let dashes: [(pattern: [Double], name: String)] = [([], ""), ([7, 4], ", dashed"), ([2, 3], ", dotted")]
        let dash = dashes[(index / count) % dashes.count]
        let named = ReportPalette.series(index)
        return (named.color, dash.pattern, named.name + dash.name)
    }

    /// Logarithmic for a loss-like quantity whose values are all positive and span a factor of
    /// ten or more (as losses usually do); linear otherwise.
    static func yScale(_ values: [Double], goal: MetricGoal) -> ScaleType {
        let finite = values.filter(\.isFinite)
        guard goal == .minimize, finite.count > 1, finite.allSatisfy({ $0 > 0 }),
            let low = finite.min(), let high = finite.max()
        else { return .linear }
        return high / low >= 10 ? .log : .linear
    }

    /// The x-axis ticks: whole numbers when every x is whole (epochs, steps), else automatic
    /// (fractional epochs).
    static func xTicks(integerX: Bool) -> AxisSpec.Ticks {
        integerX ? .integers : .automatic
    }

    /// A file name stem for a quantity's figure: lowercase letters, digits, `-` and `_` only,
    /// unique among `taken` (a `-2` suffix when two quantities reduce to the same stem).
    static func fileStem(_ quantity: String, taken: inout Set<String>) -> String {
        var stem = ""
        var dropped = 0
        for scalar in quantity.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" {
                stem.unicodeScalars.append(scalar)
            } else {
                if scalar.value > 0x7F { dropped += 1 }
                if !stem.isEmpty, stem.last != "_" { stem.append("_") }
            }
        }
        while stem.last == "_" { stem.removeLast() }
        if stem.isEmpty { stem = "metric" }
        // A name mostly outside ASCII (`ünï/λ` → `n`) keeps a hash of itself, so that two such
        // names do not become `n` and `n-2`.
        if dropped > 0, stem.count < 4 { stem += "-" + ReportFileName.hash(quantity) }
        var candidate = stem
        var number = 1
        while taken.contains(candidate) {
            number += 1
            candidate = "\(stem)-\(number)"
        }
        taken.insert(candidate)
        return candidate
    }

    /// Point markers for short lines only: they show where the values are without cluttering
    /// long ones.
    static func marker(pointCount: Int) -> MarkerShape? {
        pointCount <= maximumMarkedPoints ? .circle : nil
    }

    /// A figure of `panels` charts: one, two side by side, or a 2-column grid.
    static func figure(_ panels: [LineChart]) -> Figure {
        precondition(!panels.isEmpty, "a figure needs at least one chart")
        if panels.count == 1 { return Figure(.line(panels[0]), size: ReportFigures.chartSize) }
        let rows = (panels.count + 1) / 2
        let size = Size(width: ReportFigures.curvesSize.width, height: ReportFigures.curvesSize.height * Double(rows))
        return Figure(size: size, rows: rows, columns: 2, panels: panels.map { .line($0) })
    }

    /// CSV rows of plotted points: `prefix` fields, then x, then y (empty at a gap).
    static func csvRows(_ prefix: [String], points: [MetricChartPoint]) -> [String] {
        let head = prefix.map(ReportCSV.quote).joined(separator: ",")
        return points.map { "\(head),\(ReportCSV.number($0.x)),\(ReportCSV.number($0.y))" }
    }
}
