import Charts
import Foundation

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

    /// The folders DejaVu Sans is looked for in, in order: Debian and Ubuntu
    /// (fonts-dejavu-core), Fedora, Arch, and a local installation.
    public static let dejaVuFolders = [
        "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu-sans-fonts", "/usr/share/fonts/TTF",
        "/usr/local/share/fonts",
    ]

    /// DejaVu Sans and DejaVu Sans Bold from the first of ``dejaVuFolders`` that holds both.
    ///
    /// - Throws: `RenderError.fontMissing` naming every folder looked in and how to install the
    ///   fonts, when none holds them.
    public static func dejaVuSans() throws(RenderError) -> FontSet {
        for folder in dejaVuFolders {
            let regular = folder + "/DejaVuSans.ttf", bold = folder + "/DejaVuSans-Bold.ttf"
            if FileManager.default.fileExists(atPath: regular), FileManager.default.fileExists(atPath: bold) {
                return try FontSet(regularPath: regular, boldPath: bold)
            }
        }
        throw RenderError.fontNotFound(folders: dejaVuFolders)
    }

    func face(for weight: FontSpec.Weight) -> CairoFontFace {
        weight == .bold ? bold : regular
    }
}
