import Datasets
import Engine
import Foundation
import Metrics
import Report

/// `nnreport bench`: training throughput of the issue-3 configurations on real MNIST, against
/// the GEMM-only time and the machine's sgemm peak, plus test-set evaluation time.
public struct BenchmarkRun {
    public var threads: Int
    public var epochs: Int
    /// Configuration names to run (all when empty): mlp-b32, mlp-b64, mlp-b128, homework-b1.
    public var only: [String]
    public var dataDirectory: URL?

    public init(threads: Int, epochs: Int, only: [String] = [], dataDirectory: URL? = nil) {
        self.threads = threads
        self.epochs = epochs
        self.only = only
        self.dataDirectory = dataDirectory
    }

    /// The names `only` may use.
    public static var configurationNames: [String] { BenchConfiguration.standard(threads: 1).map(\.name) }

    /// Runs the training benchmarks and the evaluation benchmark.
    public func run() throws -> (training: [BenchResult], evaluation: EvaluationBenchResult) {
        let dataset = try PipelineError.during("loading MNIST") {
            try DatasetLoader().load(.mnist, dataDirectory: dataDirectory)
        }
        let configurations = BenchConfiguration.standard(threads: threads).filter { only.isEmpty || only.contains($0.name) }
        let training = try PipelineError.during("benchmarking training") {
            try Benchmark.run(configurations: configurations, train: dataset.train, test: dataset.test, epochs: epochs)
        }
        let evaluation = Benchmark.evaluation(test: dataset.test, threads: threads)
        return (training, evaluation)
    }

    /// A table for people: one row per configuration, then the evaluation time.
    public static func table(_ training: [BenchResult], evaluation: EvaluationBenchResult) -> String {
        var lines = [
            "configuration   batch  threads  epoch (s)  samples/s  GEMM-only (s)  epoch/GEMM  share of sgemm peak",
        ]
        for r in training {
            let gemmRatio = r.gemmOnlySeconds > 0 ? String(format: "%9.2fx", r.epochSeconds / r.gemmOnlySeconds) : "        –"
            lines.append(
                String(
                    format: "%-14@  %5d  %7d  %9.3f  %9@  %13.3f  %@  %7.1f%% of %.0f GFLOP/s",
                    r.name.padding(toLength: 14, withPad: " ", startingAt: 0) as NSString, r.batchSize, r.threads,
                    r.epochSeconds, ReportNumberFormat.grouped(r.samplesPerSecond) as NSString, r.gemmOnlySeconds,
                    gemmRatio as NSString, r.shareOfPeak * 100, r.sgemmPeakGFLOPS))
        }
        lines.append(
            String(
                format: "evaluation of %d test images: %.1f ms (median of %d)", evaluation.images,
                evaluation.seconds * 1000, evaluation.samples.count))
        lines.append("Epochs are 60,000 images; GEMM-only is the same epoch's matrix products alone on the same BLAS.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// JSON lines (one per result), the form scripts/bench-peers.sh reads.
    public static func jsonLines(_ training: [BenchResult], evaluation: EvaluationBenchResult) -> String {
        (training.map { JSONWriter.compact($0.json) } + [JSONWriter.compact(evaluation.json)]).joined(separator: "\n")
            + "\n"
    }
}
