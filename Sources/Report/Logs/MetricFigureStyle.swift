import Charts
import Metrics

/// How the charts of log and comparison reports name, colour and scale a metric.
enum MetricFigureStyle {
    /// Charts with at most this many points per line get a marker at each point.
    static let maximumMarkedPoints = 30

    /// "Loss", "Accuracy", "Learning rate", else the quantity as logged.
    static func title(_ quantity: String) -> String {
        switch quantity {
        case "lr": return "Learning rate"
        case "loss", "accuracy": return quantity.prefix(1).uppercased() + quantity.dropFirst()
        default: return quantity
        }
    }

    /// The y-axis label: the quantity in words.
    static func axisLabel(_ quantity: String) -> String {
        quantity == "lr" ? "learning rate" : quantity
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
        case .test: return OkabeIto.bluishGreen
        }
    }

    /// Run `index`'s colour in the Okabe-Ito order, with its name for the report's text; after
    /// eight runs the colours repeat dashed, then dotted, so that every run stays distinguishable.
    static func runStyle(_ index: Int) -> (color: Color, dash: [Double], name: String) {
        let palette = OkabeIto.seriesOrder
        // The names of OkabeIto.seriesOrder, in its order.
        let names = ["blue", "vermillion", "bluish green", "orange", "reddish purple", "sky blue", "black", "yellow"]
        let dashes: [(pattern: [Double], name: String)] = [([], ""), ([7, 4], ", dashed"), ([2, 3], ", dotted")]
        let dash = dashes[(index / palette.count) % dashes.count]
        return (palette[index % palette.count], dash.pattern, names[index % names.count] + dash.name)
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

    /// The x-axis ticks: whole epochs on an epoch axis.
    static func xTicks(_ axis: MetricXAxis) -> AxisSpec.Ticks {
        axis == .epoch ? .integers : .automatic
    }

    /// A file name stem for a quantity's figure: lowercase letters, digits, `-` and `_` only,
    /// unique among `taken` (a `-2` suffix when two quantities reduce to the same stem).
    static func fileStem(_ quantity: String, taken: inout Set<String>) -> String {
        var stem = ""
        for scalar in quantity.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" {
                stem.unicodeScalars.append(scalar)
            } else if !stem.isEmpty, stem.last != "_" {
                stem.append("_")
            }
        }
        while stem.last == "_" { stem.removeLast() }
        if stem.isEmpty { stem = "metric" }
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
