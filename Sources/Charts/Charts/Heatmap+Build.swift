extension Heatmap {
    func build(in frame: Rect, builder: inout SceneBuilder) -> PanelScene {
        let theme = builder.theme
        let rows = values.count, columns = columnLabels.count
        let tickFont = theme.tickLabelFont
        let tickHeight = builder.measure("0", font: tickFont).height
        let labelHeight = builder.measure("0", font: theme.axisLabelFont).height
        let domain = resolvedDomain

        let panelTitle = PanelTitle(title, width: frame.width, builder: builder)
        let top = frame.minY + panelTitle.height(gap: theme.labelGap)
        let rowLabelWidth = rowLabels.map { builder.measure($0, font: tickFont).width }.max() ?? 0
        let columnLabelWidths = columnLabels.map { builder.measure($0, font: tickFont).width }
        let widestColumnLabel = columnLabelWidths.max() ?? 0
        let yLabelBand = (yLabel?.isEmpty ?? true) ? 0 : labelHeight + theme.labelGap
        let xLabelBand = (xLabel?.isEmpty ?? true) ? 0 : labelHeight + theme.labelGap

        // The colour bar's ticks and widest label decide its width.
        let colorBarTicks = AxisSpec(format: colorBarFormat).tickSet(for: domain, targetCount: 5)
        let colorBarLabelWidth = colorBarTicks.labels.map { builder.measure($0, font: tickFont).width }.max() ?? 0
        let barWidth = 14.0
        let colorBarBand =
            showsColorBar
            ? 18 + barWidth + theme.tickLength + 3 + colorBarLabelWidth
                + ((colorBarLabel?.isEmpty ?? true) ? 0 : labelHeight + theme.labelGap) : 0

        let left0 = frame.minX + yLabelBand + rowLabelWidth + theme.labelGap
        let availableWidth = frame.maxX - left0 - colorBarBand
        // Level column labels need the cell to be wider than the widest label; else slant them.
        var slanted = false
        var cell = 0.0
        for attempt in 0..<2 {
            slanted = attempt == 1
            let labelBand = slanted ? (widestColumnLabel + tickHeight) * 0.7071 : tickHeight
            let availableHeight = frame.maxY - top - theme.labelGap - labelBand - xLabelBand
            cell = min(availableWidth / Double(max(columns, 1)), availableHeight / Double(max(rows, 1))).rounded(.down)
            if slanted || widestColumnLabel <= cell - 4 { break }
        }
        cell = max(cell, 1)
        let gridWidth = cell * Double(columns), gridHeight = cell * Double(rows)
        // Centre the block of labels, grid and colour bar in the frame.
        let blockWidth = left0 - frame.minX + gridWidth + colorBarBand
        let shift = max(0, (frame.width - blockWidth) / 2).rounded(.down)
        let grid = Rect(x: (left0 + shift).rounded(), y: top.rounded(), width: gridWidth, height: gridHeight)

        builder.beginPanel()
        var panel = PanelScene(kind: .heatmap, frame: frame, plotRect: grid, title: title)
        panel.cells = drawCells(in: grid, cell: cell, domain: domain, builder: &builder)

        // Row labels to the left, column labels below, axis labels outside them.
        for (r, label) in rowLabels.enumerated() {
            builder.text(
                label, at: Point(x: grid.minX - theme.labelGap, y: grid.minY + (Double(r) + 0.5) * cell),
                font: tickFont, color: theme.secondaryText, anchor: TextAnchor(.trailing, .center))
        }
        for (c, label) in columnLabels.enumerated() {
            let x = grid.minX + (Double(c) + 0.5) * cell
            if slanted {
                builder.text(
                    label, at: Point(x: x, y: grid.maxY + theme.labelGap), font: tickFont,
                    color: theme.secondaryText, anchor: TextAnchor(.trailing, .center), angle: -Double.pi / 4)
            } else {
                builder.text(
                    label, at: Point(x: x, y: grid.maxY + theme.labelGap), font: tickFont,
                    color: theme.secondaryText, anchor: TextAnchor(.center, .top))
            }
        }
        if let xLabel, !xLabel.isEmpty {
            let labelBand = slanted ? (widestColumnLabel + tickHeight) * 0.7071 : tickHeight
            builder.text(
                xLabel, at: Point(x: grid.midX, y: grid.maxY + theme.labelGap + labelBand + theme.labelGap),
                font: theme.axisLabelFont, color: theme.text, anchor: TextAnchor(.center, .top))
        }
        if let yLabel, !yLabel.isEmpty {
            builder.text(
                yLabel, at: Point(x: grid.minX - theme.labelGap - rowLabelWidth - theme.labelGap, y: grid.midY),
                font: theme.axisLabelFont, color: theme.text, anchor: TextAnchor(.center, .bottom),
                angle: -Double.pi / 2)
        }
        panelTitle.draw(at: frame.origin, builder: &builder)
        if showsColorBar {
            let bar = Rect(x: grid.maxX + 18, y: grid.minY, width: barWidth, height: grid.height)
            panel.colorBar = ColorBar(colorMap: colorMap, domain: domain, ticks: colorBarTicks, label: colorBarLabel)
                .draw(in: bar, builder: &builder)
        }
        builder.finishPanel(panel)
        return panel
    }

    /// Fills the cells and writes their numbers, white on dark cells and dark on light ones.
    func drawCells(in grid: Rect, cell: Double, domain: ClosedRange<Double>, builder: inout SceneBuilder) -> [CellScene]
    {
        let theme = builder.theme
        let texts = values.map { row in row.map { cellText.format($0) } }
        // One font size for every cell: the largest at which the widest number fits.
        var font = theme.cellFont.withSize(min(theme.cellFont.size, (cell * 0.42).rounded(.down)))
        let widest = texts.flatMap { $0 }.compactMap { $0 }.max { $0.count < $1.count } ?? ""
        while builder.measure(widest, font: font).width > cell - 4 && font.size > theme.minimumFontSize {
            font = font.withSize(font.size - 0.5)
        }
        let fitsText = builder.measure(widest, font: font).width <= cell - 2
        var cells: [CellScene] = []
        for (r, row) in values.enumerated() {
            for (c, value) in row.enumerated() {
                let rect = Rect(
                    x: grid.minX + Double(c) * cell, y: grid.minY + Double(r) * cell, width: cell, height: cell)
                guard value.isFinite else { continue }
                let t = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
                let fill = colorMap.color(at: t)
                builder.fill(.rect(rect), fill, role: .data)
                var text = fitsText ? texts[r][c] : nil
                var textColor: Color?
                if let string = text {
                    // White on dark cells and near-black on light ones: both keep 4.5:1 contrast
                    // or better across the colour map.
                    textColor = fill.luminance < 0.36 ? Color.white : theme.text
                    if mutesZeros && value == 0 { textColor = theme.text.withAlpha(0.35) }
                    builder.text(
                        string, at: rect.center, font: font, color: textColor!, anchor: TextAnchor(.center, .center),
                        role: .data)
                } else {
                    text = nil
                }
                cells.append(
                    CellScene(row: r, column: c, value: value, rect: rect, fill: fill, text: text, textColor: textColor)
                )
            }
        }
        builder.stroke(.rect(grid.insetBy(dx: -0.5, dy: -0.5)), StrokeStyle(color: theme.grid, width: 1), role: .axis)
        return cells
    }
}
