/// A vertical colour bar with ticks on its right, high values at the top.
struct ColorBar {
    var colorMap: ColorMap
    var domain: ClosedRange<Double>
    var ticks: TickSet
    var label: String?

    func draw(in bar: Rect, builder: inout SceneBuilder) -> ColorBarScene {
        let theme = builder.theme
        let steps = 256
        var pixels: [UInt8] = []
        pixels.reserveCapacity(steps * 4)
        let table = colorMap.lookupTable(count: steps)
        for i in (0..<steps).reversed() { pixels.append(contentsOf: table[(i * 4)..<(i * 4 + 4)]) }
        builder.image(
            RasterImage(width: 1, height: steps, pixels: pixels), in: bar, interpolation: .smooth, role: .data)
        builder.stroke(.rect(bar.insetBy(dx: -0.5, dy: -0.5)), StrokeStyle(color: theme.grid, width: 1), role: .axis)

        let scale = Scale(type: .linear, domain: domain, start: bar.maxY, end: bar.minY)
        var marks = Path()
        var scenes: [TickScene] = []
        var widest = 0.0
        for (value, text) in zip(ticks.values, ticks.labels) {
            guard let y = scale.position(of: value) else { continue }
            let cy = CartesianLayout.crisp(y)
            marks.move(to: Point(x: bar.maxX, y: cy))
            marks.line(to: Point(x: bar.maxX + theme.tickLength, y: cy))
            let item = builder.text(
                text, at: Point(x: bar.maxX + theme.tickLength + 3, y: y), font: theme.tickLabelFont,
                color: theme.secondaryText, anchor: TextAnchor(.leading, .center))
            widest = max(widest, item.metrics.width)
            scenes.append(TickScene(value: value, position: y, label: text))
        }
        builder.stroke(marks, StrokeStyle(color: theme.axis, width: theme.axisWidth), role: .axis)
        if let label, !label.isEmpty {
            builder.text(
                label, at: Point(x: bar.maxX + theme.tickLength + 3 + widest + theme.labelGap, y: bar.midY),
                font: theme.axisLabelFont, color: theme.text, anchor: TextAnchor(.center, .top), angle: -Double.pi / 2)
        }
        return ColorBarScene(rect: bar, axis: AxisScene(scale: scale, ticks: scenes, label: label))
    }
}
