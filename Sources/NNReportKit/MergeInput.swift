import Foundation

/// What one argument of `nnreport merge` is. Merge reads each input by its kind and then
/// compares all the runs found; further kinds (sweep shard folders) add a case here and a
/// branch in ``RenderPipeline/merge()``.
public enum MergeInput: Sendable, Equatable {
    /// A folder written by `nnreport mnist` / `nnreport fashion`: metrics.jsonl and summary.json.
    case run(URL)

    /// The kind of `url`, or ``MergeError/notMergeable(path:reason:)`` saying what it lacks.
    public static func classify(_ url: URL) throws(MergeError) -> MergeInput {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .notMergeable(path: url.path, reason: "no such folder")
        }
        guard isDirectory.boolValue else {
            throw .notMergeable(path: url.path, reason: "it is a file, not a run folder")
        }
        let missing = ["metrics.jsonl", "summary.json"].filter {
            !fm.fileExists(atPath: url.appendingPathComponent($0).path)
        }
        guard missing.isEmpty else {
            throw .notMergeable(path: url.path, reason: "it has no \(missing.joined(separator: " and "))")
        }
        return .run(url)
    }
}

/// Why `nnreport merge` cannot use its inputs.
public enum MergeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An input is not a folder merge knows.
    case notMergeable(path: String, reason: String)
    /// Fewer than two runs were found: nothing to compare.
    case tooFewRuns(count: Int)

    public var description: String {
        switch self {
        case .notMergeable(let path, let reason):
            return "\(path) is not an nnreport run folder: \(reason). nnreport merge combines the folders "
                + "written by nnreport mnist / nnreport fashion; for logs of other tools use nnreport render."
        case .tooFewRuns(let count):
            return "nnreport merge needs at least two run folders to compare, got \(count). "
                + "For the report of a single run, use nnreport render."
        }
    }
}
