import Foundation
import Metrics
import Report

/// Continuing a sweep or shard that stopped before every trial finished (``UnfinishedRun``):
/// finished trials are kept, trials with a checkpoint continue from it, the others start.
extension SweepPipeline {
    /// Refuses to continue `unfinished` when it is another sweep than `manifest` (other options,
    /// seeds, shard or nnreport version).
    static func checkMatch(_ unfinished: UnfinishedRun, manifest: SweepManifest) throws {
        let saved: SweepManifest
        do {
            saved = try SweepManifest.read(folder: unfinished.folder)
        } catch {
            throw ResumeError.unreadableCheckpoint(
                path: unfinished.folder.appendingPathComponent(SweepManifest.fileName).path, reason: "\(error)")
        }
        var differences: [String] = []
        if let difference = manifest.difference(from: saved) { differences.append("the sweep: \(difference)") }
        if saved.shard != manifest.shard {
            differences.append("shard: \(saved.shard) in the unfinished sweep, \(manifest.shard) here")
        }
        if saved.version != manifest.version {
            differences.append("nnreport version: \(saved.version) in the unfinished sweep, \(manifest.version) here")
        }
        guard differences.isEmpty else {
            throw ResumeError.mismatch(
                folder: unfinished.folder.path, command: unfinished.marker?.command, differences: differences)
        }
    }

    /// The trials of `trials` whose folder under `trialsFolder` holds a finished run of the
    /// configuration the plan gives it (any status but `interrupted`), with what they returned.
    func finishedTrials(_ trials: [SweepTrial], in trialsFolder: URL, configurations: [String: JSONValue])
        -> [String: (status: RunStatus, validationAccuracy: Double?)]
    {
        var finished: [String: (status: RunStatus, validationAccuracy: Double?)] = [:]
        for trial in trials {
            let folder = trialsFolder.appendingPathComponent(trial.folderName)
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("summary.json").path),
                let summary = try? JSONParser.parse([UInt8](data)),
                let status = summary["status"]?.stringValue.flatMap(RunStatus.init(rawValue:)), status != .interrupted,
                summary["config"] == configurations[trial.key]
            else { continue }
            finished[trial.key] = (status, summary["validation_accuracy"]?.doubleValue)
        }
        return finished
    }

    /// Whether the sweep folder being written holds anything worth continuing: a finished
    /// trial or a trial's checkpoint.
    static func holdsProgress(_ staging: StagingDirectory) -> Bool {
        let trials = staging.file("trials")
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: trials.path)) ?? []
        return names.contains { $0.hasSuffix("/summary.json") || $0.hasSuffix("/" + RunCheckpoint.fileName) }
    }
}
