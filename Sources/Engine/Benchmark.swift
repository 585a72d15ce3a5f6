import Datasets
import Foundation
import LinearAlgebra
import Metrics

/// One model and batch size to time.
public struct BenchConfiguration: Sendable, Equatable {
    /// A short stable name, e.g. "mlp-b32" or "homework-b1" (scripts/bench-peers.sh matches on it).
    public var name: String
    public var training: TrainingConfiguration
    /// Training images per timed epoch.
    public var samples: Int

    public init(name: String, training: TrainingConfiguration, samples: Int = 60_000) {
        self.name = name
        self.training = training
        self.samples = samples
    }

    /// The issue-3 comparison set: 784-256-128-64-10 ReLU, dropout 0.2, Adam 1e-3 at batch 32,
    /// 64 and 128, and the batch-1 homework network; then the issue-12 convolutional networks,
    /// the `cnn` and `lenet` presets' at batch 64.
    public static func standard(threads: Int) -> [BenchConfiguration] {
        perceptrons(threads: threads) + convolutional(threads: threads)
    }

    /// The `cnn` and `lenet` presets' networks with Adam 1e-3 at batch 64 ("cnn-b64", "lenet-b64").
    public static func convolutional(threads: Int) -> [BenchConfiguration] {
        [("cnn", Preset.cnn), ("lenet", Preset.lenet)].map { name, preset in
            var c = preset.configuration
            c.patience = nil
            c.validationCount = 0
            c.threads = threads
            c.batchSize = 64
            return BenchConfiguration(name: "\(name)-b64", training: c)
        }
    }

    /// The issue-3 perceptrons.
    public static func perceptrons(threads: Int) -> [BenchConfiguration] {
        var mlp = Preset.keras.configuration
        mlp.patience = nil
        mlp.validationCount = 0
        mlp.threads = threads
        var homework = Preset.homework.configuration
        homework.threads = threads
        return [32, 64, 128].map { batch -> BenchConfiguration in
            var c = mlp
            c.batchSize = batch
            return BenchConfiguration(name: "mlp-b\(batch)", training: c)
        } + [BenchConfiguration(name: "homework-b1", training: homework)]
    }
}

/// Timings of one configuration (medians over the repeats).
public struct BenchResult: Sendable, Equatable {
    public var name: String
    public var batchSize: Int
    public var threads: Int
    /// Median seconds of one training epoch of ``BenchConfiguration/samples`` images.
    public var epochSeconds: Double
    public var samplesPerSecond: Double
    /// Median seconds of the same epoch's GEMMs alone (the 11 sgemm calls per step of a
    /// 4-layer network, on the same shapes, through the same BLAS; for a network with
    /// convolutions, the same products of its patch matrices).
    public var gemmOnlySeconds: Double
    /// Training FLOPs per sample (forward, weight gradients, input gradients but the first layer's).
    public var flopsPerSample: Double
    /// sgemm GFLOP/s measured on this machine (large square product, same threads).
    public var sgemmPeakGFLOPS: Double
    /// Achieved training GFLOP/s over the sgemm peak.
    public var shareOfPeak: Double
    /// Every epoch's seconds, for judging the noise.
    public var epochSamples: [Double]

    /// A JSON object for `nnreport bench --json` and scripts/bench-peers.sh.
    public var json: JSONValue {
        .object([
            ("name", .string(name)), ("batch_size", .number(Double(batchSize))), ("threads", .number(Double(threads))),
            ("epoch_seconds", .number(epochSeconds)), ("samples_per_second", .number(samplesPerSecond)),
            ("gemm_only_seconds", .number(gemmOnlySeconds)), ("flops_per_sample", .number(flopsPerSample)),
            ("sgemm_peak_gflops", .number(sgemmPeakGFLOPS)), ("share_of_peak", .number(shareOfPeak)),
            ("epoch_samples", .array(epochSamples.map { .number($0) })),
        ])
    }
}

/// Test-set evaluation timing: class probabilities of every test image from raw bytes.
public struct EvaluationBenchResult: Sendable, Equatable {
    public var images: Int
    /// Median seconds over the repeats.
    public var seconds: Double
    public var samples: [Double]

    public var json: JSONValue {
        .object([
            ("name", "eval"), ("images", .number(Double(images))), ("seconds", .number(seconds)),
            ("samples", .array(samples.map { .number($0) })),
        ])
    }
}
