import Datasets
import Foundation
import Metrics
import Report

/// One side of a group comparison: a sweep folder or a folder of repeated runs, read into its
/// settings, each with its trials' records and summaries.
struct CompareGroupSide {
    struct Setting {
        /// `lr=0.003`, or "" when nothing is varied.
        var key: String
        var trials: [SweepTrialRecord]
        var summaries: [JSONValue]
    }

    var url: URL
    var settings: [Setting]
    var description: String

    var name: String { url.standardizedFileURL.lastPathComponent }
    var summaries: [JSONValue] { settings.flatMap(\.summaries) }

    /// The trials a sweep folder holds (a shard holds only its own), by setting.
    ///
    /// - Throws: ``CompareError/unreadable(path:reason:)`` for a trial folder that cannot be read.
    static func sweep(_ url: URL, manifest: SweepManifest) throws(CompareError) -> CompareGroupSide {
        var settings: [Setting] = []
        for setting in manifest.plan.settings {
            var entry = Setting(key: setting.key, trials: [], summaries: [])
            for seed in manifest.plan.seeds {
                let trial = SweepTrial(setting: setting, seed: seed)
                guard let position = manifest.plan.trials.firstIndex(of: trial) else { continue }
                let folder = url.appendingPathComponent("trials").appendingPathComponent(
                    trial.folderName, isDirectory: true)
                guard SweepTrialReader.exists(folder) else { continue }
                do {
                    entry.trials.append(
                        try SweepTrialReader.read(
                            trial, folder: folder, relativeFolder: "trials/\(trial.folderName)",
                            expected: manifest.configurations[position]))
                } catch {
                    throw .unreadable(path: folder.path, reason: "\(error)")
                }
                entry.summaries.append(try CompareRunFolder.readSummary(folder))
            }
            if !entry.trials.isEmpty { settings.append(entry) }
        }
        let trialCount = settings.reduce(0) { $0 + $1.trials.count }
        guard trialCount > 0 else {
            throw .unreadable(path: url.path, reason: "the sweep folder holds no finished trial under trials/")
        }
        let plan = manifest.plan
        let varied = plan.axes.map(\.canonicalArgument).joined(separator: " ")
        let dataset = DatasetDescriptor.named(plan.dataset)?.displayName ?? plan.dataset
        let description =
            "nnreport sweep: \(dataset), preset \(plan.preset), "
            + (varied.isEmpty ? "one setting" : "--vary \(varied)")
            + ", seeds \(plan.seeds.map(String.init).joined(separator: ", ")), \(trialCount) trial\(trialCount == 1 ? "" : "s")"
        return CompareGroupSide(url: url, settings: settings, description: description)
    }

    /// Repeated runs of one setting: every run folder directly inside `url`. Their
    /// configurations may differ only in the seed.
    ///
    /// - Throws: ``CompareError/notRepeatedRuns(path:reason:)`` naming the option that differs.
    static func runs(_ url: URL, folders: [URL]) throws(CompareError) -> CompareGroupSide {
        var trials: [SweepTrialRecord] = []
        var summaries: [JSONValue] = []
        for folder in folders {
            let run = try CompareRunFolder.read(folder)
            guard let status = RunStatus(rawValue: run.status) else {
                throw .unreadable(
                    path: folder.appendingPathComponent("summary.json").path, reason: "no valid \"status\"")
            }
            let seed = run.summary["seed"]?.doubleValue.flatMap { UInt64(exactly: $0) } ?? 0
            trials.append(
                SweepTrialRecord(
                    key: run.name, folder: run.name, seed: seed, status: status,
                    epochs: SweepTrialReader.epochs(run.log),
                    testAccuracy: run.summary["test_accuracy"]?.doubleValue,
                    testLoss: run.summary["test_loss"]?.doubleValue))
            summaries.append(run.summary)
        }
        func withoutSeed(_ summary: JSONValue) -> [(name: String, value: String)] {
            CompareFacts.settings(summary).filter { $0.name != "--seed" }
        }
        let reference = withoutSeed(summaries[0])
        for (folder, summary) in zip(folders.dropFirst(), summaries.dropFirst()) {
            let (rows, _) = CompareFacts.difference(reference, withoutSeed(summary))
            if let row = rows.first {
                throw .notRepeatedRuns(
                    path: url.path,
                    reason: "\(folder.lastPathComponent) has \(row.name) \(row.candidate) where "
                        + "\(folders[0].lastPathComponent) has \(row.baseline); the runs of a group may differ only in "
                        + "--seed")
            }
        }
        let seeds = trials.map { String($0.seed) }.joined(separator: ", ")
        let description = "\(folders.count) nnreport runs: \(displayDataset(summaries[0])), seeds \(seeds)"
        return CompareGroupSide(
            url: url, settings: [Setting(key: "", trials: trials, summaries: summaries)], description: description)
    }
}
