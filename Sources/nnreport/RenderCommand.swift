import ArgumentParser
import Foundation
import Metrics
import NNReportKit

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Write a report folder from existing training logs; several runs give a comparison.",
        discussion: """
            Reads nnreport run folders and metrics.jsonl, Keras CSVLogger files, PyTorch Lightning \
            metrics.csv (with hparams.yaml), TensorBoard event files or run folders (train/ and \
            validation/ paired), DVCLive folders and plain CSV/TSV tables. The format is detected \
            from the content unless --format-in forces it. One run gives a report with a chart per \
            quantity, the last and best value of every metric and the hyperparameters; several runs \
            give a comparison with one colour per run and only the hyperparameters that differ.
            """)

    @Argument(help: ArgumentHelp("Metric files or run folders.", valueName: "log"))
    var inputs: [String]

    @Option(
        name: .customLong("format-in"),
        help: ArgumentHelp("Read every input as this format instead of detecting it.", valueName: "format"))
    var formatIn: LogFormat?

    @Option(
        name: .customLong("x"),
        help: ArgumentHelp("The x column of plain CSV/TSV tables: step, epoch or a column name.", valueName: "column"))
    var x: String?

    @OptionGroup(title: "Report options") var report: ReportOptions

    func validate() throws {
        guard !inputs.isEmpty else {
            throw ValidationError("Give at least one metric file or run folder, e.g. nnreport render training.log")
        }
        if let x, x.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--x '' is not allowed: expected step, epoch or a column name")
        }
    }

    func run() throws {
        ProcessSetup.prepare()
        // A signal removes the unfinished report and exits: there is no partial report to keep.
        let signals = SignalMonitor(policy: .abort)
        signals.install()
        let quiet = report.quiet
        let pipeline = RenderPipeline(
            request: report.renderRequest(inputs: inputs, format: formatIn, x: x, abortingWhen: { signals.isAborted }),
            note: { if !quiet { Console.error($0) } })
        report.finish(try ExitStatus.mapping(signals) { try pipeline.run() })
    }
}

extension LogFormat: ExpressibleByArgument {}

extension ReportOptions {
    /// The request of `nnreport render` / `nnreport merge` from these options.
    func renderRequest(
        inputs: [String], format: LogFormat? = nil, x: String? = nil,
        abortingWhen shouldAbort: @escaping @Sendable () -> Bool
    ) -> RenderRequest {
        RenderRequest(
            inputs: inputs.map { URL(fileURLWithPath: $0) }, format: format, x: x,
            report: settings(abortingWhen: shouldAbort))
    }

    /// Prints what `--json` and the absence of `--quiet` ask for.
    func finish(_ outcome: RenderOutcome) {
        if json { print(outcome.summaryJSON, terminator: "") }
        if !quiet { Console.error(outcome.doneMessage) }
    }
}
