import ArgumentParser
import Foundation
import NNReportKit

struct ApproxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approx",
        abstract: "Write a report on how one hidden layer approximates functions: boxes, staircases, ReLU fits.",
        discussion: """
            Builds a box function from two step neurons, approximates sin(2x) + 0.5·cos(5x) on [-3, 3] by \
            4, 8, 16 and 32 boxes with the error of each, and fits one-hidden-layer ReLU networks with 4 units \
            to the two small data sets of the course write-up by full-batch Adam from several seeded starts. \
            Writes figures with their CSV data, summary.json and a README.md that explains the idea.
            """)

    @Option(help: ArgumentHelp("Seed of the random starting points of the fits.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Random starts per data set.", valueName: "n"))
    var starts: Int = 20

    @Option(help: ArgumentHelp("Full-batch Adam steps per start.", valueName: "n"))
    var steps: Int = 20_000

    @Option(help: ArgumentHelp("Adam's peak learning rate (it decays along half a cosine to 0).", valueName: "x"))
    var lr: Double = 0.01

    @OptionGroup(title: "Report options") var report: ReportOptions

    func validate() throws {
        do {
            try ApproxPipeline(request: makeRequest()).validate()
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func makeRequest(abortingWhen shouldAbort: @escaping @Sendable () -> Bool = { false }) -> ApproxRequest {
        ApproxRequest(
            seed: seed, starts: starts, steps: steps, learningRate: lr,
            report: report.settings(abortingWhen: shouldAbort))
    }

    func run() throws {
        ProcessSetup.prepare()
        let signals = SignalMonitor(policy: .abort)
        signals.install()
        let quiet = report.quiet
        let outcome = try ExitStatus.mapping(signals) {
            try ApproxPipeline(
                request: makeRequest(abortingWhen: { signals.isAborted }), note: { if !quiet { Console.error($0) } }
            ).run()
        }
        if report.json { print(outcome.summaryJSON, terminator: "") }
        if !quiet { Console.error(outcome.doneMessage) }
    }
}
