import ArgumentParser
import Foundation
import NNReportKit

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Train every combination of varied options with several seeds and compare them in one report.",
        discussion: """
            Every combination of the --vary values (a setting) is trained once per seed (a trial), each as \
            `nnreport <dataset>` would with its own run folder under trials/. The report draws each setting's \
            loss and accuracy per epoch as the mean over its seeds with a band of ± one sample standard \
            deviation, tabulates final and best validation accuracy per setting (mean ± std, n), marks the \
            setting with the highest mean best validation accuracy, and gives that setting's test accuracy.

            --vary takes any training option by its long name: --vary lr=0.001,0.003 --vary hidden=100,256-128 \
            (widths of one value joined by '-', or 'hidden=256,128|512,256' with '|' between values). \
            Values are sorted, so the order of arguments never changes trial names or shards.

            Each trial uses 1 BLAS thread, not the preset's 2, unless --threads (or --vary threads=...) sets \
            it, whatever --jobs is: the thread count changes float sums, and a sweep gives the same numbers \
            however it is scheduled. --jobs defaults to the cores divided by the threads per trial.

            --shard INDEX/COUNT runs every COUNT-th trial starting at the 0-based INDEX (pass \
            $SLURM_ARRAY_TASK_ID or $JOB_COMPLETION_INDEX as they are) into a shard folder; \
            `nnreport merge <shard folders>` writes the report, identical to the unsharded sweep's.
            """)

    @Argument(help: ArgumentHelp("Dataset: mnist or fashion.", valueName: "dataset"))
    var dataset: String

    @Option(
        help: ArgumentHelp(
            "An option and its values, e.g. lr=0.001,0.003,0.01 or hidden=100,256-128; repeat to vary several (every combination runs).",
            valueName: "name=values"))
    var vary: [String] = []

    @Option(help: ArgumentHelp("Train each setting with seeds 1 to N (default 3).", valueName: "n"))
    var seeds: Int?

    @Option(
        name: .customLong("seed-list"),
        help: ArgumentHelp("Train each setting with these seeds instead, e.g. 7,11,13.", valueName: "seeds"))
    var seedList: String?

    @Option(
        help: ArgumentHelp(
            "Trials run at once on this machine (default: cores ÷ BLAS threads per trial).", valueName: "n"))
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            "Run only the trials at positions ≡ INDEX (mod COUNT), INDEX counted from 0, into a shard folder to merge later.",
            valueName: "index/count"))
    var shard: String?

    @OptionGroup(title: "Training options (shared by every trial)") var training: TrainingOptions
    @OptionGroup(title: "Data options") var data: DataOptions
    @OptionGroup(title: "Report options") var report: ReportOptions
    @OptionGroup var restart: RestartOption
    /// Every trial's configuration: found once, by `validate()`, and run by `run()`.
    var resolved: ResolvedSweep?

    /// The options only: `resolved` is not parsed.
    enum CodingKeys: CodingKey { case dataset, vary, seeds, seedList, jobs, shard, training, data, report, restart }

    mutating func validate() throws {
        if let jobs, !(1...256).contains(jobs) {
            throw ValidationError("--jobs \(jobs): expected 1 to 256 trials at once")
        }
        guard training.seed == nil else {
            throw ValidationError(
                "--seed \(training.seed!): a sweep sets each trial's seed; use --seeds N (seeds 1 to N) or --seed-list A,B,C"
            )
        }
        do {
            resolved = try SweepPipeline(request: try makeRequest()).resolve()
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func makeRequest(abortingWhen shouldAbort: @escaping @Sendable () -> Bool = { false }) throws -> SweepRequest {
        let axes = try vary.map { try SweepAxis(parsing: $0) }
        let seedValues = try SweepPlan.seeds(count: seeds, list: try seedList.map(Self.parseSeeds))
        let plan = try SweepPlan(
            dataset: dataset.lowercased(), preset: training.preset?.name ?? "default", axes: axes, seeds: seedValues)
        let arguments = SweepArguments(Resumption.commandLine)
        var settings = report.settings(abortingWhen: shouldAbort)
        settings.restart = restart.restart
        return SweepRequest(
            plan: plan, overrides: training.overrides, shard: try shard.map { try SweepShard(parsing: $0) },
            jobs: jobs, data: data.settings, report: settings,
            sweepCommand: arguments.sweepCommand(dataset: dataset.lowercased()),
            trialCommandPrefix: arguments.trialCommandPrefix(dataset: dataset.lowercased()))
    }

    /// `7,11,13`.
    static func parseSeeds(_ text: String) throws(SweepError) -> [UInt64] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let seeds = parts.compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, seeds.count == parts.count else {
            throw .badSeeds(reason: "--seed-list '\(text)': expected whole numbers separated by commas, e.g. 1,2,3")
        }
        return seeds
    }

    func run() throws {
        ProcessSetup.prepare()
        // The first signal lets the running trials stop at their next step and writes the sweep
        // folder with what finished; a second one stops every trial and removes the folder.
        let signals = SignalMonitor(policy: .finishReport)
        signals.install()
        let quiet = report.quiet
        let pipeline = SweepPipeline(
            request: try makeRequest(abortingWhen: { signals.isAborted }), resolved: resolved,
            shouldStop: { signals.isStopRequested }, progress: { if !quiet { Console.error($0.line) } },
            note: { if !quiet { Console.error($0) } })
        let outcome = try ExitStatus.mapping(signals) { try pipeline.run() }
        try SweepOutput.finish(outcome, json: report.json, quiet: quiet, signals: signals)
    }
}
