/// A file of the report folder with a one-line description.
public struct ReportFileEntry: Sendable, Equatable {
    public var name: String
    public var what: String

    public init(name: String, what: String) {
        self.name = name
        self.what = what
    }

}
