import ArgumentParser
import Engine
import Foundation

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
    var threshold: Double = GradientCheck.defaultThreshold

    @Option(help: ArgumentHelp("Seed of the random inputs and weights.", valueName: "n"))
    var seed: UInt64 = 1

    func validate() throws {
        guard threshold > 0, threshold.isFinite else {
            throw ValidationError("--threshold \(threshold) is not allowed: expected a positive number such as 1e-3")
        }
    }

    func run() throws {
        let results = GradientCheck.run(seed: seed)
        let width = max(12, results.map(\.name.count).max() ?? 0)
        print("\("check".padding(toLength: width, withPad: " ", startingAt: 0))  max relative error  values  result")
        var failures = 0
        for r in results {
            let ok = r.passes(threshold: threshold)
            if !ok { failures += 1 }
            let name = r.name.padding(toLength: width, withPad: " ", startingAt: 0)
            print("\(name)  \(String(format: "%18.3e", r.maxRelativeError))  \(String(format: "%6d", r.count))  \(ok ? "ok" : "FAIL")")
        }
        print("\(results.count - failures) of \(results.count) checks within \(threshold)")
        if failures > 0 { throw ExitCode(1) }
    }
}
