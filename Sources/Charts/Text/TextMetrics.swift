/// The measured extent of one line of text, in figure units.
public struct TextMetrics: Hashable, Sendable {
    /// The advance width of the whole string.
    public var width: Double
    /// Distance from the baseline up to the top of the font's tallest glyphs.
    public var ascent: Double
    /// Distance from the baseline down to the bottom of the font's descenders (positive).
    public var descent: Double

    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
    }

    /// Ascent plus descent: the height a line of this font occupies.
    public var height: Double { ascent + descent }
}
