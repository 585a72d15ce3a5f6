/// A figure as the Markdown report links it.
public struct FigureLink: Sendable, Equatable {
    /// Key in the template's `figures` object: loss, accuracy, confusion, ...
    public var key: String
    /// File name relative to the report folder.
    public var file: String
    /// Alt text: what the figure shows, for readers who cannot see it.
    public var alt: String
    /// A sentence shown above the figure.
    public var caption: String

    public init(key: String, file: String, alt: String, caption: String) {
        self.key = key
        self.file = file
        self.alt = alt
        self.caption = caption
    }

}
