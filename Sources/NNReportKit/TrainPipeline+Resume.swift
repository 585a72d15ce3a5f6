import Datasets
import Engine
import Foundation
import Metrics
import Report

/// Continuing a run that stopped before it finished (``UnfinishedRun``), and saving the
/// checkpoints that make that possible.
extension TrainPipeline {
    /// Set to `off` to write no checkpoints (such a run cannot be continued), or to `timing` to
    /// be told at the end what writing them cost.
    static let checkpointSwitch = "NNREPORT_CHECKPOINTS"

    static var checkpointsEnabled: Bool {
        ProcessInfo.processInfo.environment[checkpointSwitch]?.lowercased() != "off"
    }

    static var checkpointTiming: Bool {
        ProcessInfo.processInfo.environment[checkpointSwitch]?.lowercased() == "timing"
    }

    /// What the checkpoints of this process cost, against the time its epochs took:
    /// "checkpoints: 20 written; the training thread spent 0.061 s on them (0.06% of the 98.2 s
    /// the epochs took), the background thread 0.91 s (0.42 s of processor time, 0.43%)".
    static func checkpointCost(_ writer: CheckpointWriter, trainingThread: Double, epochSeconds: Double) -> String {
        let busy = writer.busy
        func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }
        func share(_ value: Double) -> String {
            epochSeconds > 0 ? String(format: "%.2f%%", 100 * value / epochSeconds) : "n/a"
        }
        return "checkpoints: \(writer.written) written; the training thread spent \(seconds(trainingThread)) on them "
            + "(\(share(trainingThread)) of the \(String(format: "%.1f", epochSeconds)) s the epochs took), the "
            + "background thread \(seconds(busy.seconds)) (\(seconds(busy.cpuSeconds)) of processor time, "
            + "\(share(busy.cpuSeconds)))"
    }

    /// The unfinished run of `kind` that `settings.output` would continue, after waiting for
    /// one another machine may still be writing. With `--restart`, unfinished runs there are
    /// discarded instead (a killed run's staging folder removed; an interrupted report left for
    /// the new one to replace, as `--force` would) and nil is returned.
    ///
    /// - Throws: ``ResumeError/busy(folder:host:pid:)`` when another machine's process still
    ///   writes it.
    static func unfinishedRun(
        _ settings: inout ReportSettings, kind: UnfinishedRun.Kind, note: (String) -> Void
    ) throws -> UnfinishedRun? {
        guard let output = settings.output else { return nil }
        try waitForOtherMachines(writing: output, note: note)
        let runs = UnfinishedRun.find(for: output).filter { $0.kind == kind }
        guard settings.restart else { return runs.first }
        for run in runs {
            if run.leftover != nil {
                try? FileManager.default.removeItem(at: run.folder)
                note(
                    "--restart: removed \(run.folder.path), the unfinished \(kind == .sweep ? "sweep" : "run") (\(run.progress))"
                )
            } else {
                settings.force = true
                note("--restart: the interrupted report \(run.folder.path) (\(run.progress)) will be replaced")
            }
        }
        return nil
    }

    /// Waits while a process on another machine may still write a run for `destination`:
    /// its staging folder has a checkpoint and its heartbeat is recent. A requeued job often
    /// starts before its predecessor's heartbeat has gone stale.
    static func waitForOtherMachines(writing destination: URL, note: (String) -> Void) throws {
        let parent = destination.standardizedFileURL.deletingLastPathComponent()
        var announced = false
        while true {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
            var latest: (deadline: Date, folder: URL, marker: ReportFolderMarker)?
            for name in names where name.hasPrefix(".") {
                let url = parent.appendingPathComponent(name)
                guard let leftover = StagingLeftover(url: url), leftover.kind == .partial,
                    leftover.belongs(to: destination), !leftover.isAbandoned(),
                    let marker = ReportFolderMarker.read(in: url),
                    let deadline = marker.heartbeatDeadline(
                        modified: StagingLeftover.lastChange(url.appendingPathComponent(ReportFolderMarker.fileName)))
                else { continue }
                if latest.map({ deadline > $0.deadline }) ?? true { latest = (deadline, url, marker) }
            }
            guard let latest else { return }
            let wait = latest.deadline.timeIntervalSinceNow
            // A writer whose heartbeat keeps coming back is alive: stop waiting after one full period.
            if announced || wait > StagingHeartbeat.staleAfter + Double(StagingHeartbeat.interval) {
                throw ResumeError.busy(folder: latest.folder.path, host: latest.marker.host, pid: latest.marker.pid)
            }
            note(
                "\(latest.folder.path) was being written by process \(latest.marker.pid) on \(latest.marker.host); "
                    + "waiting \(Int(wait.rounded(.up)) + 1) s to see whether it is still alive")
            announced = true
            Thread.sleep(forTimeInterval: max(0, wait) + 1)
        }
    }

    /// Refuses to continue `unfinished` when its checkpoint's run differs from `identity`.
    ///
    /// - Parameter checkingData: false before the data is loaded (the data checksums are
    ///   then compared later).
    static func checkMatch(
        _ unfinished: UnfinishedRun, identity: RunIdentity, checkingData: Bool
    ) throws -> (identity: RunIdentity, summary: CheckpointSummary) {
        let header = try RunCheckpoint.readHeader(at: unfinished.folder.appendingPathComponent(RunCheckpoint.fileName))
        var here = identity
        if !checkingData { here.data = header.identity.data }
        let differences = header.identity.differences(from: here)
        guard differences.isEmpty else {
            throw ResumeError.mismatch(
                folder: unfinished.folder.path, command: unfinished.marker?.command, differences: differences)
        }
        return header
    }

    /// Leaves only the checkpoint and the marker in an adopted folder: the metric files are
    /// written again from the checkpoint's events, and a report the killed or interrupted run
    /// had begun must not mix with the new one's files.
    static func clearForResume(_ staging: StagingDirectory, keeping kept: Set<String>) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: staging.url.path)) ?? []
        for name in names where !kept.contains(name) && name != ReportFolderMarker.fileName {
            try FileManager.default.removeItem(at: staging.file(name))
        }
    }

    /// "resuming reports/x from epoch 4 of 20 (3 of 20 epochs done, last validation accuracy 97.12%)".
    static func resumeNote(_ destination: URL, summary: CheckpointSummary, progress: TrainingProgress) -> String {
        let place = GitHubSummary.relativePath(destination)
        if progress.epoch >= progress.plannedEpochs || progress.stoppedEarly {
            return "resuming \(place) after its last epoch (\(summary.text)): evaluating and writing the report"
        }
        return "resuming \(place) from epoch \(progress.epoch + 1) of \(progress.plannedEpochs) (\(summary.text))"
    }

    /// The handler that saves a checkpoint at the end of every epoch through `writer`, with the
    /// recorder's events so far; a failed write is said once through `note` and training goes on.
    static func checkpointHandler(
        writer: CheckpointWriter, identity: RunIdentity, recorder: MetricRecorder, note: @escaping (String) -> Void
    ) -> (TrainingCheckpoint) throws -> Void {
        var warned = false
        return { training in
            let events = recorder.events
            let summary = CheckpointSummary(
                epochsDone: training.progress.epoch, plannedEpochs: training.progress.plannedEpochs,
                lastValidationAccuracy: recorder.epochs.last?.valAccuracy, time: Date().timeIntervalSince1970)
            let failure = writer.submit {
                RunCheckpoint(identity: identity, summary: summary, events: events, training: training).encodedParts()
            }
            if case .cannotWriteFile(_, _, let reason) = failure, !warned {
                warned = true
                note(
                    "warning: cannot write \(writer.url.path): \(reason); training goes on, but if the run is killed "
                        + "it cannot continue from there")
            }
        }
    }
}
