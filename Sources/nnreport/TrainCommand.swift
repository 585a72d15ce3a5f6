import ArgumentParser
import Foundation
import NNReportKit

/// What `nnreport mnist` and `nnreport fashion` share: options, validation and the run.
protocol TrainCommand: ParsableCommand {
    static var dataset: String { get }
    var training: TrainingOptions { get }
    var data: DataOptions { get }
    var report: ReportOptions { get }
    var restart: RestartOption { get }
    /// The preset and configuration the options resolve to: found once, by `validate()`, and
    /// trained by `run()`.
    var resolved: ResolvedTraining? { get set }
}

extension TrainCommand {
    mutating func validateTraining() throws {
        do {
            resolved = try TrainPipeline.resolve(makeRequest())
        } catch let error as PipelineError {
            throw ValidationError("\(error.underlying)")
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func makeRequest(abortingWhen shouldAbort: @escaping @Sendable () -> Bool = { false }) -> TrainRequest {
        var settings = report.settings(abortingWhen: shouldAbort)
        settings.restart = restart.restart
        return TrainRequest(
            dataset: Self.dataset, preset: training.preset?.name, overrides: training.overrides, data: data.settings,
            report: settings)
    }

    func runTraining() throws {
        ProcessSetup.prepare()
        // The first signal stops at the next step and the report is written with status
        // `interrupted`; a second one removes the unfinished report instead.
        let signals = SignalMonitor(policy: .finishReport)
        signals.install()
        let quiet = report.quiet
        let pipeline = TrainPipeline(
            request: makeRequest(abortingWhen: { signals.isAborted }), resolved: resolved,
            shouldStop: { signals.isStopRequested },
            progressMode: ProgressDisplay.automaticMode(quiet: quiet),
            note: { if !quiet { Console.error($0) } })
        let outcome = try ExitStatus.mapping(signals) { try pipeline.run() }
        if report.json { print(outcome.summaryJSON, terminator: "") }
        if !quiet { Console.error(outcome.doneMessage) }
        switch outcome.ending {
        case .finished: return
        case .interrupted: throw ExitCode(signals.exitStatus)
        case .diverged(let message):
            Console.error(message)
            throw ExitCode(ExitStatus.diverged)
        }
    }
}

struct MnistCommand: TrainCommand {
    static let configuration = CommandConfiguration(
        commandName: "mnist", abstract: "Train on MNIST (handwritten digits) and write a report folder.")
    static let dataset = "mnist"

    @OptionGroup(title: "Training options") var training: TrainingOptions
    @OptionGroup(title: "Data options") var data: DataOptions
    @OptionGroup(title: "Report options") var report: ReportOptions
    @OptionGroup var restart: RestartOption
    var resolved: ResolvedTraining?

    /// The options only: `resolved` is not parsed.
    enum CodingKeys: CodingKey { case training, data, report, restart }

    mutating func validate() throws { try validateTraining() }
    func run() throws { try runTraining() }
}

struct FashionCommand: TrainCommand {
    static let configuration = CommandConfiguration(
        commandName: "fashion", abstract: "Train on Fashion-MNIST (clothing) and write a report folder.")
    static let dataset = "fashion"

    @OptionGroup(title: "Training options") var training: TrainingOptions
    @OptionGroup(title: "Data options") var data: DataOptions
    @OptionGroup(title: "Report options") var report: ReportOptions
    @OptionGroup var restart: RestartOption
    var resolved: ResolvedTraining?

    /// The options only: `resolved` is not parsed.
    enum CodingKeys: CodingKey { case training, data, report, restart }

    mutating func validate() throws { try validateTraining() }
    func run() throws { try runTraining() }
}
