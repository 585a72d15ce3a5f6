import Foundation
import Metrics

/// One run of a report built from training logs: the log as read, the name the report gives
/// it (unique among the report's runs) and where it was read from, as the report shows it.
public struct LoggedRun: Sendable, Equatable {
    /// Legend entry, table column and run label: unique within one report.
    public var name: String
    public var log: MetricLog
    /// The log's path as the report prints it (relative to the working folder when inside it).
    public var location: String

    public init(name: String, log: MetricLog, location: String) {
        self.name = name
        self.log = log
        self.location = location
    }

    /// The runs of `logs` with unique names: each log's own run name (its folder or file name);
    /// names shared by several logs get their parent folders prepended until they differ
    /// (`a/version_0`, `b/version_0`), and a number (`run (2)`) when the paths are the same too.
    ///
    /// - Parameter location: how to show a log's source path.
    public static func named(_ logs: [MetricLog], location: (URL) -> String) -> [LoggedRun] {
        var names = logs.map(\.runName)
        var depth = Array(repeating: 0, count: logs.count)
        // Prepend one more parent folder to names that logs from different places share; a log
        // given twice keeps its name and is numbered below.
        for _ in 0..<4 {
            let colliding = collidingIndices(names, sources: logs.map { $0.source.standardizedFileURL.path })
            if colliding.isEmpty { break }
            var changed = false
            for i in colliding {
                depth[i] += 1
                if let longer = name(of: logs[i], parents: depth[i]), longer != names[i] {
                    names[i] = longer
                    changed = true
                }
            }
            if !changed { break }
        }
        var seen: [String: Int] = [:]
        for i in names.indices {
            let count = (seen[names[i]] ?? 0) + 1
            seen[names[i]] = count
            if count > 1 { names[i] += " (\(count))" }
        }
        return logs.indices.map { LoggedRun(name: names[$0], log: logs[$0], location: location(logs[$0].source)) }
    }

    /// The indices of names that logs from at least two different sources share.
    static func collidingIndices(_ names: [String], sources: [String]) -> [Int] {
        var places: [String: Set<String>] = [:]
        for (name, source) in zip(names, sources) { places[name, default: []].insert(source) }
        return names.indices.filter { places[names[$0]]!.count > 1 }
    }

    /// The run name with `parents` more folders of its source path in front, or nil when the
    /// path has fewer folders above the run.
    static func name(of log: MetricLog, parents: Int) -> String? {
        let components = log.source.standardizedFileURL.pathComponents
        // Where the run name starts in the path: its first folder (`run1`, `lightning_logs`), or
        // for a name taken from a file's stem (`training` of training.csv) the file itself.
        let first = log.runName.split(separator: "/").first.map(String.init) ?? log.runName
        let start = components.lastIndex(of: first) ?? components.count - 1
        // Component 0 is the root "/".
        guard start - parents >= 1 else { return nil }
        return (components[(start - parents)..<start] + [log.runName]).joined(separator: "/")
    }
}
