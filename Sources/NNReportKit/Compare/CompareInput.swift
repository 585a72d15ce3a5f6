import Foundation

/// What one argument of `nnreport compare` is, decided from the files it holds before anything
/// is read in full.
enum CompareInput {
    /// A folder written by `nnreport mnist` / `fashion`: summary.json and metrics.jsonl.
    case run(URL)
    /// A folder written by `nnreport sweep` (whole or a shard, or merged): sweep.json.
    case sweep(URL, SweepManifest)
    /// A folder whose subfolders are two or more run folders: repeated runs (seeds) of one
    /// setting, e.g. `runs/seed-1`, `runs/seed-2`, ...
    case runGroup(URL, [URL])
    /// Anything else: a log or log folder for the readers of `nnreport render`.
    case log(URL)

    var url: URL {
        switch self {
        case .run(let url), .sweep(let url, _), .runGroup(let url, _), .log(let url): url
        }
    }

    /// The kind in words, for messages: "nnreport run folder", "sweep", ...
    var kindName: String {
        switch self {
        case .run: "nnreport run folder"
        case .sweep: "nnreport sweep folder"
        case .runGroup(_, let runs): "folder of \(runs.count) nnreport runs"
        case .log: "training log"
        }
    }

    /// Whether the input is a group of seeds (a sweep or repeated runs).
    var isGroup: Bool {
        switch self {
        case .sweep, .runGroup: true
        case .run, .log: false
        }
    }

    static func isRunFolder(_ url: URL) -> Bool {
        let fm = FileManager.default
        return ["summary.json", "metrics.jsonl"].allSatisfy {
            fm.fileExists(atPath: url.appendingPathComponent($0).path)
        }
    }

    /// - Throws: ``CompareError/notFound(path:)`` when `url` does not exist.
    static func classify(_ url: URL) throws(CompareError) -> CompareInput {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else { throw .notFound(path: url.path) }
        guard isDirectory.boolValue else { return .log(url) }
        if fm.fileExists(atPath: url.appendingPathComponent(SweepManifest.fileName).path),
            let manifest = try? SweepManifest.read(folder: url)
        {
            return .sweep(url, manifest)
        }
        if isRunFolder(url) { return .run(url) }
        let children = ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
            .filter { !$0.hasPrefix(".") }
            .map { url.appendingPathComponent($0, isDirectory: true) }
        let runs = children.filter(isRunFolder)
        if runs.count >= 2 { return .runGroup(url, runs) }
        return .log(url)
    }
}
