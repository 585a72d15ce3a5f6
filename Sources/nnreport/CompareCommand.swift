import ArgumentParser
import Foundation
import Metrics
import NNReportKit

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract:
            "Is the candidate better, worse, or not distinguishable from the baseline? A report with the verdict.",
        discussion: """
            BASELINE and CANDIDATE are two of the same kind:

            - nnreport run folders: paired on their test_predictions.csv (the same test images, checked \
            by the checksums in summary.json); McNemar's exact test on the images exactly one run \
            classifies correctly, and the accuracy difference with its confidence interval.
            - sweep folders (nnreport sweep) or folders of repeated runs (run folders differing only in \
            --seed): Welch's t-test of final and best validation accuracy and test accuracy over the \
            seeds, per setting both share; n is stated.
            - logs nnreport render reads (Keras, Lightning, TensorBoard, ...): the best and last value of \
            every shared metric against --tolerance; no significance test is possible.

            The report folder's README.md opens with the verdict: better, worse or no significant \
            difference per metric and overall. Exit status: 0 whatever the verdict, unless --fail-on \
            asks for 1; 2 when an input cannot be read or compared (the file is named); 64 for bad options.
            """)

    @Argument(
        help: ArgumentHelp("The reference: run folder, sweep folder, folder of runs, or log.", valueName: "baseline"))
    var baseline: String

    @Argument(help: ArgumentHelp("What is judged against the baseline, of the same kind.", valueName: "candidate"))
    var candidate: String

    @Option(
        help: ArgumentHelp(
            "Significance level: a difference counts when p < alpha; intervals at 1 − alpha.", valueName: "p"))
    var alpha: Double = 0.05

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "Exit with status 1 when the verdict is worse (worse) or any significant change (different).",
            valueName: "verdict"))
    var failOn: CompareFailCondition?

    @Option(
        help: ArgumentHelp(
            "Logs only: how far a metric may move and count as the same: 0.01 (every metric), val_loss=0.01, val_accuracy=0.5% (of the baseline). Repeatable; default 0.",
            valueName: "[metric=]amount"))
    var tolerance: [String] = []

    @Option(
        name: .customLong("format-in"),
        help: ArgumentHelp("Read logs as this format instead of detecting it.", valueName: "format"))
    var formatIn: LogFormat?

    @Option(
        name: .customLong("x"),
        help: ArgumentHelp("The x column of plain CSV/TSV logs: step, epoch or a column name.", valueName: "column"))
    var x: String?

    @OptionGroup(title: "Report options") var report: ReportOptions

    func validate() throws {
        guard alpha > 0, alpha < 1, alpha.isFinite else {
            throw ValidationError(
                "--alpha \(alpha) is not allowed: expected a probability between 0 and 1, such as 0.05")
        }
        do {
            _ = try CompareRequest.tolerances(parsing: tolerance)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        ProcessSetup.prepare()
        // A signal removes the unfinished report and exits: there is no partial report to keep.
        let signals = SignalMonitor(policy: .abort)
        signals.install()
        let quiet = report.quiet
        let request = CompareRequest(
            baseline: URL(fileURLWithPath: baseline), candidate: URL(fileURLWithPath: candidate), alpha: alpha,
            tolerances: try CompareRequest.tolerances(parsing: tolerance), format: formatIn, x: x,
            report: report.settings(abortingWhen: { signals.isAborted }))
        let pipeline = ComparePipeline(request: request, note: { if !quiet { Console.error($0) } })
        let outcome: CompareOutcome
        do {
            outcome = try ExitStatus.mapping(signals) { try pipeline.run() }
        } catch let error where PipelineError.blamesInput(error) {
            Console.error("Error: \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
        if report.json { print(outcome.summaryJSON, terminator: "") }
        if !quiet { outcome.doneMessages.forEach(Console.error) }
        if let failOn, let failure = outcome.failure(on: failOn) {
            if !quiet { Console.error(failure) }
            throw ExitCode.failure
        }
    }
}

extension CompareFailCondition: ExpressibleByArgument {}
