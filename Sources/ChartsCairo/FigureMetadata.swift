/// Where a figure came from, written into PNG text chunks (Title, Software, Command) and the
/// PDF document information, so a figure pasted into a write-up still says what made it.
public struct FigureMetadata: Hashable, Sendable {
    public var title: String?
    /// For example "nnreport 0.1.0".
    public var software: String?
    /// The command line that made the figure.
    public var command: String?

    public init(title: String? = nil, software: String? = nil, command: String? = nil) {
        self.title = title
        self.software = software
        self.command = command
    }

    /// The PNG text chunks, in a fixed order: (keyword, text), the text made ``safeText(_:)``.
    public var pngTextChunks: [(keyword: String, text: String)] {
        var chunks: [(String, String)] = []
        if let title { chunks.append(("Title", Self.safeText(title))) }
        if let software { chunks.append(("Software", Self.safeText(software))) }
        if let command { chunks.append(("Command", Self.safeText(command))) }
        return chunks
    }

    /// `text` with control characters other than a line feed written as `\xNN` (`\x00` for
    /// NUL): PNG text chunks end their keyword with a NUL and allow no other controls, and C
    /// strings (PDF metadata) would end at a NUL. Names in logs are data and may hold any of them.
    public static func safeText(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let padded = String(repeating: "0", count: max(0, 2 - hex.count)) + hex
                out.append(contentsOf: ("\\x" + padded).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
    }
}
