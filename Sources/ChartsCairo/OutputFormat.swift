/// A file format figures are written in.
public enum OutputFormat: String, CaseIterable, Hashable, Sendable {
    case png
    case svg
    case pdf

    public var fileExtension: String { rawValue }
}
