/// Why `nnreport compare` cannot compare its inputs: every case is bad input (exit status 2)
/// and names the file or folder at fault.
public enum CompareError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path does not exist.
    case notFound(path: String)
    /// A file that should be read cannot be (summary.json that is not JSON, a malformed
    /// test_predictions.csv, a log no reader accepts).
    case unreadable(path: String, reason: String)
    /// The two inputs are of kinds that cannot be compared (a sweep and a single run).
    case mismatchedKinds(baseline: String, baselineKind: String, candidate: String, candidateKind: String)
    /// A log input holds several runs or none; compare needs one per side.
    case notOneRun(path: String, runs: [String])
    /// The runs were tested on different images.
    case differentTestSets(baseline: String, candidate: String, reason: String)
    /// Two sweeps without a setting in common (and not one setting each).
    case noCommonSetting(baseline: String, baselineSettings: [String], candidate: String, candidateSettings: [String])
    /// A folder of runs whose runs differ in more than their seed, or hold too few.
    case notRepeatedRuns(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such file or folder"
        case .unreadable(let path, let reason):
            return "\(path): \(reason)"
        case .mismatchedKinds(let baseline, let baselineKind, let candidate, let candidateKind):
            return "cannot compare \(baseline) (\(baselineKind)) with \(candidate) (\(candidateKind)): give two run "
                + "folders, two sweeps or folders of repeated runs, or two logs"
        case .notOneRun(let path, let runs):
            if runs.isEmpty { return "\(path): no run found to compare" }
            let shown = runs.prefix(5).joined(separator: ", ") + (runs.count > 5 ? ", ..." : "")
            return "\(path) holds \(runs.count) runs (\(shown)); compare needs one run on each side: give the "
                + "folder or file of one run"
        case .differentTestSets(let baseline, let candidate, let reason):
            return "the test sets differ: \(reason). \(baseline) and \(candidate) cannot be paired image by image; "
                + "compare runs tested on the same data"
        case .noCommonSetting(let baseline, let baselineSettings, let candidate, let candidateSettings):
            return "\(baseline) (settings \(baselineSettings.joined(separator: "; "))) and \(candidate) (settings "
                + "\(candidateSettings.joined(separator: "; "))) have no setting in common: compare sweeps over the "
                + "same --vary values, or sweeps of one setting each"
        case .notRepeatedRuns(let path, let reason):
            return "\(path) is not a folder of repeated runs: \(reason)"
        }
    }
}
