import LinearAlgebra
import Randomness

/// The activations of one image after a convolution (and its activation function), for the
/// report's feature-map figure.
public struct FeatureMaps: Sendable, Equatable {
    /// The convolution's module index (`layers.<module>`).
    public var module: Int
    public var geometry: ConvolutionGeometry
    /// The activation applied after the convolution (nil when none).
    public var activation: Activation?
    /// `channels × height × width` values, channels-first (one map after another).
    public var values: [Float]

    public var shape: TensorShape { geometry.output }

    /// Map `channel`, row after row.
    public func map(_ channel: Int) -> ArraySlice<Float> {
        values[(channel * shape.positions)..<((channel + 1) * shape.positions)]
    }
}

extension ConvNetwork {
    /// Class probabilities of every image, `count × classCount` row-major.
    ///
    /// - Parameter pixels: `count × inputCount` raw bytes, image after image.
    public func predictProbabilities(pixels: [UInt8]) -> [Float] {
        precondition(
            pixels.count % inputCount == 0, "\(pixels.count) bytes is not a whole number of \(inputCount)-pixel images")
        let count = pixels.count / inputCount
        guard count > 0 else { return [] }
        let model = ConvModel(network: self)
        model.threads = BLAS.threads
        let workspace = model.makeBuffers(capacity: Swift.min(model.evaluationBatch, count), training: false)
        let evaluator = Evaluator(
            model: model, workspace: workspace, loader: BatchLoader(transform: inputTransform, pixels: inputCount))
        return evaluator.probabilities(pixels: pixels, count: count, classCount: classCount)
    }

    /// The feature maps of one image after every convolution (after its activation), in order.
    ///
    /// - Parameter image: `inputCount` raw bytes.
    public func featureMaps(image: [UInt8]) -> [FeatureMaps] {
        precondition(
            image.count == inputCount, "an image of \(image.count) bytes for a network of \(inputCount) inputs")
        let model = ConvModel(network: self)
        let workspace = model.makeBuffers(capacity: 1, training: false)
        let loader = BatchLoader(transform: inputTransform, pixels: inputCount)
        let label: [UInt8] = [0]
        image.withUnsafeBufferPointer { p in
            label.withUnsafeBufferPointer { l in
                loader.load(
                    0..<1, from: p.baseAddress!, labels: l.baseAddress!, into: workspace.input, labels: workspace.labels
                )
            }
        }
        var generator = SplitMix64(seed: 0)  // unused: no dropout outside training
        _ = model.forward(workspace, training: false, generator: &generator, output: .probabilities, labels: false)
        var maps: [FeatureMaps] = []
        for (step, module) in zip(model.steps.indices, model.stepModules) {
            guard case .convolution(let g, _, let activation) = model.steps[step] else { continue }
            let out = g.output
            let channelsLast = workspace.outputs[step].values
            var values = [Float](repeating: 0, count: out.count)
            for p in 0..<out.positions {
                for c in 0..<out.channels { values[c * out.positions + p] = channelsLast[p * out.channels + c] }
            }
            maps.append(FeatureMaps(module: module, geometry: g, activation: activation, values: values))
        }
        return maps
    }
}
