import Foundation
import Metrics
import Report

/// A run that stopped before it finished and can be continued: the staging folder of a killed
/// process (`.NAME.partial-PID-N`) that holds a checkpoint (a sweep's: its plan), or a report
/// that a signal interrupted and that kept its checkpoint (a sweep's: trials still to run).
///
/// Running the same command with the same `--out` continues it (``TrainPipeline``,
/// ``SweepPipeline``), `nnreport resume` finds it by itself, `nnreport clean` removes
/// the killed ones; every command writing beside one names it (``notice``).
public struct UnfinishedRun: Sendable {
    public enum Kind: String, Sendable {
        case training
        case sweep
    }

    /// The folder holding the state.
    public var folder: URL
    /// The report folder it will become.
    public var destination: URL
    public var kind: Kind
    /// The killed process's staging folder, or nil for an interrupted report at ``destination``.
    public var leftover: StagingLeftover?
    /// The folder's `.nnreport` marker, with the command that started the run.
    public var marker: ReportFolderMarker?
    /// What it holds: "4 of 20 epochs done, last validation accuracy 97.12%", "5 of 12 trials done".
    public var progress: String
    /// When its state last changed (the checkpoint's time), to pick the most recent.
    public var modified: Date

    /// The unfinished run in `folder` (a leftover's folder, or a report folder), nil when it
    /// holds nothing to continue.
    static func inspect(_ folder: URL, leftover: StagingLeftover?) -> UnfinishedRun? {
        let destination = leftover?.destination ?? folder
        let marker = ReportFolderMarker.read(in: folder)
        let checkpoint = folder.appendingPathComponent(RunCheckpoint.fileName)
        if FileManager.default.fileExists(atPath: checkpoint.path) {
            if leftover == nil, SweepTrialReader.status(folder).map({ $0 != .interrupted }) == true { return nil }
            let progress: String
            var modified = StagingLeftover.lastChange(folder)
            if let header = try? RunCheckpoint.readHeader(at: checkpoint) {
                progress = header.summary.text
                modified = Date(timeIntervalSince1970: header.summary.time)
            } else {
                progress = "a checkpoint that cannot be read"
            }
            return UnfinishedRun(
                folder: folder, destination: destination, kind: .training, leftover: leftover, marker: marker,
                progress: progress, modified: modified)
        }
        guard let manifest = try? SweepManifest.read(folder: folder) else { return nil }
        let trials = manifest.shardTrials
        let trialsFolder = folder.appendingPathComponent("trials")
        var done = 0, resumable = 0
        for trial in trials {
            let trialFolder = trialsFolder.appendingPathComponent(trial.folderName)
            switch SweepTrialReader.status(trialFolder) {
            case .some(.interrupted):
                if FileManager.default.fileExists(
                    atPath: trialFolder.appendingPathComponent(RunCheckpoint.fileName).path)
                {
                    resumable += 1
                }
            case .some: done += 1
            case nil: break
            }
        }
        // Trials killed while training left their own staging folders with checkpoints.
        for leftover in StagingLeftover.find(in: trialsFolder) where leftover.kind == .partial {
            if FileManager.default.fileExists(atPath: leftover.url.appendingPathComponent(RunCheckpoint.fileName).path)
            {
                resumable += 1
            }
        }
        if leftover == nil, done == trials.count { return nil }
        var progress = "\(done) of \(trials.count) trial\(trials.count == 1 ? "" : "s") done"
        if resumable > 0 { progress += ", \(resumable) more with a checkpoint" }
        return UnfinishedRun(
            folder: folder, destination: destination, kind: .sweep, leftover: leftover, marker: marker,
            progress: progress, modified: StagingLeftover.lastChange(folder))
    }

    /// The unfinished runs that would become `destination`: staging folders of killed processes
    /// for it, most advanced first, then `destination` itself if it is an interrupted report
    /// with a checkpoint.
    static func find(for destination: URL) -> [UnfinishedRun] {
        let destination = destination.standardizedFileURL
        let parent = destination.deletingLastPathComponent()
        var runs = StagingLeftover.find(in: parent)
            .filter { $0.kind == .partial && $0.belongs(to: destination) }
            .compactMap { inspect($0.url, leftover: $0) }
            .sorted { $0.modified > $1.modified }
        if ReportFolderMarker.isReportFolder(destination), let run = inspect(destination, leftover: nil) {
            runs.append(run)
        }
        return runs
    }

    /// Every unfinished run in `folder` (killed runs' staging folders and interrupted reports
    /// with checkpoints), most recent first.
    public static func all(in folder: URL) -> [UnfinishedRun] {
        var runs = StagingLeftover.find(in: folder).filter { $0.kind == .partial }.compactMap {
            inspect($0.url, leftover: $0)
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name, isDirectory: true)
            if ReportFolderMarker.isReportFolder(url), let run = inspect(url, leftover: nil) { runs.append(run) }
        }
        return runs.sorted { $0.modified > $1.modified }
    }

    /// The unfinished run `path` names: a staging folder, an interrupted report, or the report
    /// folder a killed run's staging folder belongs to.
    public static func named(_ path: URL) -> UnfinishedRun? {
        let url = path.standardizedFileURL
        if let leftover = StagingLeftover(url: url), leftover.kind == .partial {
            return leftover.isAbandoned() ? inspect(url, leftover: leftover) : nil
        }
        return find(for: url).first
    }

    /// One line naming it, what it holds, and how to continue or remove it.
    public var notice: String {
        var text = "\(folder.path): "
        let what = kind == .sweep ? "sweep" : "run"
        if let leftover {
            text += "an unfinished \(what) of process \(leftover.pid), which is no longer running"
        } else {
            text += "an interrupted \(what) that kept its checkpoint"
        }
        text += " (\(progress))"
        if let command = marker?.command { text += ", started by `\(command)`" }
        text += "; continue it with `nnreport resume \(Self.shellPath(destination))`"
        if leftover != nil { text += " or remove it with `nnreport clean \(Self.shellPath(folder))`" }
        return text
    }

    /// `url` as typed in a shell: relative to the working folder when inside it, quoted if needed.
    static func shellPath(_ url: URL) -> String {
        let path = GitHubSummary.relativePath(url)
        let safe = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_./=:,+@%"))
        if !path.isEmpty, path.unicodeScalars.allSatisfy({ safe.contains($0) }) { return path }
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension StagingLeftover {
    /// Whether this staging folder was made for the report at `destination` (its name may have
    /// been shortened the way ``StagingDirectory`` shortens long names).
    func belongs(to destination: URL) -> Bool {
        url.deletingLastPathComponent().standardizedFileURL == destination.deletingLastPathComponent()
            && reportName == ReportFileName.shortened(destination.lastPathComponent, maximumBytes: 200)
    }
}
