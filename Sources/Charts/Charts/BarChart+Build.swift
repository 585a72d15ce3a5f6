extension BarChart {
    func build(in frame: Rect, builder: inout SceneBuilder) -> PanelScene {
        let theme = builder.theme
        let colors = theme.colors(for: series.map(\.color))
        var yAxis = self.yAxis
        yAxis.includesZero = true
        let yDomain = yAxis.resolvedDomain(covering: series.flatMap(\.values), padding: 0.05)
        let xAxis = AxisSpec(label: xLabel, showsGrid: false)
        let xDomain = -0.5...(Double(max(categories.count, 1)) - 0.5)

        let entries =
            series.count < 2 ? [] : zip(series, colors).map { LegendBox.Entry(label: $0.name, swatch: .box($1)) }
        let legendBox = LegendBox(entries: entries, builder: builder)
        func layout(reserve: Double) -> CartesianLayout {
            CartesianLayout(
                frame: frame, title: title, xAxis: xAxis, yAxis: yAxis, xDomain: xDomain, yDomain: yDomain,
                categories: categories, rightReserve: reserve, builder: builder)
        }
        var placement = legendBox.isEmpty ? LegendPlacement.hidden : legend
        var cartesian = layout(reserve: placement == .outsideRight ? legendBox.size.width + 12 : 0)
        var bars = barRects(cartesian, colors: colors)
        if placement == .automatic {
            var placer = LegendPlacer()
            placer.rects = []
            placer.points = bars.flatMap { [Point(x: $0.rect.midX, y: $0.rect.minY), $0.rect.center] }
            let barAreas = bars.map(\.rect)
            if let best = placer.best(size: legendBox.size, in: cartesian.plotRect),
                !barAreas.contains(where: {
                    $0.intersects(
                        LegendPlacer.rect(for: best.corner, size: legendBox.size, in: cartesian.plotRect).insetBy(
                            dx: -3, dy: -3))
                })
            {
                placement = .inside(best.corner)
            } else {
                placement = .outsideRight
                cartesian = layout(reserve: legendBox.size.width + 12)
                bars = barRects(cartesian, colors: colors)
            }
        }

        builder.beginPanel()
        var panel = PanelScene(kind: .bar, frame: frame, plotRect: cartesian.plotRect, title: title)
        cartesian.drawGrid(&builder)
        for bar in bars {
            builder.fill(.rect(bar.rect), bar.color, role: .data)
        }
        (panel.xAxis, panel.yAxis) = cartesian.drawAxes(&builder)
        panel.bars = bars
        if let origin = legendBox.origin(for: placement, plot: cartesian.plotRect, frame: frame) {
            legendBox.draw(at: origin, builder: &builder)
            panel.legend = LegendScene(
                frame: Rect(origin: origin, size: legendBox.size), placement: placement,
                entries: entries.map(\.label), coveredData: 0)
        }
        builder.finishPanel(panel)
        return panel
    }

    /// The rectangle of every finite bar: grouped side by side within each category's slot,
    /// from the zero line to the value, edges on whole units.
    func barRects(_ cartesian: CartesianLayout, colors: [Color]) -> [BarScene] {
        let n = Double(max(series.count, 1))
        let slot = (cartesian.plotRect.width / Double(max(categories.count, 1)))
        let groupWidth = slot * Self.groupWidth
        let barWidth = groupWidth / n
        let zeroValue = cartesian.yScale.type == .log ? cartesian.yScale.domain.lowerBound : 0
        guard let zero = cartesian.yScale.position(of: zeroValue) else { return [] }
        var bars: [BarScene] = []
        for (si, s) in series.enumerated() {
            for (ci, value) in s.values.enumerated() {
                guard let top = cartesian.yScale.position(of: value),
                    let center = cartesian.xScale.position(of: Double(ci))
                else { continue }
                let x0 = (center - groupWidth / 2 + Double(si) * barWidth).rounded()
                let x1 = (center - groupWidth / 2 + Double(si + 1) * barWidth).rounded() - (n > 1 ? 1 : 0)
                let color = s.barColors?[ci] ?? colors[si]
                bars.append(
                    BarScene(
                        category: ci, series: si, value: value,
                        rect: Rect(
                            corner: Point(x: x0, y: zero.rounded()), corner: Point(x: max(x1, x0 + 1), y: top.rounded())
                        ),
                        color: color))
            }
        }
        return bars
    }
}
