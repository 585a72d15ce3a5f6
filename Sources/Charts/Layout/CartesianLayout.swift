/// The frame of a chart with x and y axes: where the title, tick labels and axis labels go and
/// what remains for the plot, with every label measured so none is clipped.
struct CartesianLayout {
    var frame: Rect
    var plotRect: Rect
    var title: PanelTitle
    var xAxis: AxisSpec
    var yAxis: AxisSpec
    var xScale: Scale
    var yScale: Scale
    var xTicks: TickSet
    var yTicks: TickSet
    /// Category names along x (bar charts), nil for a numeric x axis.
    var categories: [String]?
    /// Rotation of the x tick labels: 0, or -π/4 when categories are too wide to sit level.
    var xLabelAngle: Double = 0

    /// Lays out a chart in `frame`, keeping `rightReserve` units free on the right (for a legend
    /// outside the plot).
    init(
        frame: Rect, title: String?, xAxis: AxisSpec, yAxis: AxisSpec, xDomain: ClosedRange<Double>,
        yDomain: ClosedRange<Double>, categories: [String]? = nil, rightReserve: Double = 0,
        builder: SceneBuilder
    ) {
        let theme = builder.theme
        self.frame = frame
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.categories = categories
        self.title = PanelTitle(title, width: frame.width, builder: builder)
        let tickHeight = builder.measure("0", font: theme.tickLabelFont).height
        let labelHeight = builder.measure("0", font: theme.axisLabelFont).height

        var top = frame.minY + self.title.height(gap: theme.labelGap)
        // Half a label of room so the topmost y tick label is not cut at the frame.
        top += yAxis.ticks == .hidden ? 2 : tickHeight / 2 + 2
        var bottom = frame.maxY
        if let label = xAxis.label, !label.isEmpty { bottom -= labelHeight + theme.labelGap / 2 }
        let yLabelBand = (yAxis.label?.isEmpty ?? true) ? 0 : labelHeight + theme.labelGap

        let categoryWidths = (categories ?? []).map { builder.measure($0, font: theme.tickLabelFont).width }
        var rotated = false
        var layout = Geometry.zero
        // At most two passes: level labels, then rotated ones if categories do not fit.
        for _ in 0..<2 {
            let slant = 0.7071
            let xTickBand: Double
            if categories != nil {
                let widest = categoryWidths.max() ?? 0
                xTickBand = theme.tickLength + 3 + (rotated ? widest * slant + tickHeight * slant : tickHeight)
            } else {
                xTickBand = xAxis.ticks == .hidden ? 0 : theme.tickLength + 3 + tickHeight
            }
            let plotBottom = (bottom - xTickBand).rounded(.down)
            let plotTop = top.rounded(.up)
            let yScale = Scale(type: yAxis.scale, domain: yDomain, start: plotBottom, end: plotTop)
            let yTicks = yAxis.tickSet(for: yDomain, length: plotBottom - plotTop, spacing: theme.yTickSpacing)
            let widestY = yTicks.labels.map { builder.measure($0, font: theme.tickLabelFont).width }.max() ?? 0
            var left = frame.minX + yLabelBand + (yTicks.values.isEmpty ? 0 : widestY + theme.tickLength + 4)
            var right = frame.maxX - rightReserve - 2
            if rotated, let first = categoryWidths.first, let count = categories?.count, count > 0 {
                let band = (right - left) / Double(count)
                left = max(left, frame.minX + first * slant + tickHeight * 0.4 - band / 2)
            }
            left = left.rounded(.up)

            var xTicks = TickSet(values: [], labels: [])
            var xScale = Scale(type: xAxis.scale, domain: xDomain, start: left, end: right)
            if let categories {
                xTicks = TickSet(values: categories.indices.map(Double.init), labels: categories)
            } else {
                // Fewer ticks until the widest label fits between neighbours; then pull the
                // right edge in if the last label would stick out of the frame.
                var spacing = theme.xTickSpacing
                for _ in 0..<6 {
                    xTicks = xAxis.tickSet(for: xDomain, length: right - left, spacing: spacing)
                    let widest = xTicks.labels.map { builder.measure($0, font: theme.tickLabelFont).width }.max() ?? 0
                    let positions = xTicks.values.compactMap { xScale.position(of: $0) }
                    let gaps = zip(positions.dropFirst(), positions).map { $0 - $1 }
                    if (gaps.min() ?? .infinity) >= widest + 10 { break }
                    spacing *= 1.4
                }
                if let last = xTicks.values.last, let label = xTicks.labels.last,
                    let position = xScale.position(of: last)
                {
                    let overhang =
                        position + builder.measure(label, font: theme.tickLabelFont).width / 2
                        - (frame.maxX - rightReserve)
                    if overhang > 0 {
                        right -= overhang
                        xScale = xScale.withRange(start: left, end: right)
                    }
                }
            }
            right = right.rounded(.down)
            if categories != nil {
                xScale = Scale(type: .linear, domain: xDomain, start: left, end: right)
            } else {
                xScale = xScale.withRange(start: left, end: right)
            }
            layout = Geometry(
                plot: Rect(x: left, y: plotTop, width: max(1, right - left), height: max(1, plotBottom - plotTop)),
                xScale: xScale, yScale: yScale, xTicks: xTicks, yTicks: yTicks)
            guard let count = categories?.count, count > 0, !rotated else { break }
            let band = (right - left) / Double(count)
            if (categoryWidths.max() ?? 0) <= band - 4 { break }
            rotated = true
        }
        plotRect = layout.plot
        xScale = layout.xScale
        yScale = layout.yScale
        xTicks = layout.xTicks
        yTicks = layout.yTicks
        xLabelAngle = rotated ? -Double.pi / 4 : 0
    }

    /// One layout attempt's results.
    private struct Geometry {
        var plot: Rect
        var xScale: Scale
        var yScale: Scale
        var xTicks: TickSet
        var yTicks: TickSet

        static let zero = Geometry(
            plot: Rect(x: 0, y: 0, width: 1, height: 1),
            xScale: Scale(type: .linear, domain: 0...1, start: 0, end: 1),
            yScale: Scale(type: .linear, domain: 0...1, start: 1, end: 0),
            xTicks: TickSet(values: [], labels: []), yTicks: TickSet(values: [], labels: []))
    }
}
