/// A measurer with fixed per-character advances, for tests: layout becomes predictable
/// without a font file. Proportions are close to DejaVu Sans (ascent 0.93 em, descent 0.24 em).
public struct FixedTextMeasurer: TextMeasurer {
    public var regularAdvance: Double
    public var boldAdvance: Double

    public init(regularAdvance: Double = 0.6, boldAdvance: Double = 0.68) {
        self.regularAdvance = regularAdvance
        self.boldAdvance = boldAdvance
    }

    public func measure(_ text: String, font: FontSpec) -> TextMetrics {
        let advance = font.weight == .bold ? boldAdvance : regularAdvance
        return TextMetrics(
            width: Double(text.count) * advance * font.size, ascent: 0.93 * font.size,
            descent: 0.24 * font.size)
    }
}
