import ArgumentParser
import NNReportKit

@main
struct NNReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nnreport",
        abstract: "Train small neural networks and turn their metrics into report folders.",
        discussion: """
            Trains multilayer perceptrons on MNIST or Fashion-MNIST with BLAS, streams their metrics, \
            and writes a report folder: PNG figures drawn with Cairo, the data behind each figure as CSV, \
            metrics.jsonl, metrics.csv, summary.json, model.safetensors and a README.md that renders on GitHub.
            """,
        version: NNReportVersion.string,
        subcommands: [
            MnistCommand.self, FashionCommand.self, RenderCommand.self, MergeCommand.self, CompareCommand.self,
            SweepCommand.self, GradcheckCommand.self, BenchCommand.self, ApproxCommand.self, ResumeCommand.self,
            CleanCommand.self,
        ])
}
