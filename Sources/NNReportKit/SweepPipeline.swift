import Datasets
import Engine
import Foundation
import Metrics
import Report

/// `nnreport sweep`: run every trial of a plan (or one shard's slice of them), each as a normal
/// training run with its own run folder under `trials/`, then write the comparison report, or
/// for a shard, the shard folder that ``merge(shardFolders:settings:now:)`` later combines.
///
/// Like a run, the folder is built in a hidden staging sibling and appears under its name
/// only when complete. A signal (Ctrl-C, SIGTERM, SIGHUP) stops new trials from starting;
/// the running ones end as interrupted, and the folder is still written with what finished
/// (the report says which trials are missing).
public struct SweepPipeline {
    public var request: SweepRequest
    /// The trials' configurations when the caller resolved them already (the CLI does while
    /// validating the options); nil resolves them when the sweep starts.
    public var resolved: ResolvedSweep?
    /// Polled by every running trial at each step and before each trial starts.
    public var shouldStop: @Sendable () -> Bool
    /// Called once per finished trial, from the thread that ran it.
    public var progress: @Sendable (SweepProgress) -> Void
    /// One-line notes for the user ("reading MNIST from ..."); the CLI prints them.
    public var note: (String) -> Void
    public var now: () -> Date

    public init(
        request: SweepRequest, resolved: ResolvedSweep? = nil, shouldStop: @escaping @Sendable () -> Bool = { false },
        progress: @escaping @Sendable (SweepProgress) -> Void = { _ in }, note: @escaping (String) -> Void = { _ in },
        now: @escaping () -> Date = Date.init
    ) {
        self.request = request
        self.resolved = resolved
        self.shouldStop = shouldStop
        self.progress = progress
        self.note = note
        self.now = now
    }

    /// Every trial's configuration, checked: what `nnreport sweep` validates before running.
    public func resolveConfigurations() throws(SweepError) -> [TrainingConfiguration] {
        try request.plan.configurations(base: request.overrides)
    }

    /// Every trial's configuration, checked against the options and the memory.
    public func resolve() throws -> ResolvedSweep {
        let configurations = try resolveConfigurations()
        try checkMemory(configurations)
        return ResolvedSweep(configurations: configurations)
    }

    /// Refuses a sweep whose largest trial, run `jobs` at a time, would not fit in memory.
    public func checkMemory(_ configurations: [TrainingConfiguration]) throws(MemoryBudgetError) {
        let trials = (request.shard ?? .all).trials(of: request.plan)
        let jobs = request.effectiveJobs(trialCount: trials.count)
        guard
            let largest = configurations.max(by: { $0.memoryEstimate().totalBytes < $1.memoryEstimate().totalBytes })
        else { return }
        try TrainPipeline.checkMemory(largest, concurrent: jobs)
    }

    /// Runs the sweep (or the shard) and returns where its folder landed.
    public func run() throws -> SweepOutcome {
        let plan = request.plan
        let started = now()
        let configurations =
            try resolved?.configurations
            ?? PipelineError.during("checking the sweep's options") { try resolve().configurations }
        // A broken --templates folder should fail before any trial trains, not after.
        _ = try PipelineError.during("reading the templates") { try request.report.loadTemplates() }
        let shard = request.shard ?? .all
        // An unfinished sweep at --out (killed, or interrupted by a signal) is continued.
        var reportSettings = request.report
        let unfinished = try PipelineError.during("looking for an unfinished sweep") {
            try TrainPipeline.unfinishedRun(&reportSettings, kind: .sweep, note: note)
        }
        if let unfinished {
            try Self.checkMatch(
                unfinished,
                manifest: SweepManifest(
                    plan: plan, configurations: configurations.map(\.json), shard: shard,
                    command: reportSettings.command, sweepCommand: request.sweepCommand))
        } else {
            try PipelineError.during("preparing the sweep folder") {
                try reportSettings.protecting(request.data.directory.map { [$0] } ?? [], as: "the data set's folder")
                    .checkOutput()
            }
        }
        let dataset = try loadDataset(configurations)
        let settings = request.data.protecting(dataset, in: reportSettings)
        let manifest = SweepManifest(
            plan: plan, configurations: configurations.map(\.json), shard: shard, command: settings.command,
            sweepCommand: request.sweepCommand)

        let name =
            request.shard.map { "\(plan.dataset)-sweep-shard-\($0.index)-of-\($0.count)" } ?? "\(plan.dataset)-sweep"
        let staging = try PipelineError.during("preparing the sweep folder") {
            let staging = try settings.stage(name: name, started: started, note: note, adopting: unfinished)
            if unfinished != nil {
                try TrainPipeline.clearForResume(staging, keeping: ["trials"])
            } else {
                try FileManager.default.createDirectory(at: staging.file("trials"), withIntermediateDirectories: false)
            }
            // Written now so that a killed sweep's folder says what it is and can be continued.
            try staging.write(JSONWriter.pretty(manifest.json()), to: SweepManifest.fileName)
            return staging
        }
        do {
            return try finish(
                staging: staging, settings: settings, manifest: manifest, dataset: dataset, resuming: unfinished)
        } catch {
            // Finished trials and checkpoints outlive a failure (not an abort): running the
            // command again continues the sweep once the cause is fixed.
            if !settings.shouldAbort(), Self.holdsProgress(staging) {
                staging.keepUnfinished()
                note(
                    "kept the unfinished sweep in \(staging.url.path); once the cause is fixed, continue it with "
                        + "`nnreport resume \(UnfinishedRun.shellPath(staging.destination))`")
            }
            throw error
        }
    }

