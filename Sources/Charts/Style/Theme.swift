/// Colours, fonts and sizes shared by every panel of a figure.
///
/// Sizes are in figure units (pixels at scale 1, points in PDF). The defaults are chosen so a
/// 640-unit-wide chart stays legible when shrunk into one column of a two-column paper.
public struct Theme: Hashable, Sendable {
    public var background = Color.white
    public var text = Color(hex: 0x1F1F1F)
    public var secondaryText = Color(hex: 0x4D4D4D)
    public var grid = Color(hex: 0xE3E3E3)
    public var axis = Color(hex: 0x595959)
    public var annotation = Color(hex: 0x6B6B6B)
    public var palette = OkabeIto.seriesOrder
    /// Frames and text for right and wrong predictions (colour-blind safe pair).
    public var positive = OkabeIto.bluishGreen
    public var negative = OkabeIto.vermillion

    public var titleFont = FontSpec(size: 16, weight: .bold)
    public var subtitleFont = FontSpec(size: 12)
    public var panelTitleFont = FontSpec(size: 14, weight: .bold)
    public var axisLabelFont = FontSpec(size: 13)
    public var tickLabelFont = FontSpec(size: 12)
    public var legendFont = FontSpec(size: 12)
    public var captionFont = FontSpec(size: 11)
    public var cellFont = FontSpec(size: 12)
    /// Never shrink text below this size to make it fit.
    public var minimumFontSize = 7.0

    public var lineWidth = 2.0
    public var faintOpacity = 0.22
    public var markerRadius = 3.0
    public var gridWidth = 1.0
    public var axisWidth = 1.0
    public var tickLength = 5.0
    /// Space around the whole figure.
    public var margin = 14.0
    /// Space between panels of a multi-panel figure.
    public var panelSpacing = 24.0
    /// Space between a label and what it labels.
    public var labelGap = 6.0
    /// Pixels of axis length per tick, roughly.
    public var xTickSpacing = 90.0
    public var yTickSpacing = 56.0

    public init() {}

    /// The light theme: white background, light grid, Okabe-Ito series colours.
    public static let light = Theme()

    /// The series colour for palette slot `index`, cycling.
    public func color(at index: Int) -> Color {
        palette[index % palette.count]
    }

    /// Each requested colour, or for nil the next palette slot not yet used by another nil.
    public func colors(for requested: [Color?]) -> [Color] {
        var slot = 0
        return requested.map { color in
            if let color { return color }
            defer { slot += 1 }
            return self.color(at: slot)
        }
    }
}
