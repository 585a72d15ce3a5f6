import Datasets
import Report
import Randomness
import Charts
import Foundation

/// Realistic, seeded stand-in data for the figures of a run report, so figures can be drawn,
/// benchmarked and compared with matplotlib without a training run or dataset files.
public struct BenchmarkData: Sendable {
    public var loss: EpochSeries
    public var accuracy: EpochSeries
    /// Per-step training loss at fractional epochs.
    public var steps: [DataPoint]
    public var bestEpoch: Int
    /// `[units, 784]` first-layer weights.
    public var weights: [Float]
    public var units: Int
    public var images: LabeledImages
    /// `[images.count, 10]` softmax outputs.
    public var probabilities: [Float]
    public var confusion: [[Int]]
    public var classNames: [String]

    /// Data for an `epochs`-epoch run with `stepsPerEpoch` logged steps, `units` hidden units
    /// and `imageCount` test images, all drawn from `seed`.
    public init(epochs: Int = 50, stepsPerEpoch: Int = 20, units: Int = 100, imageCount: Int = 64, seed: UInt64 = 7) {
        var rng = SplitMix64(seed: seed)
        let e = (1...epochs).map(Double.init)
        let train = e.map { 0.02 + 0.28 * exp(-$0 / 4) + 0.02 * exp(-$0 / 30) + rng.standInNormal() * 0.002 }
        let validation = e.map { 0.075 + 0.16 * exp(-$0 / 3) + 0.0006 * max(0, $0 - 12) + rng.standInNormal() * 0.003 }
        loss = EpochSeries(epochs: Array(1...epochs), train: train, validation: validation)
        accuracy = EpochSeries(
            epochs: Array(1...epochs),
            train: train.map { min(0.9995, 1 - 0.33 * $0 + 0.002 * rng.standInNormal()) },
            validation: validation.map { min(0.999, 1.004 - 0.3 * $0 + 0.002 * rng.standInNormal()) })
        bestEpoch = (validation.indices.min { validation[$0] < validation[$1] } ?? 0) + 1
        steps = (0..<(epochs * stepsPerEpoch)).map { s in
            let x = Double(s + 1) / Double(stepsPerEpoch)
            let mean = 0.015 + 2.2 * exp(-x * 6) + 0.25 * exp(-x / 4)
            return DataPoint(x: x, y: mean * exp(0.35 * rng.standInNormal()))
        }
        self.units = units
        weights = (0..<units).flatMap { _ in SyntheticImages.weightPattern(rng: &rng) }
        let labels = (0..<imageCount).map { _ in Int(rng.next() % 10) }
        images = LabeledImages(
            count: imageCount, rows: 28, columns: 28,
            pixels: labels.flatMap { SyntheticImages.digit($0, rng: &rng) }, labels: labels.map(UInt8.init))
        var probabilities: [Float] = []
        for label in labels {
            // Logits that favour the true class, with an occasional confident mistake.
            var logits = (0..<10).map { _ in rng.standInNormal() * 1.2 }
            let wrong = rng.nextUnitDouble() < 0.12
            logits[wrong ? (label + 1 + Int(rng.next() % 9)) % 10 : label] += 6 + rng.standInNormal()
            let m = logits.max()!
            let exps = logits.map { exp($0 - m) }
            let sum = exps.reduce(0, +)
            probabilities += exps.map { Float($0 / sum) }
        }
        self.probabilities = probabilities
        confusion = (0..<10).map { r in
            (0..<10).map { c in
                r == c ? 960 + Int(rng.next() % 40) : (rng.nextUnitDouble() < 0.55 ? Int(rng.next() % 9) : 0)
            }
        }
        classNames = ClassNames.digits
    }
}

extension BenchmarkData {
    /// The test images' labels as class indices.
    public var labels: [Int] { images.labels.map(Int.init) }
}
