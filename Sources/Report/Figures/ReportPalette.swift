import Charts

/// A colour with the name captions use for it ("the blue line"): one place for both, so that a
/// palette change changes the figures and the words about them together.
public struct NamedColor: Sendable, Hashable {
    public var color: Color
    public var name: String

    public init(_ color: Color, _ name: String) {
        self.color = color
        self.name = name
    }
}

/// The colours every report figure draws with, by role (Okabe–Ito: distinguishable with the
/// common colour-vision deficiencies).
public enum ReportPalette {
    public static let train = NamedColor(OkabeIto.blue, "blue")
    public static let validation = NamedColor(OkabeIto.vermillion, "vermillion")
    public static let test = NamedColor(OkabeIto.bluishGreen, "bluish green")
    /// What is right (a correct prediction, an exact fit).
    public static let right = NamedColor(OkabeIto.bluishGreen, "green")
    /// What is wrong (a mistake, an inexact fit).
    public static let wrong = NamedColor(OkabeIto.vermillion, "vermillion")
    /// A reference drawn under the data (a target function, a box).
    public static let reference = NamedColor(OkabeIto.black, "black")
    /// A model's output drawn over the reference.
    public static let model = NamedColor(OkabeIto.blue, "blue")
    /// Bars of a single series.
    public static let bars = NamedColor(OkabeIto.blue, "blue")
    /// One colour per line, run or unit, in this order, with their names.
    public static let series: [NamedColor] = [
        NamedColor(OkabeIto.blue, "blue"), NamedColor(OkabeIto.vermillion, "vermillion"),
        NamedColor(OkabeIto.bluishGreen, "bluish green"), NamedColor(OkabeIto.orange, "orange"),
        NamedColor(OkabeIto.reddishPurple, "reddish purple"), NamedColor(OkabeIto.skyBlue, "sky blue"),
        NamedColor(OkabeIto.black, "black"), NamedColor(OkabeIto.yellow, "yellow"),
    ]
    /// The `index`th of ``series``, repeating.
    public static func series(_ index: Int) -> NamedColor { series[index % series.count] }
}
