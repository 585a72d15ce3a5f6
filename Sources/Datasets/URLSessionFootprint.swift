import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The empty folders Foundation creates when a URL session is configured, even an ephemeral
/// one with no cache: `~/.cache/org.swift.foundation.URLCache/<program>` for its URL cache and
/// `~/.local/share/<folder of the program>` for cookies (`$XDG_CACHE_HOME` and `$XDG_DATA_HOME`
/// when set). nnreport stores nothing there, so it removes what a download made and left empty.
struct URLSessionFootprint {
    /// Folders Foundation creates entries in, and what each held before (nil: it did not exist).
    private var before: [(folder: String, entries: Set<String>?)]
    /// The folders and their ancestors up to the home folder, with whether each existed.
    private var chain: [(path: String, existed: Bool)]

    /// Records the state before a session is configured.
    static func snapshot(environment: [String: String] = ProcessInfo.processInfo.environment) -> URLSessionFootprint {
        let home = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
        func base(_ variable: String, _ fallback: String) -> URL? {
            if let value = environment[variable], value.hasPrefix("/") {
                return URL(fileURLWithPath: value, isDirectory: true)
            }
            return home?.appendingPathComponent(fallback, isDirectory: true)
        }
        let folders = [
            base("XDG_CACHE_HOME", ".cache")?.appendingPathComponent("org.swift.foundation.URLCache"),
            base("XDG_DATA_HOME", ".local/share"),
        ].compactMap { $0?.standardizedFileURL }
        var chain: [(String, Bool)] = []
        for folder in folders {
            var url = folder
            while url.path != "/", url.path != home?.standardizedFileURL.path {
                if !chain.contains(where: { $0.0 == url.path }) { chain.append((url.path, exists(url.path))) }
                url = url.deletingLastPathComponent()
            }
        }
        return URLSessionFootprint(
            before: folders.map { ($0.path, entries($0.path)) }, chain: chain.sorted { $0.0.count > $1.0.count })
    }

    /// Removes the empty folders that appeared since ``snapshot(environment:)``, deepest first;
    /// rmdir(2) leaves anything that is not empty, and folders that existed are kept.
    func removeNewEmptyFolders() {
        for (folder, old) in before {
            for name in (URLSessionFootprint.entries(folder) ?? []).subtracting(old ?? []) {
                rmdir((folder as NSString).appendingPathComponent(name))
            }
        }
        for (path, existed) in chain where !existed { rmdir(path) }
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private static func entries(_ path: String) -> Set<String>? {
        (try? FileManager.default.contentsOfDirectory(atPath: path)).map(Set.init)
    }
}
