import ArgumentParser
import Foundation
import Metrics
import NNReportKit

/// What `nnreport mnist` and `nnreport fashion` share: options, validation and the run.
protocol TrainCommand: ParsableCommand {
    static var dataset: String { get }
    var training: TrainingOptions { get }
    var data: DataOptions { get }
    var report: ReportOptions { get }
}

/// Exit status when training diverged (the report was still written).
let divergedExitCode: Int32 = 3

extension TrainCommand {
    func validateTraining() throws {
        let request = makeRequest()
        do {
            _ = try TrainPipeline(request: request).resolveConfiguration()
        } catch let error as PipelineError {
            throw ValidationError("\(error.underlying)")
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func makeRequest() -> TrainRequest {
        TrainRequest(
            dataset: Self.dataset, preset: training.preset, overrides: training.overrides,
            data: data.settings, report: report.settings)
    }

    func runTraining() throws {
        ProcessSetup.prepare()
        let interrupt = InterruptMonitor()
        interrupt.install()
        let quiet = report.quiet
        let pipeline = TrainPipeline(
            request: makeRequest(), shouldStop: { interrupt.isInterrupted },
            progressMode: ProgressDisplay.automaticMode(quiet: quiet),
            note: { if !quiet { Console.error($0) } })
        let outcome = try pipeline.run()
        if report.json {
            print(JSONWriter.pretty(outcome.summary), terminator: "")
        }
        if !quiet {
            var line = "Report written to \(outcome.folder.path)"
            if let accuracy = outcome.summary["test_accuracy"]?.doubleValue {
                line += String(format: " (test accuracy %.2f%%)", accuracy * 100)
            }
            Console.error(line)
        }
        switch outcome.status {
        case .completed, .earlyStopped: return
        case .interrupted: throw ExitCode(InterruptMonitor.exitCode)
        case .diverged:
            Console.error("Training diverged; the report says where. Lower --lr or check the inputs.")
            throw ExitCode(divergedExitCode)
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

    func validate() throws { try validateTraining() }
    func run() throws { try runTraining() }
}

struct FashionCommand: TrainCommand {
    static let configuration = CommandConfiguration(
        commandName: "fashion", abstract: "Train on Fashion-MNIST (clothing) and write a report folder.")
    static let dataset = "fashion"

    @OptionGroup(title: "Training options") var training: TrainingOptions
    @OptionGroup(title: "Data options") var data: DataOptions
    @OptionGroup(title: "Report options") var report: ReportOptions

    func validate() throws { try validateTraining() }
    func run() throws { try runTraining() }
}
