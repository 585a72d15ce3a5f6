/// Measures text the way the renderer will draw it, so layout can reserve exactly the room
/// labels need. `ChartsCairo.CairoTextMeasurer` measures with the real font; tests use
/// `FixedTextMeasurer`.
public protocol TextMeasurer: Sendable {
    func measure(_ text: String, font: FontSpec) -> TextMetrics
}
