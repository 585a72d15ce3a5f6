import Foundation
import Metrics

extension SweepManifest {
    /// Reads `sweep.json` of `folder`.
    ///
    /// - Throws: ``SweepError/notAShard(path:reason:)`` when the file is missing, is not JSON,
    ///   or is not an nnreport sweep manifest this version reads.
    public static func read(folder: URL) throws(SweepError) -> SweepManifest {
        let path = folder.path
        let file = folder.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .notAShard(path: path, reason: exists ? "it has no \(fileName)" : "no such folder")
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse([UInt8](data))
        } catch {
            throw .notAShard(path: path, reason: "\(fileName) is not valid JSON (\(error))")
        }
        return try SweepManifest(json: json, path: path)
    }

    /// The manifest `json` describes; `path` names the folder in errors.
    init(json: JSONValue, path: String) throws(SweepError) {
        func fail(_ reason: String) -> SweepError { .notAShard(path: path, reason: "\(Self.fileName): \(reason)") }
        guard json["format"]?.stringValue == Self.format else {
            throw fail("\"format\" is not \"\(Self.format)\"")
        }
        guard let formatVersion = json["format_version"]?.intValue, formatVersion <= Self.formatVersion else {
            throw fail(
                "written by a newer nnreport (format_version \(json["format_version"].map(JSONWriter.compact) ?? "missing")); update nnreport"
            )
        }
        guard let sweep = json["sweep"], let dataset = sweep["dataset"]?.stringValue,
            let preset = sweep["preset"]?.stringValue, let vary = sweep["vary"]?.arrayValue,
            let seedValues = sweep["seeds"]?.arrayValue, let trials = sweep["trials"]?.arrayValue
        else {
            throw fail("\"sweep\" lacks dataset, preset, vary, seeds or trials")
        }
        let plan: SweepPlan
        do {
            let axes = try vary.map { v throws(SweepError) in
                guard let text = v.stringValue else { throw fail("\"vary\" holds a non-string") }
                return try SweepAxis(parsing: text)
            }
            let seeds = try seedValues.map { v throws(SweepError) in
                guard let n = v.intValue, n >= 0 else { throw fail("\"seeds\" holds \(JSONWriter.compact(v))") }
                return UInt64(n)
            }
            plan = try SweepPlan(dataset: dataset, preset: preset, axes: axes, seeds: seeds)
        } catch {
            throw fail("its plan does not parse: \(error)")
        }
        let keys = trials.map { $0["key"]?.stringValue ?? "" }
        guard keys == plan.trials.map(\.key) else {
            throw fail("its trial list does not match its vary and seeds (edited by hand?)")
        }
        let configurations = trials.map { $0["config"] ?? .null }
        guard let shardJSON = json["shard"], let index = shardJSON["index"]?.intValue,
            let count = shardJSON["count"]?.intValue, count >= 1, (0..<count).contains(index)
        else {
            throw fail("\"shard\" lacks a valid index and count")
        }
        self.init(
            plan: plan, configurations: configurations, shard: SweepShard(index: index, count: count),
            command: json["command"]?.stringValue ?? "", sweepCommand: json["sweep_command"]?.stringValue ?? "",
            shardCommands: json["shard_commands"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            version: json["nnreport"]?.stringValue ?? "unknown")
    }

    /// Where `other` differs from this manifest's sweep, in words; nil when they agree.
    func difference(from other: SweepManifest) -> String? {
        if plan.dataset != other.plan.dataset { return "dataset \(other.plan.dataset) instead of \(plan.dataset)" }
        if plan.preset != other.plan.preset { return "preset \(other.plan.preset) instead of \(plan.preset)" }
        if plan.axes != other.plan.axes {
            let mine = plan.axes.map(\.canonicalArgument).joined(separator: " ")
            let theirs = other.plan.axes.map(\.canonicalArgument).joined(separator: " ")
            return "--vary \(theirs.isEmpty ? "(none)" : theirs) instead of \(mine.isEmpty ? "(none)" : mine)"
        }
        if plan.seeds != other.plan.seeds {
            return "seeds \(other.plan.seeds.map(String.init).joined(separator: ",")) instead of "
                + plan.seeds.map(String.init).joined(separator: ",")
        }
        for (trial, (mine, theirs)) in zip(plan.trials, zip(configurations, other.configurations)) where mine != theirs
        {
            let keys = (mine.objectValue ?? []).map(\.key)
            let differing = keys.filter { mine[$0] != theirs[$0] }
            let detail = differing.prefix(3).map { key in
                "\(key) \(theirs[key].map(JSONWriter.compact) ?? "missing") instead of \(mine[key].map(JSONWriter.compact) ?? "missing")"
            }
            return "trial \(trial.key) has \(detail.isEmpty ? "another configuration" : detail.joined(separator: ", "))"
        }
        return nil
    }
}
