import Datasets
import Engine
import Metrics

/// A second training run whose result the report shows beside the main one: the experiment
/// that explains a preset's published figure, measured in the same run rather than quoted.
struct CompanionRun: Sendable {
    enum Kind: Sendable {
        /// The homework network with its raw 0–255 inputs scaled to [0, 1].
        case scaledInputs
        /// The cs231n network at the write-up's literal learning rate.
        case literalLearningRate(Double)
    }

    var kind: Kind
    /// What differs from the main run, e.g. "inputs scaled to [0, 1]".
    var label: String
    var configuration: TrainingConfiguration
    var result: TrainingResult
    var epochs: [EpochRecord]
    /// Share of first-layer sigmoid outputs within 0.01 of 0 or 1 on test images.
    var saturation: Double?

    /// A companion run to train: what it changes and its configuration.
    struct Plan: Sendable {
        var kind: Kind
        var label: String
        var configuration: TrainingConfiguration

        /// Trains the companion on the same data as the main run.
        func run(dataset: Dataset, shouldStop: @escaping @Sendable () -> Bool) throws -> CompanionRun {
            let recorder = MetricRecorder()
            let result = try Trainer(
                configuration: configuration, train: dataset.train, test: dataset.test,
                classCount: dataset.descriptor.classCount, sink: recorder, shouldStop: shouldStop
            ).run()
            return CompanionRun(
                kind: kind, label: label, configuration: configuration, result: result, epochs: recorder.epochs,
                saturation: result.model.perceptron.flatMap {
                    SaturationProbe.firstLayerSaturation(of: $0, images: dataset.test)
                })
        }
    }

    /// The companion runs a preset's report needs (none for most presets).
    static func plans(preset: Preset, configuration: TrainingConfiguration) -> [Plan] {
        switch preset.name {
        case "homework" where configuration.inputTransform == .raw:
            var scaled = configuration
            scaled.inputTransform = .unit
            return [Plan(kind: .scaledInputs, label: "inputs scaled to [0, 1]", configuration: scaled)]
        case "cs231n" where configuration.learningRate != 1e-3:
            var literal = configuration
            literal.learningRate = 1e-3
            return [
                Plan(kind: .literalLearningRate(1e-3), label: "the write-up's learning rate 1e-3", configuration: literal)
            ]
        default:
            return []
        }
    }
}

/// Measures how many hidden sigmoid units sit in their flat tails, where the gradient vanishes.
enum SaturationProbe {
    /// Share of first-layer activations σ(z) with σ(z) < 0.01 or > 0.99 (|z| > 4.6) over the
    /// first `limit` images; nil unless the network uses sigmoid units.
    static func firstLayerSaturation(of network: Network, images: LabeledImages, limit: Int = 1000) -> Double? {
        guard network.activation == .sigmoid, let layer = network.layers.first else { return nil }
        let n = min(limit, images.count)
        let pixels = layer.inputs
        guard n > 0, images.imageSize == pixels else { return nil }
        let t = network.inputTransform
        var input = [Float](repeating: 0, count: pixels)
        var saturated = 0
        // 4.595 = logit(0.99): beyond it σ′(z) = σ(1 − σ) < 0.0099, under 4% of its peak 0.25.
        let threshold: Float = 4.595
        for image in 0..<n {
            let base = image * pixels
            for i in 0..<pixels {
                let m = t.mean.count == 1 ? t.mean[0] : t.mean[i]
                let d = t.std.count == 1 ? t.std[0] : t.std[i]
                input[i] = (Float(images.pixels[base + i]) * t.scale - m) / d
            }
            for unit in 0..<layer.outputs {
                var z = layer.biases[unit]
                let row = unit * pixels
                for i in 0..<pixels { z += layer.weights[row + i] * input[i] }
                if abs(z) > threshold { saturated += 1 }
            }
        }
        return Double(saturated) / Double(n * layer.outputs)
    }
}
