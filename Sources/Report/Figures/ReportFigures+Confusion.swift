import Charts

extension ReportFigures {
    /// The confusion matrix: rows are true classes, columns predicted ones, with the count (or,
    /// `normalized`, the share of each true class as a percentage, i.e. per-class recall) in
    /// every cell.
    public static func confusion(_ matrix: [[Int]], classNames: [String], normalized: Bool = false) -> Figure {
        let classes = classNames.count
        precondition(
            matrix.count == classes && matrix.allSatisfy { $0.count == classes },
            "a confusion matrix for \(classes) classes must be \(classes)x\(classes)")
        let total = matrix.joined().reduce(0, +)
        let correct = (0..<classes).reduce(0) { $0 + matrix[$1][$1] }
        let values: [[Double]] = matrix.map { row in
            let sum = row.reduce(0, +)
            return row.map { normalized ? (sum > 0 ? Double($0) / Double(sum) : .nan) : Double($0) }
        }
        let heatmap = Heatmap(
            values: values, rowLabels: classNames, columnLabels: classNames, xLabel: "predicted class",
            yLabel: "true class", colorMap: .blues, domain: normalized ? 0...1 : nil,
            cellText: normalized ? .percent(1) : .integer, colorBarFormat: normalized ? .percent : .automatic,
            colorBarLabel: normalized ? "share of true class" : "images")
        let accuracy = total > 0 ? TickLabelFormatter.percent(Double(correct) / Double(total), decimals: 2) : "–"
        let longNames = classNames.contains { $0.count > 3 }
        return Figure(
            .heatmap(heatmap), size: Size(width: longNames ? 720 : 660, height: longNames ? 670 : 640),
            title: normalized ? "Confusion matrix, normalised by true class" : "Confusion matrix",
            subtitle:
                "\(grouped(total)) test images, \(accuracy) on the diagonal. Rows: true class; columns: predicted class."
        )
    }
}
