/// A chart or figure after layout: every position, tick, label and legend entry decided,
/// ready to draw on any `Canvas` and open to inspection by tests.
public struct Scene: Sendable {
    public var size: Size
    public var background: Color
    /// Drawing instructions in painting order.
    public var items: [SceneItem]
    /// What each panel decided (plot rectangle, ticks, legend, point positions).
    public var panels: [PanelScene]

    public init(size: Size, background: Color, items: [SceneItem] = [], panels: [PanelScene] = []) {
        self.size = size
        self.background = background
        self.items = items
        self.panels = panels
    }

    /// Every text item, in painting order.
    public var texts: [TextItem] {
        items.compactMap { item in
            if case .text(let text) = item.primitive { return text }
            return nil
        }
    }

    /// Draws the background and every item onto `canvas`.
    public func draw<C: Canvas>(on canvas: inout C) {
        canvas.fill(.rect(Rect(origin: .zero, size: size)), color: background)
        for item in items {
            switch item.primitive {
            case .fill(let path, let color): canvas.fill(path, color: color)
            case .stroke(let path, let style): canvas.stroke(path, style: style)
            case .text(let text): canvas.draw(text)
            case .image(let image, let rect, let interpolation):
                canvas.draw(image, in: rect, interpolation: interpolation)
            case .pushClip(let rect): canvas.pushClip(rect)
            case .popClip: canvas.popClip()
            }
        }
    }
}
