import Foundation
import Metrics
import Report

/// The settings and environment two nnreport runs (or groups of runs) record in summary.json,
/// side by side: the report's Configuration and Environment sections.
enum CompareFacts {
    /// The configuration of `summary` as (option, value text): `config` members under their
    /// command-line names (`--lr`), with the data set and preset first.
    static func settings(_ summary: JSONValue) -> [(name: String, value: String)] {
        var rows: [(String, String)] = []
        if let dataset = summary["dataset"]?.stringValue { rows.append(("dataset", dataset)) }
        if let preset = summary["preset"]?.stringValue { rows.append(("--preset", preset)) }
        for member in summary["config"]?.objectValue ?? [] {
            let dashed = member.key.replacingOccurrences(of: "_", with: "-")
            let name = SweepOption.named(dashed) != nil || dashed == "seed" ? "--\(dashed)" : member.key
            rows.append((name, SweepReportBuilder.text(member.value)))
        }
        return rows
    }

    /// The rows of two lists of settings: those that differ (a setting only one side has counts
    /// as differing, "–" on the other) and how many are the same.
    static func difference(
        _ baseline: [(name: String, value: String)], _ candidate: [(name: String, value: String)]
    ) -> (rows: [CompareReport.DiffRow], same: Int) {
        var names: [String] = []
        for (name, _) in baseline + candidate where !names.contains(name) { names.append(name) }
        var rows: [CompareReport.DiffRow] = []
        var same = 0
        for name in names {
            let b = baseline.first { $0.name == name }?.value ?? "–"
            let c = candidate.first { $0.name == name }?.value ?? "–"
            if b == c { same += 1 } else { rows.append(.init(name: name, baseline: b, candidate: c)) }
        }
        return (rows, same)
    }

    /// The environment facts of `summary`: nnreport, BLAS threads, BLAS, CPU, Swift, OS.
    static func environment(_ summary: JSONValue) -> [(name: String, value: String)] {
        let env = summary["environment"]
        var cpu = env?["cpu"]?.stringValue ?? "unknown"
        if let cores = env?["cores"]?.intValue { cpu += ", \(cores) core\(cores == 1 ? "" : "s")" }
        return [
            ("nnreport", summary["version"]?.stringValue ?? "unknown"),
            ("BLAS threads", env?["blas_threads"].map(SweepReportBuilder.text) ?? "unknown"),
            ("BLAS", env?["blas"]?.stringValue ?? "unknown"),
            ("CPU", cpu),
            ("Swift", env?["swift"]?.stringValue ?? "unknown"),
            ("OS", env?["os"]?.stringValue ?? "unknown"),
        ]
    }

    /// Both environments, every fact.
    static func environmentRows(_ baseline: JSONValue, _ candidate: JSONValue) -> [CompareReport.DiffRow] {
        zip(environment(baseline), environment(candidate)).map {
            CompareReport.DiffRow(name: $0.0.name, baseline: $0.0.value, candidate: $0.1.value)
        }
    }

    /// Checks that two summaries were tested on the same test set: the same data set and, where
    /// both record them, the same test-file checksums.
    ///
    /// - Returns: a note when the checksums could not be compared (a summary from before they
    ///   were recorded).
    /// - Throws: ``CompareError/differentTestSets(baseline:candidate:reason:)``.
    static func checkTestSets(
        _ baseline: JSONValue, at baselinePath: String, _ candidate: JSONValue, at candidatePath: String
    ) throws(CompareError) -> String? {
        let bData = baseline["dataset"]?.stringValue, cData = candidate["dataset"]?.stringValue
        if bData != cData {
            throw .differentTestSets(
                baseline: baselinePath, candidate: candidatePath,
                reason: "\(baselinePath)/summary.json is on \(bData ?? "an unnamed data set"), "
                    + "\(candidatePath)/summary.json on \(cData ?? "an unnamed data set")")
        }
        let bSums = baseline["data"]?["checksums"]?.objectValue, cSums = candidate["data"]?["checksums"]?.objectValue
        guard let bSums, let cSums else {
            let missing = [(bSums, baselinePath), (cSums, candidatePath)].filter { $0.0 == nil }.map(\.1)
            return
                "\(missing.map { "\($0)/summary.json" }.joined(separator: " and ")) record\(missing.count == 1 ? "s" : "") no "
                + "test-set checksums (written by an earlier nnreport): the test sets were matched by data set, size "
                + "and labels only."
        }
        for (file, value) in bSums {
            guard let other = cSums.first(where: { $0.key == file })?.value else { continue }
            if other != value {
                throw .differentTestSets(
                    baseline: baselinePath, candidate: candidatePath,
                    reason: "\(file) has MD5 \(value.stringValue ?? "?") in \(baselinePath)/summary.json but "
                        + "\(other.stringValue ?? "?") in \(candidatePath)/summary.json")
            }
        }
        return nil
    }
}
