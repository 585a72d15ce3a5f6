import Foundation

/// Everything `nnreport sweep` was asked to do.
public struct SweepRequest: Sendable {
    public var plan: SweepPlan
    /// The training options every trial shares (`--epochs 5 --train-limit 10000 ...`).
    public var overrides: TrainingOverrides
    /// `--shard`: run only this slice and write a shard folder; nil runs the whole sweep and writes the report.
    public var shard: SweepShard?
    /// `--jobs`: trials run at once; nil means one per core's worth of each trial's BLAS threads.
    public var jobs: Int?

    /// Where the dataset is looked for and whether it may be downloaded.
    public var data: DataSettings
    /// Where and how the sweep's report (or shard folder) is written; `output` nil means
    /// `<reportsRoot>/<dataset>-sweep[-shard-<i>-of-<n>]-<yyyyMMdd-HHmmss>`. Its `command` is
    /// the exact command line, for the report and sweep.json; its formats, scale and templates
    /// apply to every trial's report too.
    public var report: ReportSettings

    /// The same sweep as one command on one machine (no `--shard`, `--jobs`, `--out`).
    public var sweepCommand: String
    /// `nnreport mnist` with the shared options, quoted for a shell: each trial's report shows
    /// it with the trial's own options and seed appended, a command that reproduces that trial alone.
    public var trialCommandPrefix: String

    public init(
        plan: SweepPlan, overrides: TrainingOverrides = TrainingOverrides(), shard: SweepShard? = nil, jobs: Int? = nil,
        data: DataSettings = DataSettings(), report: ReportSettings, sweepCommand: String? = nil,
        trialCommandPrefix: String? = nil
    ) {
        self.plan = plan
        self.overrides = overrides
        self.shard = shard
        self.jobs = jobs
        self.data = data
        self.report = report
        self.sweepCommand = sweepCommand ?? report.command
        self.trialCommandPrefix = trialCommandPrefix ?? "nnreport \(plan.dataset)"
    }

    /// The command that reproduces `trial` alone with `nnreport <dataset>`.
    public func trialCommand(_ trial: SweepTrial) -> String {
        var arguments = trial.setting.arguments + ["--seed", String(trial.seed)]
        if trial.setting.apply(to: overrides).threads == nil {
            arguments += ["--threads", String(SweepPlan.defaultThreads)]
        }
        return ([trialCommandPrefix] + arguments).joined(separator: " ")
    }

    /// Trials run at once: `jobs`, else as many as the cores hold at each trial's thread count,
    /// and never more than there are trials.
    public func effectiveJobs(trialCount: Int, cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int {
        let threads = overrides.threads ?? SweepPlan.defaultThreads
        let wanted = jobs ?? max(1, cores / max(threads, 1))
        return max(1, min(wanted, trialCount))
    }
}