    /// Runs the trials not yet finished into `staging` and writes the report or shard folder.
    private func finish(
        staging: StagingDirectory, settings: ReportSettings, manifest: SweepManifest, dataset: Dataset,
        resuming unfinished: UnfinishedRun?
    ) throws -> SweepOutcome {
        let plan = request.plan
        let trials = manifest.shardTrials
        let configurations = Dictionary(
            zip(plan.trials.map(\.key), manifest.configurations), uniquingKeysWith: { first, _ in first })
        let done =
            unfinished == nil ? [:] : finishedTrials(trials, in: staging.file("trials"), configurations: configurations)
        let remaining = trials.filter { done[$0.key] == nil }
        if let unfinished {
            note(
                "resuming \(GitHubSummary.relativePath(staging.destination)) (\(unfinished.progress)): "
                    + "\(done.count) finished trial\(done.count == 1 ? "" : "s") kept, "
                    + "\(remaining.count) to run or continue")
        }
        let jobs = request.effectiveJobs(trialCount: max(remaining.count, 1))
        note(
            "\(remaining.count) trial\(remaining.count == 1 ? "" : "s")"
                + (request.shard.map { " of \(plan.trials.count) (shard \($0))" } ?? "")
                + ", \(jobs) at a time, \(request.overrides.threads ?? SweepPlan.defaultThreads) BLAS thread(s) each")
        var outcomes = try runTrials(remaining, jobs: jobs, dataset: dataset, trialsFolder: staging.file("trials"))
        outcomes.merge(done) { ran, _ in ran }

        var report: SweepReport?
        try PipelineError.during("writing the sweep folder") {
            if request.shard == nil {
                report = try Self.writeReport(
                    manifest: manifest, commands: [settings.command], settings: settings, into: staging)
            } else {
                try staging.write(JSONWriter.pretty(manifest.json()), to: SweepManifest.fileName)
            }
        }
        let folder = try PipelineError.during("finishing the sweep folder") { try settings.commit(staging) }
        if let report { try Self.appendSummary(report, folder: folder, settings: settings) }
        return SweepOutcome(
            folder: folder, report: report, trialsRun: outcomes.count, trialsPlanned: trials.count,
            interrupted: shouldStop() || outcomes.values.contains { $0.status == .interrupted })
    }

    /// Loads the dataset once before any trial (so a download happens once, not per worker),
    /// and checks every configuration against its size.
    func loadDataset(_ configurations: [TrainingConfiguration]) throws -> Dataset {
        let dataset = try request.data.load(request.plan.dataset, note: note)
        for (trial, configuration) in zip(request.plan.trials, configurations) {
            do {
                try configuration.validate(trainingImages: dataset.train.count)
            } catch {
                throw PipelineError(
                    step: "checking the options against the data",
                    underlying: SweepError.invalidSetting(setting: trial.setting.key, reason: "\(error)"))
            }
        }
        return dataset
    }

    /// Runs `trials` as `nnreport <dataset>` runs would, each into `trialsFolder/<trial folder>`.
    func runTrials(_ trials: [SweepTrial], jobs: Int, dataset: Dataset, trialsFolder: URL) throws
        -> [String: (status: RunStatus, validationAccuracy: Double?)]
    {
        let request = self.request
        let shouldStop = self.shouldStop
        let progress = self.progress
        let counter = SweepProgress.Counter(total: trials.count)
        // Every trial reads the files the sweep just loaded, wherever they were found.
        let data = DataSettings(
            directory: dataset.source, mirror: request.data.mirror, allowDownload: false,
            verifyChecksums: request.data.verifyChecksums)
        let runner = SweepRunner<(status: RunStatus, validationAccuracy: Double?)>(
            jobs: jobs, shouldStop: shouldStop,
            body: { trial in
                let train = TrainRequest(
                    dataset: request.plan.dataset, preset: request.plan.preset,
                    overrides: request.plan.overrides(for: trial, base: request.overrides),
                    data: data,
                    report: ReportSettings(
                        // A trial an earlier, stopped sweep left interrupted is replaced (or
                        // continued from its checkpoint): the sweep folder is nnreport's own.
                        output: trialsFolder.appendingPathComponent(trial.folderName, isDirectory: true), force: true,
                        formats: request.report.formats, scale: request.report.scale,
                        templates: request.report.templates,
                        title:
                            "\(dataset.descriptor.displayName) sweep · \(trial.key.replacingOccurrences(of: ",", with: ", "))",
                        command: request.trialCommand(trial), shouldAbort: request.report.shouldAbort,
                        namesOtherUnfinishedRuns: false))
                let outcome = try PipelineError.during("running trial \(trial.key)") {
                    try TrainPipeline(request: train, shouldStop: shouldStop).run()
                }
                return (outcome.status, outcome.result.validationAccuracy)
            },
            finished: { trial, outcome, seconds in
                progress(
                    counter.next(
                        trial: trial.key, status: outcome.status, validationAccuracy: outcome.validationAccuracy,
                        seconds: seconds))
            })
        return try runner.run(trials)
    }
}
