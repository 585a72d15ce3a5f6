import Foundation
import Metrics
import Report

extension SweepPipeline {
    /// Whether `url` is a folder written by `nnreport sweep` (a shard, or a whole sweep): it
    /// holds a sweep.json this version reads. `nnreport merge` sends such folders here.
    public static func isShardFolder(_ url: URL) -> Bool {
        (try? SweepManifest.read(folder: url)) != nil
    }

    /// Combines shard folders of one sweep into the sweep's report folder, the same report
    /// (byte for byte, but for the commands it lists) as the sweep run in one go would write.
    ///
    /// Every trial of the plan must be in exactly one folder, finished (completed, stopped
    /// early or diverged). The trial folders are copied, so the shards stay as they were.
    ///
    /// - Parameters:
    ///   - shardFolders: folders written by `nnreport sweep --shard i/n`, in any order.
    ///   - settings: where and how to write the report; its `command` (the merge command line)
    ///     is listed in the report after the shards' commands.
    /// - Throws: ``SweepError`` naming the folder that is not a shard or belongs to another
    ///   sweep, or the trials missing or present twice (by name, with their folders);
    ///   nothing is written then.
    public static func merge(
        shardFolders: [URL], settings: ReportSettings = ReportSettings(command: "nnreport merge"),
        note: (String) -> Void = { _ in }, now: () -> Date = Date.init
    ) throws -> SweepOutcome {
        guard !shardFolders.isEmpty else {
            throw SweepError.notAShard(path: "(none)", reason: "no folders were given")
        }
        let shards = try shardFolders.map { url throws(SweepError) in (url, try SweepManifest.read(folder: url)) }
            .sorted {
                ($0.1.shard.index, $0.1.shard.count, $0.0.path) < ($1.1.shard.index, $1.1.shard.count, $1.0.path)
            }
        let (referenceURL, reference) = shards[0]
        for (url, manifest) in shards.dropFirst() {
            if let difference = reference.difference(from: manifest) {
                throw SweepError.differentSweep(path: url.path, reference: referenceURL.path, difference: difference)
            }
        }
        let sources = try locateTrials(reference.plan, in: shards)

        let settings = settings.protecting(shardFolders, as: "a shard folder this command reads")
        let staging = try PipelineError.during("preparing the sweep folder") {
            try settings.stage(name: "\(reference.plan.dataset)-sweep", started: now(), note: note)
        }
        try PipelineError.during("copying the trials") {
            let trials = staging.file("trials")
            try FileManager.default.createDirectory(at: trials, withIntermediateDirectories: false)
            for trial in reference.plan.trials {
                try staging.checkAbort()
                try FileManager.default.copyItem(
                    at: sources[trial.key]!, to: trials.appendingPathComponent(trial.folderName, isDirectory: true))
            }
        }
        let merged = SweepManifest(
            plan: reference.plan, configurations: reference.configurations, shard: .all, command: settings.command,
            sweepCommand: reference.sweepCommand, shardCommands: shards.map(\.1.command))
        let report = try PipelineError.during("writing the sweep report") {
            try writeReport(
                manifest: merged, commands: shards.map(\.1.command) + [settings.command], settings: settings,
                into: staging)
        }
        let folder = try PipelineError.during("finishing the sweep folder") { try settings.commit(staging) }
        try appendSummary(report, folder: folder, settings: settings)
        return SweepOutcome(
            folder: folder, report: report, trialsRun: reference.plan.trials.count,
            trialsPlanned: reference.plan.trials.count, interrupted: false)
    }

    /// The folder holding each trial of `plan` among `shards`.
    ///
    /// - Throws: ``SweepError/duplicatedTrials(_:)`` for trials in several folders,
    ///   ``SweepError/missingTrials(_:shards:)`` for trials in none or only interrupted.
    static func locateTrials(_ plan: SweepPlan, in shards: [(URL, SweepManifest)]) throws(SweepError) -> [String: URL] {
        var found: [String: [URL]] = [:]
        var interrupted: [String: URL] = [:]
        for (url, _) in shards {
            for trial in plan.trials {
                let folder = url.appendingPathComponent("trials").appendingPathComponent(
                    trial.folderName, isDirectory: true)
                guard SweepTrialReader.exists(folder) else { continue }
                if SweepTrialReader.status(folder) == .interrupted {
                    interrupted[trial.key] = url
                } else {
                    found[trial.key, default: []].append(folder)
                }
            }
        }
        let duplicated = plan.trials.compactMap { t -> (trial: String, folders: [String])? in
            guard let folders = found[t.key], folders.count > 1 else { return nil }
            return (t.key, folders.map { $0.deletingLastPathComponent().deletingLastPathComponent().path })
        }
        if !duplicated.isEmpty { throw .duplicatedTrials(duplicated) }

        // Where a missing trial should have come from, when every shard split the plan alike.
        let counts = Set(shards.map(\.1.shard.count))
        let given = Set(shards.map(\.1.shard.index))
        var missing: [String] = []
        var rerun: [String] = []
        for (position, trial) in plan.trials.enumerated() where found[trial.key] == nil {
            var text = trial.key
            if let url = interrupted[trial.key] {
                text += " (interrupted in \(url.path))"
            } else if counts.count == 1, let count = counts.first {
                let shard = SweepShard(index: position % count, count: count)
                text += " (shard \(shard))"
                if !given.contains(shard.index), !rerun.contains("--shard \(shard)") {
                    rerun.append("--shard \(shard)")
                }
            }
            missing.append(text)
        }
        if !missing.isEmpty { throw .missingTrials(missing, shards: rerun) }
        return found.mapValues { $0[0] }
    }
}
