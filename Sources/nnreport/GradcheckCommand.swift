import ArgumentParser
import NNReportKit

struct GradcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradcheck",
        abstract: "Check every layer's gradients against centred differences in Double.",
        discussion: """
            Compares the analytic gradients of the Float32 kernels the trainer runs (dense layers, \
            ReLU / sigmoid / tanh, dropout, softmax cross-entropy, L2 weight decay, 2-D convolutions \
            with and without stride and padding, max pooling, and whole small perceptrons and \
            convolutional networks) with numerical gradients, and prints the largest relative error per \
            parameter as cs231n's check does. Exits non-zero when any error exceeds the threshold.
            """)

    @Option(help: ArgumentHelp("Largest relative error that passes.", valueName: "x"))
    var threshold: Double = GradcheckTable.defaultThreshold

    @Option(help: ArgumentHelp("Seed of the random inputs and weights.", valueName: "n"))
    var seed: UInt64 = 1

    func validate() throws {
        guard threshold > 0, threshold.isFinite else {
            throw ValidationError("--threshold \(threshold) is not allowed: expected a positive number such as 1e-3")
        }
    }

    func run() throws {
        let table = GradcheckTable(seed: seed, threshold: threshold)
        table.lines.forEach { print($0) }
        if table.failures > 0 { throw ExitCode(1) }
    }
}
