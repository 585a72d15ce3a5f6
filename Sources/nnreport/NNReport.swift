import ArgumentParser
import NNReportKit

@main
struct NNReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnreport",
        abstract: "Train small neural networks and turn their metrics into report folders.",
        version: NNReportVersion.string)

    func run() throws {}
}
