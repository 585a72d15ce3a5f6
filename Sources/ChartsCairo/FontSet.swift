import Charts

/// The font files text is drawn with: an explicit regular and bold file rather than whatever
/// fontconfig would pick, so figures look the same on every machine that has these files.
public struct FontSet: Sendable {
    /// Where Debian and Ubuntu's fonts-dejavu-core installs DejaVu Sans.
    public static let dejaVuSansRegularPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    public static let dejaVuSansBoldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

    public let regularPath: String
    public let boldPath: String
    let regular: CairoFontFace
    let bold: CairoFontFace

    /// Loads both files through FreeType.
    ///
    /// - Throws: `RenderError.fontMissing` naming the file (and the package that provides
    ///   DejaVu), or `.fontUnreadable` when FreeType cannot read it.
    public init(regularPath: String, boldPath: String) throws(RenderError) {
        self.regularPath = regularPath
        self.boldPath = boldPath
        regular = try CairoFontFace.load(path: regularPath)
        bold = try CairoFontFace.load(path: boldPath)
    }

    /// DejaVu Sans and DejaVu Sans Bold from fonts-dejavu-core.
    public static func dejaVuSans() throws(RenderError) -> FontSet {
        try FontSet(regularPath: dejaVuSansRegularPath, boldPath: dejaVuSansBoldPath)
    }

    func face(for weight: FontSpec.Weight) -> CairoFontFace {
        weight == .bold ? bold : regular
    }
}
