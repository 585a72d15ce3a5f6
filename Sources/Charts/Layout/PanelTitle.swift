/// A panel's title, wrapped and shrunk to the panel's width, drawn left-aligned at its top.
struct PanelTitle {
    let lines: [String]
    let font: FontSpec
    private let lineHeight: Double

    init(_ title: String?, width: Double, builder: SceneBuilder) {
        let theme = builder.theme
        if let title, !title.isEmpty {
            (lines, font) = TextFitting(measurer: builder.measurer, minimumSize: theme.minimumFontSize)
                .lines(title, font: theme.panelTitleFont, width: width)
        } else {
            (lines, font) = ([], theme.panelTitleFont)
        }
        lineHeight = builder.measure("0", font: font).height
    }

    /// Height the title takes including the gap below it (0 without a title).
    func height(gap: Double) -> Double {
        lines.isEmpty ? 0 : Double(lines.count) * lineHeight + gap
    }

    func draw(at origin: Point, builder: inout SceneBuilder) {
        for (i, line) in lines.enumerated() {
            builder.text(
                line, at: Point(x: origin.x, y: origin.y + Double(i) * lineHeight), font: font,
                color: builder.theme.text, anchor: TextAnchor(.leading, .top))
        }
    }
}
