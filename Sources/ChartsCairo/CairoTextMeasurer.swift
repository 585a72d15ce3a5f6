import Charts

/// Measures text with the same font files and font options the Cairo canvas draws with, so
/// layout reserves exactly the room the drawn labels take.
public struct CairoTextMeasurer: TextMeasurer {
    public let fonts: FontSet

    public init(fonts: FontSet) {
        self.fonts = fonts
    }

    public func measure(_ text: String, font: FontSpec) -> TextMetrics {
        do {
            return try cairoMeasure(text, face: fonts.face(for: font.weight), size: font.size)
        } catch {
            // Cairo fails here only when out of memory (Swift strings are valid UTF-8); the
            // renderer's status checks report that failure, so layout just needs a size.
            return FixedTextMeasurer().measure(text, font: font)
        }
    }
}
