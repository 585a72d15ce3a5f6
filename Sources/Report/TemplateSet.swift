import Foundation
import Mustache

/// The Mustache templates reports are rendered from: the built-in copies of `templates/`, or a
/// user's own folder (`--templates DIR`).
///
/// Templates render in text mode (`{{% CONTENT_TYPE: TEXT}}`): Markdown needs no HTML escaping.
public struct TemplateSet: Sendable {
    /// Template names the report writer uses.
    public static let names = [
        "report.md", "summary.md", "log.md", "comparison.md", "render-summary.md", "sweep.md", "sweep-summary.md",
        "approx.md", "approx-summary.md", "compare.md", "compare-summary.md",
    ]

    /// Where the templates came from, for messages: a folder path or "built-in".
    public let origin: String
    private let library: MustacheLibrary

    /// The templates compiled into nnreport (copies of the repository's `templates/`).
    public static func builtIn() throws -> TemplateSet {
        try TemplateSet(
            sources: BuiltInTemplates.all.map { (name: $0.key, text: $0.value) }, origin: "built-in", directory: nil)
    }

    /// The `*.mustache` templates of `directory`; names missing there fall back to the built-in ones.
    ///
    /// - Throws: ``ReportError/template(file:line:column:message:)`` for a template that does not
    ///   parse, ``ReportError/cannotWrite(path:reason:)`` when the folder cannot be read.
    public static func load(directory: URL) throws -> TemplateSet {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ReportError.missingTemplate(name: "report.md", directory: directory.path)
        }
        var sources: [String: String] = BuiltInTemplates.all
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for file in files.sorted() where file.hasSuffix(".mustache") {
            let url = directory.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path),
                let text = String(data: data, encoding: .utf8)
            else {
                throw ReportError.cannotWrite(path: url.path, reason: "cannot read it as UTF-8 text")
            }
            sources[String(file.dropLast(".mustache".count))] = text
        }
        return try TemplateSet(
            sources: sources.map { (name: $0.key, text: $0.value) }, origin: directory.path, directory: directory)
    }

    private init(sources: [(name: String, text: String)], origin: String, directory: URL?) throws {
        var library = MustacheLibrary()
        for source in sources.sorted(by: { $0.name < $1.name }) {
            let file =
                directory.map { $0.appendingPathComponent(source.name + ".mustache").path }
                ?? "templates/\(source.name).mustache (built-in)"
            do {
                library.register(try MustacheTemplate(string: source.text), named: source.name)
            } catch let error as MustacheTemplate.ParserError {
                throw ReportError.template(
                    file: file, line: error.context.lineNumber, column: error.context.columnNumber,
                    message: Self.describe(error.error))
            }
        }
        self.library = library
        self.origin = origin
    }

    /// Renders template `name` (e.g. "report.md") with `view`.
    public func render(_ name: String, _ view: Any) throws -> String {
        guard let text = library.render(view, withTemplate: name) else {
            throw ReportError.missingTemplate(name: name, directory: origin)
        }
        return text
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "section closed with a name that does not match its opening tag"
        case .unfinishedName: return "tag is not closed ('}}' expected)"
        case .expectedSectionEnd: return "section is never closed ('{{/name}}' expected)"
        case .invalidSetDelimiter: return "badly formed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "illegal tag inside an inheritance section"
        case .textInsideInheritSection: return "text inside an inheritance section"
        case .invalidConfigVariableSyntax: return "badly formed pragma ('{{% NAME: value}}' expected)"
        case .unrecognisedConfigVariable: return "unknown pragma"
        }
    }
}
