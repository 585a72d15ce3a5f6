import Randomness
import Datasets
import LinearAlgebra

/// Forward passes without dropout over a range of images, in chunks of the workspace's rows.
struct Evaluator<M: TrainableModel> {
    let model: M
    let workspace: M.Buffers
    let loader: BatchLoader

    struct Figures {
        var loss: Double
        var accuracy: Double
    }

    /// Mean loss and accuracy of images `range`; with `probabilities`, also writes each image's
    /// class probabilities there (row `i - range.lowerBound`).
    func evaluate(
        images: UnsafePointer<UInt8>, labels: UnsafePointer<UInt8>, range: Range<Int>,
        probabilities: UnsafeMutablePointer<Float>? = nil
    ) -> Figures {
        var lossSum = 0.0, correct = 0
        var generator = SplitMix64(seed: 0)  // unused: evaluation draws no dropout masks
        var start = range.lowerBound
        while start < range.upperBound {
            let end = Swift.min(start + workspace.capacity, range.upperBound)
            loader.load(start..<end, from: images, labels: labels, into: workspace.input, labels: workspace.labels)
            let outcome = model.forward(
                workspace, training: false, generator: &generator, output: .probabilities, labels: true)
            lossSum += outcome.lossSum
            correct += outcome.correct
            if let probabilities {
                let out = workspace.output
                (probabilities + (start - range.lowerBound) * out.columns).update(from: out.data, count: out.count)
            }
            start = end
        }
        let n = Double(Swift.max(range.count, 1))
        return Figures(loss: lossSum / n, accuracy: Double(correct) / n)
    }

    /// Class probabilities of the first `count` images of `pixels`, `count × classCount` row-major
    /// (the labels the loss needs are stand-ins: only the probabilities are kept).
    func probabilities(pixels: [UInt8], count: Int, classCount: Int) -> [Float] {
        let labels = [UInt8](repeating: 0, count: count)
        var result = [Float](repeating: 0, count: count * classCount)
        pixels.withUnsafeBufferPointer { p in
            labels.withUnsafeBufferPointer { l in
                result.withUnsafeMutableBufferPointer { r in
                    _ = evaluate(
                        images: p.baseAddress!, labels: l.baseAddress!, range: 0..<count, probabilities: r.baseAddress!)
                }
            }
        }
        return result
    }
}

extension Network {
    /// Class probabilities of every image of `images`, `images.count × classCount` row-major.
    public func predictProbabilities(images: LabeledImages, chunk: Int = 1000) -> [Float] {
        precondition(
            images.imageSize == inputCount, "images have \(images.imageSize) pixels, the network takes \(inputCount)")
        return predictProbabilities(pixels: images.pixels, chunk: chunk)
    }

    /// Class probabilities of every image, `count × classCount` row-major.
    ///
    /// - Parameters:
    ///   - pixels: `count × inputCount` raw bytes, image after image.
    ///   - chunk: images per forward pass.
    public func predictProbabilities(pixels: [UInt8], chunk: Int = 1000) -> [Float] {
        precondition(
            pixels.count % inputCount == 0, "\(pixels.count) bytes is not a whole number of \(inputCount)-pixel images")
        let count = pixels.count / inputCount
        guard count > 0 else { return [] }
        let model = Model(network: self)
        let workspace = Workspace(sizes: sizes, capacity: Swift.min(chunk, count), dropout: false, training: false)
        let evaluator = Evaluator(
            model: model, workspace: workspace, loader: BatchLoader(transform: inputTransform, pixels: inputCount))
        return evaluator.probabilities(pixels: pixels, count: count, classCount: classCount)
    }
}
