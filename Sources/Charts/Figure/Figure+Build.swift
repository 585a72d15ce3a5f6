extension Figure {
    /// Lays out every panel with text measured by `measurer`.
    public func build(measurer: some TextMeasurer) -> Scene {
        var builder = SceneBuilder(theme: theme, measurer: measurer)
        let fitting = TextFitting(measurer: measurer, minimumSize: theme.minimumFontSize)
        var area = Rect(origin: .zero, size: size).insetBy(dx: theme.margin, dy: theme.margin)

        if let title, !title.isEmpty {
            let (lines, font) = fitting.lines(title, font: theme.titleFont, width: area.width)
            let height = measurer.measure("0", font: font).height
            for (i, line) in lines.enumerated() {
                builder.text(
                    line, at: Point(x: area.minX, y: area.minY + Double(i) * height), font: font,
                    color: theme.text, anchor: TextAnchor(.leading, .top))
            }
            area = area.inset(by: EdgeInsets(top: Double(lines.count) * height + 4))
        }
        if let subtitle, !subtitle.isEmpty {
            let (lines, font) = fitting.lines(subtitle, font: theme.subtitleFont, width: area.width, maxLines: 3)
            let height = measurer.measure("0", font: font).height
            for (i, line) in lines.enumerated() {
                builder.text(
                    line, at: Point(x: area.minX, y: area.minY + Double(i) * height), font: font,
                    color: theme.secondaryText, anchor: TextAnchor(.leading, .top))
            }
            area = area.inset(by: EdgeInsets(top: Double(lines.count) * height))
        }
        if title != nil || subtitle != nil {
            area = area.inset(by: EdgeInsets(top: theme.panelSpacing * 0.6))
        }

        let weights = columnWeights ?? Array(repeating: 1, count: columns)
        let totalWeight = weights.reduce(0, +)
        let usableWidth = area.width - theme.panelSpacing * Double(columns - 1)
        let cellHeight = (area.height - theme.panelSpacing * Double(rows - 1)) / Double(rows)
        var columnStarts: [Double] = []
        var x = area.minX
        for w in weights {
            columnStarts.append(x)
            x += usableWidth * w / totalWeight + theme.panelSpacing
        }
        for (i, panel) in panels.enumerated() {
            let r = i / columns, c = i % columns
            let frame = Rect(
                x: columnStarts[c], y: area.minY + Double(r) * (cellHeight + theme.panelSpacing),
                width: usableWidth * weights[c] / totalWeight, height: cellHeight)
            Self.build(panel, in: frame, builder: &builder)
        }
        return builder.scene(size: size)
    }

    static func build(_ panel: Panel, in frame: Rect, builder: inout SceneBuilder) {
        switch panel {
        case .line(let chart): _ = chart.build(in: frame, builder: &builder)
        case .bar(let chart): _ = chart.build(in: frame, builder: &builder)
        case .heatmap(let chart): _ = chart.build(in: frame, builder: &builder)
        case .images(let grid): _ = grid.build(in: frame, builder: &builder)
        case .stack(let panels, let weights, let spacing):
            precondition(
                weights.count == panels.count,
                "a stack of \(panels.count) panels needs as many weights, got \(weights.count)")
            let total = weights.reduce(0, +)
            let usable = frame.height - spacing * Double(max(panels.count - 1, 0))
            var y = frame.minY
            for (panel, weight) in zip(panels, weights) {
                let height = usable * weight / total
                build(panel, in: Rect(x: frame.minX, y: y, width: frame.width, height: height), builder: &builder)
                y += height + spacing
            }
        case .themed(let theme, let panel):
            let saved = builder.theme
            builder.theme = theme
            build(panel, in: frame, builder: &builder)
            builder.theme = saved
        case .empty:
            break
        }
    }
}
