extension CartesianLayout {
    /// A one-unit line position on a pixel centre, so it stays one crisp pixel at scale 1 (and
    /// two at scale 2) instead of a blurred pair.
    static func crisp(_ v: Double) -> Double { v.rounded(.down) + 0.5 }

    /// Grid lines behind the data at the labelled ticks.
    func drawGrid(_ builder: inout SceneBuilder) {
        let theme = builder.theme
        let style = StrokeStyle(color: theme.grid, width: theme.gridWidth)
        var path = Path()
        if yAxis.showsGrid {
            for value in yTicks.values {
                guard let y = yScale.position(of: value) else { continue }
                let cy = Self.crisp(y)
                path.move(to: Point(x: plotRect.minX, y: cy))
                path.line(to: Point(x: plotRect.maxX, y: cy))
            }
        }
        if xAxis.showsGrid && categories == nil {
            for value in xTicks.values {
                guard let x = xScale.position(of: value) else { continue }
                let cx = Self.crisp(x)
                path.move(to: Point(x: cx, y: plotRect.minY))
                path.line(to: Point(x: cx, y: plotRect.maxY))
            }
        }
        builder.stroke(path, style, role: .grid)
    }

    /// The title, axis lines, ticks, tick labels and axis labels; returns what the axes show.
    func drawAxes(_ builder: inout SceneBuilder) -> (x: AxisScene, y: AxisScene) {
        let theme = builder.theme
        let axisStyle = StrokeStyle(color: theme.axis, width: theme.axisWidth)
        let bottom = plotRect.maxY + 0.5
        let left = plotRect.minX - 0.5

        var spines = Path()
        spines.move(to: Point(x: left, y: plotRect.minY))
        spines.line(to: Point(x: left, y: bottom))
        spines.line(to: Point(x: plotRect.maxX, y: bottom))
        builder.stroke(spines, axisStyle, role: .axis)

        var tickMarks = Path()
        var xTickScenes: [TickScene] = []
        for (value, label) in zip(xTicks.values, xTicks.labels) {
            guard let x = xScale.position(of: value) else { continue }
            let cx = Self.crisp(x)
            tickMarks.move(to: Point(x: cx, y: bottom))
            tickMarks.line(to: Point(x: cx, y: bottom + theme.tickLength))
            let anchorPoint = Point(x: x, y: bottom + theme.tickLength + 3)
            if xLabelAngle == 0 {
                builder.text(
                    label, at: anchorPoint, font: theme.tickLabelFont, color: theme.secondaryText,
                    anchor: TextAnchor(.center, .top))
            } else {
                builder.text(
                    label, at: anchorPoint, font: theme.tickLabelFont, color: theme.secondaryText,
                    anchor: TextAnchor(.trailing, .center), angle: xLabelAngle)
            }
            xTickScenes.append(TickScene(value: value, position: x, label: label))
        }
        var yTickScenes: [TickScene] = []
        for (value, label) in zip(yTicks.values, yTicks.labels) {
            guard let y = yScale.position(of: value) else { continue }
            let cy = Self.crisp(y)
            tickMarks.move(to: Point(x: left - theme.tickLength, y: cy))
            tickMarks.line(to: Point(x: left, y: cy))
            builder.text(
                label, at: Point(x: left - theme.tickLength - 3, y: y), font: theme.tickLabelFont,
                color: theme.secondaryText, anchor: TextAnchor(.trailing, .center))
            yTickScenes.append(TickScene(value: value, position: y, label: label))
        }
        for value in yTicks.minor {
            guard let y = yScale.position(of: value), y >= plotRect.minY - 0.5, y <= plotRect.maxY + 0.5 else {
                continue
            }
            let cy = Self.crisp(y)
            tickMarks.move(to: Point(x: left - theme.tickLength * 0.6, y: cy))
            tickMarks.line(to: Point(x: left, y: cy))
        }
        for value in xTicks.minor {
            guard let x = xScale.position(of: value), x >= plotRect.minX - 0.5, x <= plotRect.maxX + 0.5 else {
                continue
            }
            let cx = Self.crisp(x)
            tickMarks.move(to: Point(x: cx, y: bottom))
            tickMarks.line(to: Point(x: cx, y: bottom + theme.tickLength * 0.6))
        }
        builder.stroke(tickMarks, axisStyle, role: .axis)

        if let label = xAxis.label, !label.isEmpty {
            builder.text(
                label, at: Point(x: plotRect.midX, y: frame.maxY), font: theme.axisLabelFont,
                color: theme.text, anchor: TextAnchor(.center, .bottom))
        }
        if let label = yAxis.label, !label.isEmpty {
            builder.text(
                label, at: Point(x: frame.minX, y: plotRect.midY), font: theme.axisLabelFont,
                color: theme.text, anchor: TextAnchor(.center, .top), angle: -Double.pi / 2)
        }
        title.draw(at: frame.origin, builder: &builder)
        return (
            AxisScene(scale: xScale, ticks: xTickScenes, minorTicks: xTicks.minor, label: xAxis.label),
            AxisScene(scale: yScale, ticks: yTickScenes, minorTicks: yTicks.minor, label: yAxis.label)
        )
    }
}
