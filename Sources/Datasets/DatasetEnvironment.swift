import Foundation

/// The parts of the machine the dataset lookup depends on, injectable so that tests do not
/// depend on the machine they run on.
public struct DatasetEnvironment: Sendable {
    /// Environment variables (`NNREPORT_DATA`, `XDG_CACHE_HOME`, ...).
    public var variables: [String: String]
    /// The user's home folder, for `~/.cache`; nil when unknown.
    public var homeDirectory: URL?
    /// Prefix for system folders such as `/usr/share/datasets/...`: `/` normally, a scratch
    /// folder in tests.
    public var fileSystemRoot: URL

    public init(variables: [String: String], homeDirectory: URL?, fileSystemRoot: URL = URL(fileURLWithPath: "/")) {
        self.variables = variables
        self.homeDirectory = homeDirectory
        self.fileSystemRoot = fileSystemRoot
    }

    /// This process's environment and home folder, and the real root.
    public static var process: DatasetEnvironment {
        let variables = ProcessInfo.processInfo.environment
        let home = variables["HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
        return DatasetEnvironment(
            variables: variables, homeDirectory: home ?? FileManager.default.homeDirectoryForCurrentUser)
    }

    /// `$NNREPORT_DATA` when set and not empty.
    var dataRoot: URL? {
        guard let value = variables["NNREPORT_DATA"], !value.isEmpty else { return nil }
        return URL(fileURLWithPath: value, isDirectory: true)
    }

    /// `$XDG_CACHE_HOME/nnreport`, else `~/.cache/nnreport`; nil without either.
    ///
    /// A relative `XDG_CACHE_HOME` is ignored, as the XDG Base Directory specification requires.
    var cacheRoot: URL? {
        if let xdg = variables["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("nnreport", isDirectory: true)
        }
        return homeDirectory?.appendingPathComponent(".cache/nnreport", isDirectory: true)
    }

    /// An absolute system path under ``fileSystemRoot``.
    func systemPath(_ path: String) -> URL {
        fileSystemRoot.appendingPathComponent(String(path.drop(while: { $0 == "/" })), isDirectory: true)
    }
}
