/// The pieces the typed template views share. Their property names are the names templates use
/// (documented in templates/README.md); a test renders every built-in template against them and
/// fails on a name they do not have.

/// A figure as a template places it: `![{{alt}}]({{file}})` and its caption.
public struct FigureView: Sendable, Equatable {
    public var key: String
    public var file: String
    public var alt: String
    public var caption: String

    init(_ link: FigureLink) {
        key = link.key
        file = link.file
        alt = link.alt
        caption = link.caption
    }
}

/// A row of a two-column table: `| {{name}} | {{value}} |`.
public struct NameValueView: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A file of the report folder: `| [{{name}}]({{name}}) | {{what}} |`.
public struct FileView: Sendable, Equatable {
    public var name: String
    public var what: String

    init(_ entry: ReportFileEntry) {
        name = entry.name
        what = entry.what
    }

    init(name: String, what: String) {
        self.name = name
        self.what = what
    }

    static func list(_ files: [ReportFileEntry]) -> [FileView] { files.map(FileView.init) }
}

/// A one-line text chart: `` `{{name}}` {{spark}} {{first}} → {{last}} ``.
public struct SparklineView: Sendable, Equatable {
    public var name: String
    public var spark: String
    public var first: String
    public var last: String
    /// "per epoch", or nil.
    public var note: String?
}

/// A heading and a paragraph.
public struct NoteView: Sendable, Equatable {
    public var title: String
    public var text: String
}
