/// Why a figure could not be rendered or written.
public enum RenderError: Error, Equatable, CustomStringConvertible {
    /// The font file is not there.
    case fontMissing(path: String)
    /// FreeType could not open the font file.
    case fontUnreadable(path: String, freeTypeError: Int32)
    /// A Cairo call failed; `status` is `cairo_status_to_string`'s text.
    case cairo(operation: String, status: String)
    /// libpng failed; `message` is libpng's text.
    case png(operation: String, message: String)
    /// A PNG text chunk cannot be written as given.
    case invalidMetadata(keyword: String, reason: String)
    /// The scale is not 1 or 2.
    case invalidScale(Int)
    /// DejaVu Sans is in none of the folders looked in.
    case fontNotFound(folders: [String])
    /// The figure is too large for a raster.
    case imageTooLarge(width: Int, height: Int)
    /// Writing the output file failed.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .fontMissing(let path):
            "font file \(path) not found; install it (Debian/Ubuntu: apt-get install fonts-dejavu-core) or pass another TrueType file"
        case .fontNotFound(let folders):
            "DejaVu Sans (DejaVuSans.ttf and DejaVuSans-Bold.ttf) is in none of "
                + folders.joined(separator: ", ")
                + "; install it: apt-get install fonts-dejavu-core (Debian, Ubuntu), dnf install dejavu-sans-fonts "
                + "(Fedora), pacman -S ttf-dejavu (Arch)"
        case .fontUnreadable(let path, let error):
            "FreeType could not load the font \(path) (FT_Error \(error)); is it a TrueType/OpenType file?"
        case .cairo(let operation, let status):
            "Cairo failed while \(operation): \(status)"
        case .png(let operation, let message):
            "libpng failed while \(operation): \(message)"
        case .invalidMetadata(let keyword, let reason):
            "PNG text chunk \"\(keyword)\" is invalid: \(reason)"
        case .invalidScale(let scale):
            "scale must be 1 or 2, got \(scale)"
        case .imageTooLarge(let width, let height):
            "a \(width)x\(height) pixel image is too large to render (Cairo allows at most 32767 per side)"
        case .writeFailed(let path, let reason):
            "could not write \(path): \(reason)"
        }
    }
}
