/// A matrix of coloured cells with row and column labels, optional numbers in the cells and a
/// colour bar: confusion matrices, raw or normalised.
public struct Heatmap: Hashable, Sendable {
    /// How cell values are written inside the cells.
    public enum CellText: Hashable, Sendable {
        case none
        case integer
        case decimals(Int)
        /// Fractions as percentages with the given decimals.
        case percent(Int)

        func format(_ value: Double) -> String? {
            guard value.isFinite else { return nil }
            switch self {
            case .none: return nil
            case .integer: return TickLabelFormatter.fixed(value, decimals: 0)
            case .decimals(let d): return TickLabelFormatter.fixed(value, decimals: d)
            case .percent(let d): return TickLabelFormatter.percent(value, decimals: d)
            }
        }
    }

    public var title: String?
    /// `values[row][column]`; non-finite values leave the cell blank.
    public var values: [[Double]]
    public var rowLabels: [String]
    public var columnLabels: [String]
    public var xLabel: String?
    public var yLabel: String?
    public var colorMap: ColorMap
    /// The value range of the colour map; nil spans the finite values (and zero).
    public var domain: ClosedRange<Double>?
    public var cellText: CellText
    /// Write zero cells in a muted colour so the non-zero ones stand out.
    public var mutesZeros: Bool
    /// Label of the colour bar; nil hides the bar.
    public var colorBarLabel: String?
    public var showsColorBar: Bool
    /// How the colour bar's ticks are written (`.percent` for fractions).
    public var colorBarFormat: AxisSpec.LabelFormat

    public init(
        title: String? = nil, values: [[Double]], rowLabels: [String], columnLabels: [String],
        xLabel: String? = nil, yLabel: String? = nil, colorMap: ColorMap = .blues, domain: ClosedRange<Double>? = nil,
        cellText: CellText = .none, colorBarFormat: AxisSpec.LabelFormat = .automatic, mutesZeros: Bool = true,
        showsColorBar: Bool = true, colorBarLabel: String? = nil
    ) {
        precondition(
            values.count == rowLabels.count, "heatmap has \(values.count) rows but \(rowLabels.count) row labels")
        for (i, row) in values.enumerated() {
            precondition(
                row.count == columnLabels.count,
                "heatmap row \(i) has \(row.count) values but there are \(columnLabels.count) column labels")
        }
        self.title = title
        self.values = values
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.colorMap = colorMap
        self.domain = domain
        self.cellText = cellText
        self.mutesZeros = mutesZeros
        self.showsColorBar = showsColorBar
        self.colorBarLabel = colorBarLabel
        self.colorBarFormat = colorBarFormat
    }

    /// The colour map's value range.
    var resolvedDomain: ClosedRange<Double> {
        if let domain { return domain }
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        let lo = min(finite.min() ?? 0, 0), hi = max(finite.max() ?? 1, 0)
        return Domain.isDegenerate(lo, hi) ? Domain.widened(lo / 2 + hi / 2) : lo...hi
    }
}
