import Randomness
import Datasets
import Foundation
import LinearAlgebra
import Metrics

/// `nnreport bench`: training throughput, GEMM-only time and the machine's sgemm peak.
public enum Benchmark {
    /// A sink that keeps only the epoch durations.
    private final class EpochTimes: MetricSink {
        var seconds: [Double] = []
        func receive(_ event: MetricEvent) throws {
            if case .epoch(let e) = event { seconds.append(e.seconds) }
        }
    }

    /// Times every configuration: `epochs` training epochs each (median reported), the GEMM-only
    /// equivalent, and the sgemm peak for its thread count.
    public static func run(
        configurations: [BenchConfiguration], train: LabeledImages, test: LabeledImages, classCount: Int = 10,
        epochs: Int = 3
    ) throws -> [BenchResult] {
        var peaks: [Int: Double] = [:]
        var results: [BenchResult] = []
        for bench in configurations {
            var config = bench.training
            config.epochs = epochs
            config.maxIterations = nil
            config.patience = nil
            config.validationCount = 0
            config.trainLimit = min(bench.samples, train.count)
            let sizes = [train.imageSize] + config.hidden + [classCount]
            let architecture = try config.layers.map {
                try ConvArchitecture(
                    specs: $0, input: TensorShape(channels: 1, height: train.rows, width: train.columns),
                    classes: classCount, activation: config.activation, dropout: config.dropout)
            }
            let times = EpochTimes()
            _ = try Trainer(
                configuration: config, train: train, test: test.prefix(0), classCount: classCount, sink: times
            ).run()
            let epochSeconds = median(times.seconds)
            let steps = (config.trainLimit! + config.batchSize - 1) / config.batchSize
            let gemm =
                architecture.map {
                    gemmOnlySeconds(
                        architecture: $0, batch: config.batchSize, steps: steps, threads: config.threads,
                        repeats: epochs)
                }
                ?? gemmOnlySeconds(
                    sizes: sizes, batch: config.batchSize, steps: steps, threads: config.threads, repeats: epochs)
            if peaks[config.threads] == nil { peaks[config.threads] = sgemmPeakGFLOPS(threads: config.threads) }
            let peak = peaks[config.threads]!
            let flops = architecture?.flopsPerSample ?? flopsPerSample(sizes: sizes)
            let samples = Double(config.trainLimit!)
            results.append(
                BenchResult(
                    name: bench.name, batchSize: config.batchSize, threads: config.threads, epochSeconds: epochSeconds,
                    samplesPerSecond: samples / epochSeconds, gemmOnlySeconds: gemm, flopsPerSample: flops,
                    sgemmPeakGFLOPS: peak, shareOfPeak: flops * samples / epochSeconds / (peak * 1e9),
                    epochSamples: times.seconds))
        }
        return results
    }

    /// Times evaluation with the issue-3 network (784-256-128-64-10 ReLU, inputs scaled to [0, 1],
    /// He-initialised weights: the arithmetic does not depend on the values).
    public static func evaluation(test: LabeledImages, classCount: Int = 10, threads: Int, repeats: Int = 10)
        -> EvaluationBenchResult
    {
        var generator = SplitMix64(seed: 1)
        let network = Network.random(
            sizes: [test.imageSize, 256, 128, 64, classCount], activation: .relu, initializer: .he,
            inputTransform: InputTransformKind.unit.transform(images: [], pixels: test.imageSize, indices: 0..<0),
            generator: &generator)
        return evaluation(network: network, test: test, threads: threads, repeats: repeats)
    }

    /// Times class probabilities for every test image, from bytes, `repeats` times.
    public static func evaluation(network: Network, test: LabeledImages, threads: Int, repeats: Int = 10)
        -> EvaluationBenchResult
    {
        BLAS.setThreads(threads)
        var samples: [Double] = []
        for _ in 0..<repeats {
            let start = ContinuousClock.now
            let p = network.predictProbabilities(pixels: test.pixels)
            samples.append((ContinuousClock.now - start).seconds)
            precondition(p.count == test.count * network.classCount, "evaluation returned \(p.count) values")
        }
        return EvaluationBenchResult(images: test.count, seconds: median(samples), samples: samples)
    }

    /// Training FLOPs per sample: 2·in·out for the forward product, the weight gradient and the
    /// input gradient of each layer but the first.
    public static func flopsPerSample(sizes: [Int]) -> Double {
        var flops = 0.0
        for l in 0..<(sizes.count - 1) {
            let mac = Double(sizes[l] * sizes[l + 1])
            flops += 2 * mac * (l == 0 ? 2 : 3)
        }
        return flops
    }

    /// The best GFLOP/s of a 1024³ sgemm over a few runs, with `threads` BLAS threads.
    public static func sgemmPeakGFLOPS(threads: Int, size: Int = 1024, repeats: Int = 5) -> Double {
        BLAS.setThreads(threads)
        let a = Matrix(rows: size, columns: size), b = Matrix(rows: size, columns: size),
            c = Matrix(rows: size, columns: size)
        a.fill(0.5)
        b.fill(0.25)
        var best = Double.infinity
        for _ in 0..<repeats {
            let start = ContinuousClock.now
            BLAS.gemm(a, .none, b, .none, into: c)
            best = min(best, (ContinuousClock.now - start).seconds)
        }
        return 2 * pow(Double(size), 3) / best / 1e9
    }

    /// Median seconds of `steps` training steps' GEMMs alone: per layer the forward product and
    /// the weight gradient, and the input gradient for every layer but the first.
    public static func gemmOnlySeconds(sizes: [Int], batch: Int, steps: Int, threads: Int, repeats: Int) -> Double {
        BLAS.setThreads(threads)
        let layers = sizes.count - 1
        let activations = sizes.map { Matrix(rows: batch, columns: $0) }
        let gradients = sizes.map { Matrix(rows: batch, columns: $0) }
        let weights = (0..<layers).map { Matrix(rows: sizes[$0 + 1], columns: sizes[$0]) }
        let weightGradients = (0..<layers).map { Matrix(rows: sizes[$0 + 1], columns: sizes[$0]) }
        for m in activations + gradients + weights { m.fill(0.01) }
        var samples: [Double] = []
        for _ in 0..<repeats {
            let start = ContinuousClock.now
            for _ in 0..<steps {
                for l in 0..<layers {
                    BLAS.gemm(activations[l], .none, weights[l], .transpose, into: activations[l + 1])
                }
                for l in stride(from: layers - 1, through: 0, by: -1) {
                    BLAS.gemm(gradients[l + 1], .transpose, activations[l], .none, into: weightGradients[l], beta: 1)
                    if l > 0 { BLAS.gemm(gradients[l + 1], .none, weights[l], .none, into: gradients[l]) }
                }
            }
            samples.append((ContinuousClock.now - start).seconds)
        }
        return median(samples)
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
