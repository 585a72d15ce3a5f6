import RenderBenchmarks
import ArgumentParser
import Foundation
import NNReportKit

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure training, evaluation and figure-drawing speed on this machine.",
        discussion: """
            Without --render: trains the issue-3 configurations (784-256-128-64-10 ReLU, dropout 0.2, Adam, \
            at batch 32, 64 and 128, and the batch-1 homework network) on real MNIST, and prints the median \
            epoch time, samples/s, the time of the same epoch's GEMMs alone, and the share of this machine's \
            measured sgemm peak; then the evaluation time of the 10,000 test images. \
            scripts/bench-peers.sh runs PyTorch and NumPy on the same models in the same run and prints ratios.

            With --render: draws the report's figures from seeded stand-in data and prints the median time \
            per figure; scripts/bench-render.sh compares them with matplotlib.
            """)

    @Option(help: ArgumentHelp("BLAS threads.", valueName: "n"))
    var threads: Int = 2

    @Option(help: ArgumentHelp("Training epochs timed per configuration (the median is reported).", valueName: "n"))
    var epochs: Int = 3

    @Option(
        help: ArgumentHelp(
            "Only these configurations (repeatable): \(BenchmarkRun.configurationNames.joined(separator: ", ")).",
            valueName: "name"))
    var only: [String] = []

    @Option(name: .customLong("data-dir"), help: ArgumentHelp("Folder holding the MNIST files.", valueName: "dir"))
    var dataDirectory: String?

    @Flag(help: "Print one JSON object per result instead of a table (read by scripts/bench-peers.sh).")
    var json = false

    @Flag(help: "Benchmark drawing the report's figures instead of training.")
    var render = false

    @Option(help: ArgumentHelp("With --render: timed repetitions per figure.", valueName: "n"))
    var repetitions: Int = 7

    @Option(help: ArgumentHelp("With --render: PNG scale, 1 or 2.", valueName: "n"))
    var scale: Int = 1

    @Option(
        name: .customLong("write-figures"),
        help: ArgumentHelp(
            "With --render: write every report figure once into this folder (a cold run).", valueName: "dir"))
    var writeFigures: String?

    @Option(
        name: .customLong("export-data"),
        help: ArgumentHelp(
            "With --render: write the figures' stand-in data as JSON (for the matplotlib peer).", valueName: "file"))
    var exportData: String?

    func validate() throws {
        guard threads >= 1 && threads <= 256 else { throw ValidationError("--threads \(threads): expected 1 to 256") }
        guard epochs >= 1 && epochs <= 100 else { throw ValidationError("--epochs \(epochs): expected 1 to 100") }
        guard repetitions >= 1 else { throw ValidationError("--repetitions \(repetitions): expected at least 1") }
        guard scale == 1 || scale == 2 else { throw ValidationError("--scale \(scale): expected 1 or 2") }
        for name in only where !BenchmarkRun.configurationNames.contains(name) {
            throw ValidationError(
                "--only \(name): expected one of \(BenchmarkRun.configurationNames.joined(separator: ", "))")
        }
    }

    func run() throws {
        ProcessSetup.prepare()
        if render {
            try runRender()
            return
        }
        let bench = BenchmarkRun(
            threads: threads, epochs: epochs, only: only,
            dataDirectory: dataDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) })
        let (training, evaluation) = try bench.run()
        print(
            json
                ? BenchmarkRun.jsonLines(training, evaluation: evaluation)
                : BenchmarkRun.table(training, evaluation: evaluation), terminator: "")
    }

    func runRender() throws {
        if let exportData {
            try RenderBenchmark.exportData(to: exportData)
        } else if let writeFigures {
            print(
                try RenderBenchmark.writeReportFigureLines(to: URL(fileURLWithPath: writeFigures, isDirectory: true)),
                terminator: "")
        } else {
            print(try RenderBenchmark.timingLines(repetitions: repetitions, scale: scale), terminator: "")
        }
    }
}
