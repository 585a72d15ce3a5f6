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

    /// The PNG text chunks, in a fixed order: (keyword, text).
    public var pngTextChunks: [(keyword: String, text: String)] {
        var chunks: [(String, String)] = []
        if let title { chunks.append(("Title", title)) }
        if let software { chunks.append(("Software", software)) }
        if let command { chunks.append(("Command", command)) }
        return chunks
    }
}
