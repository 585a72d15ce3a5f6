/// Collects drawing instructions and panel layouts while a figure is laid out.
struct SceneBuilder {
    var theme: Theme
    let measurer: any TextMeasurer
    private(set) var items: [SceneItem] = []
    private(set) var panels: [PanelScene] = []
    /// The index the panel being built will get in `panels`.
    var currentPanel: Int? = nil

    init(theme: Theme, measurer: any TextMeasurer) {
        self.theme = theme
        self.measurer = measurer
    }

    func measure(_ text: String, font: FontSpec) -> TextMetrics {
        measurer.measure(text, font: font)
    }

    /// Reserves the next panel index; items added until `finishPanel` belong to it.
    mutating func beginPanel() {
        currentPanel = panels.count
    }

    mutating func finishPanel(_ panel: PanelScene) {
        panels.append(panel)
        currentPanel = nil
    }

    mutating func fill(_ path: Path, _ color: Color, role: SceneItem.Role) {
        guard !path.isEmpty, color.alpha > 0 else { return }
        items.append(SceneItem(.fill(path, color), role: role, panel: currentPanel))
    }

    mutating func stroke(_ path: Path, _ style: StrokeStyle, role: SceneItem.Role) {
        guard !path.isEmpty, style.color.alpha > 0, style.width > 0 else { return }
        items.append(SceneItem(.stroke(path, style), role: role, panel: currentPanel))
    }

    /// Adds one line of text and returns it (with its measured metrics).
    @discardableResult
    mutating func text(
        _ string: String, at position: Point, font: FontSpec, color: Color, anchor: TextAnchor,
        angle: Double = 0, role: SceneItem.Role = .label
    ) -> TextItem {
        let item = TextItem(
            string, at: position, font: font, color: color, anchor: anchor, angle: angle,
            metrics: measure(string, font: font))
        if !string.isEmpty {
            items.append(SceneItem(.text(item), role: role, panel: currentPanel))
        }
        return item
    }

    mutating func image(_ image: RasterImage, in rect: Rect, interpolation: ImageInterpolation, role: SceneItem.Role) {
        items.append(SceneItem(.image(image, rect, interpolation), role: role, panel: currentPanel))
    }

    mutating func pushClip(_ rect: Rect) {
        items.append(SceneItem(.pushClip(rect), role: .clip, panel: currentPanel))
    }

    mutating func popClip() {
        items.append(SceneItem(.popClip, role: .clip, panel: currentPanel))
    }

    /// The scene of everything added so far.
    func scene(size: Size) -> Scene {
        Scene(size: size, background: theme.background, items: items, panels: panels)
    }
}
