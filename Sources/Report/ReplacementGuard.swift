import Foundation

/// Decides whether `--force` may replace an existing folder: only one that nnreport wrote, and
/// never the current folder or one holding it, a folder holding a Git repository, or a path the
/// command reads (its logs, templates or data set).
///
/// Paths are compared after resolving symbolic links, so `--out ../logs` and `--out logs-link`
/// are caught like `--out logs`.
public struct ReplacementGuard: Sendable {
    /// A path the command reads, and what it is, for the refusal: "an input of this command".
    public struct ProtectedPath: Sendable, Equatable {
        public var url: URL
        public var role: String

        public init(_ url: URL, role: String) {
            self.url = url
            self.role = role
        }
    }

    public var protected: [ProtectedPath]
    /// The folder the command runs in (its ancestors are never replaced either).
    public var workingDirectory: URL

    public init(
        protected: [ProtectedPath] = [],
        workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    ) {
        self.protected = protected
        self.workingDirectory = workingDirectory
    }

    /// Why the folder at `destination` must not be replaced, or nil when nnreport wrote it and
    /// nothing else is at stake.
    ///
    /// - Parameter requireReportFolder: false for an empty folder, which nnreport may take over
    ///   without having written it (but still not the current folder, nor one the command reads).
    public func refusal(toReplace destination: URL, requireReportFolder: Bool = true) -> String? {
        let target = Self.resolved(destination)
        let here = Self.resolved(workingDirectory)
        if target == here { return "it is the current folder" }
        if Self.isAncestor(target, of: here) { return "it holds the current folder (\(workingDirectory.path))" }
        if FileManager.default.fileExists(atPath: destination.appendingPathComponent(".git").path) {
            return "it holds a Git repository (.git)"
        }
        for path in protected {
            let other = Self.resolved(path.url)
            if other == target { return "it is \(path.role) (\(path.url.path))" }
            if Self.isAncestor(target, of: other) { return "it holds \(path.role) (\(path.url.path))" }
        }
        if requireReportFolder, !ReportFolderMarker.isReportFolder(destination) {
            return "nnreport did not write it (it has no \(ReportFolderMarker.fileName) file, nor a summary.json "
                + "or sweep.json of nnreport)"
        }
        return nil
    }

    /// `url` with symbolic links resolved and `.`/`..` removed.
    static func resolved(_ url: URL) -> [String] {
        url.standardizedFileURL.resolvingSymlinksInPath().standardizedFileURL.pathComponents.filter { $0 != "/" }
    }

    static func isAncestor(_ folder: [String], of other: [String]) -> Bool {
        other.count > folder.count && Array(other.prefix(folder.count)) == folder
    }
}
