import LinearAlgebra
import Randomness

extension GradientCheck {
    /// A convolution's three gradients (dW, db, dX) from the channels-last sgemm kernels, against
    /// centred differences of the channels-first Double reference; results named
    /// `<label>.W`, `<label>.b`, `<label>.x` (W in PyTorch's [out, in, kh, kw] order).
    public static func convolution(
        rows: Int, input: TensorShape, filters: Int, kernelHeight: Int, kernelWidth: Int, stride: Int, padding: Int,
        seed: UInt64, label: String = "conv2d"
    ) -> [GradientCheckResult] {
        var g = SplitMix64(seed: seed, stream: 15)
        let geometry = ConvolutionGeometry(
            input: input, outputChannels: filters, kernelHeight: kernelHeight, kernelWidth: kernelWidth, stride: stride,
            padding: padding)
        let out = geometry.output
        let x = randomValues(rows * input.count, scale: 1, &g), w = randomValues(geometry.weightCount, scale: 1, &g)
        let b = randomValues(filters, scale: 1, &g), r = randomValues(rows * out.count, scale: 1, &g)

        let weights = Matrix(
            rows: filters, columns: geometry.patchSize,
            values: ConvNetwork.channelsLast(convolution: w.map { Float($0) }, geometry))
        let xLast = Reference.channelsLast(x, rows: rows, input).map { Float($0) }
        let dY = Reference.channelsLast(r, rows: rows, out).map { Float($0) }
        var cols = [Float](repeating: 0, count: rows * out.positions * geometry.patchSize)
        var y = [Float](repeating: 0, count: rows * out.count), dX = [Float](repeating: 0, count: rows * input.count)
        let dW = Matrix(rows: filters, columns: geometry.patchSize), dB = Matrix(rows: 1, columns: filters)
        cols.withUnsafeMutableBufferPointer { c in
            ConvolutionKernels.forward(
                input: xLast, batch: rows, geometry: geometry, weights: weights, cols: c.baseAddress!,
                output: &y)
            ConvolutionKernels.accumulateParameterGradients(
                outputGradient: dY, cols: c.baseAddress!, batch: rows, geometry: geometry, weightGradient: dW,
                biasGradient: dB)
            ConvolutionKernels.inputGradient(
                outputGradient: dY, weights: weights, batch: rows, geometry: geometry, cols: c.baseAddress!,
                inputGradient: &dX)
        }
        let f = { (x: [Double], w: [Double], b: [Double]) in
            weightedSum(Reference.convolution(x, rows: rows, w, b, geometry), r)
        }
        return [
            compare(
                name: "\(label).W",
                analytic: ConvNetwork.channelsFirst(convolution: dW.values, geometry).map(Double.init),
                numerical: Reference.numericalGradient(of: w) { f(x, $0, b) }),
            compare(
                name: "\(label).b", analytic: doubles(dB), numerical: Reference.numericalGradient(of: b) { f(x, w, $0) }
            ),
            compare(
                name: "\(label).x",
                analytic: Reference.channelsFirst(dX.map(Double.init), rows: rows, input),
                numerical: Reference.numericalGradient(of: x) { f($0, w, b) }),
        ]
    }

    /// Max pooling's input gradient (routed to each window's maximum). Channels beyond a
    /// multiple of 8 take the scalar path, the others the vector one: use 9 or more to check both.
    public static func maxPool(rows: Int, input: TensorShape, size: Int, stride: Int, seed: UInt64, label: String)
        -> GradientCheckResult
    {
        var g = SplitMix64(seed: seed, stream: 16)
        let geometry = PoolingGeometry(input: input, size: size, stride: stride)
        let out = geometry.output
        // Distinct values: a tie has no derivative.
        let x = randomValues(rows * input.count, scale: 1, &g), r = randomValues(rows * out.count, scale: 1, &g)
        let xLast = Reference.channelsLast(x, rows: rows, input).map { Float($0) }
        let dY = Reference.channelsLast(r, rows: rows, out).map { Float($0) }
        var y = [Float](repeating: 0, count: rows * out.count), argmax = [Int32](repeating: 0, count: rows * out.count)
        var dX = [Float](repeating: 0, count: rows * input.count)
        PoolingKernels.forward(xLast, batch: rows, geometry: geometry, output: &y, argmax: &argmax)
        PoolingKernels.backward(dY, argmax: argmax, batch: rows, geometry: geometry, inputGradient: &dX)
        let numerical = Reference.numericalGradient(of: x) {
            weightedSum(Reference.maxPool($0, rows: rows, geometry), r)
        }
        return compare(
            name: "\(label).x", analytic: Reference.channelsFirst(dX.map(Double.init), rows: rows, input),
            numerical: numerical)
    }

    /// A whole small `--layers` network through ``ConvModel``'s own forward and backward passes,
    /// with dropout between the convolutions and after the fc layer and L2 weight decay:
    /// `conv3x3x3p1,pool2,drop0.2,conv3x3x4s1,fc6` on 1×8×8 inputs, 4 classes, 3 rows. Results
    /// named after the tensors: `cnn layers.<i>.weight`, `cnn layers.<i>.bias`.
    public static func convolutionalNetwork(seed: UInt64) -> [GradientCheckResult] {
        let rows = 3, classes = 4, weightDecay = 0.01
        var g = SplitMix64(seed: seed, stream: 21)
        let architecture = try! ConvArchitecture(
            specs: [
                .convolution(kernelHeight: 3, kernelWidth: 3, channels: 3, stride: 1, padding: 1),
                .maxPool(size: 2, stride: 2), .dropout(rate: 0.2),
                .convolution(kernelHeight: 3, kernelWidth: 3, channels: 4, stride: 1, padding: 0), .dense(units: 6),
            ], input: TensorShape(channels: 1, height: 8, width: 8), classes: classes, activation: .relu, dropout: 0.25)
        var network = ConvNetwork.random(
            architecture: architecture, initializer: .xavier, inputTransform: .identity, generator: &g)
        for m in network.weights.indices where !network.weights[m].isEmpty {
            // Non-zero biases and larger weights, away from a symmetric, near-linear start.
            network.biases[m] = randomValues(network.biases[m].count, scale: 0.5, &g).map { Float($0) }
            network.weights[m] = network.weights[m].map { $0 * 1.5 }
        }
        let x = randomValues(rows * architecture.input.count, scale: 1, &g)
        let labels = (0..<rows).map { _ in g.nextIndex(below: classes) }

        let model = ConvModel(network: network)
        let workspace = model.makeBuffers(capacity: rows, training: true)
        workspace.input.copy(from: x.map { Float($0) })  // one channel: channels-last is channels-first
        for r in 0..<rows { workspace.labels[r] = UInt8(labels[r]) }
        _ = model.forward(workspace, training: true, generator: &g, output: .gradient(scale: Float(rows)))
        model.backward(workspace, directUpdate: nil)
        model.addWeightDecayGradient(Float(weightDecay))
        var masks: [Int: [Double]] = [:]
        for (step, module) in zip(model.steps.indices, model.stepModules) {
            guard case .dropout(_, let count) = model.steps[step] else { continue }
            let values = (0..<(rows * count)).map { Double(workspace.mask(step)[$0]) }
            masks[module] = Reference.channelsFirst(values, rows: rows, architecture.inputShape(of: module))
        }
        let gradients = model.plain(weights: model.weightGradients, biases: model.biasGradients)

        var weights = network.weights.map { $0.map { Double($0) } }
        var biases = network.biases.map { $0.map { Double($0) } }
        func loss() -> Double {
            Reference.convolutionalLoss(
                x: x, rows: rows, architecture: architecture, weights: weights, biases: biases, masks: masks,
                labels: labels, weightDecay: weightDecay)
        }
        var results: [GradientCheckResult] = []
        for m in weights.indices where !weights[m].isEmpty {
            let savedW = weights[m]
            let numericalW = Reference.numericalGradient(of: savedW) {
                weights[m] = $0; return loss()
            }
            weights[m] = savedW
            results.append(
                compare(
                    name: "cnn layers.\(m).weight", analytic: gradients.weights[m].map(Double.init),
                    numerical: numericalW))
            let savedB = biases[m]
            let numericalB = Reference.numericalGradient(of: savedB) {
                biases[m] = $0; return loss()
            }
            biases[m] = savedB
            results.append(
                compare(
                    name: "cnn layers.\(m).bias", analytic: gradients.biases[m].map(Double.init), numerical: numericalB)
            )
        }
        return results
    }

    /// Every convolutional check `nnreport gradcheck` runs: convolutions with and without stride
    /// and padding (several input channels, non-square kernels), max pooling with disjoint and
    /// overlapping windows, and a whole small network.
    static func convolutional(seed: UInt64) -> [GradientCheckResult] {
        var results: [GradientCheckResult] = []
        results += convolution(
            rows: 2, input: TensorShape(channels: 3, height: 6, width: 5), filters: 4, kernelHeight: 3, kernelWidth: 2,
            stride: 2, padding: 1, seed: seed, label: "conv2d[s2 p1]")
        results += convolution(
            rows: 2, input: TensorShape(channels: 1, height: 7, width: 7), filters: 5, kernelHeight: 3, kernelWidth: 3,
            stride: 1, padding: 0, seed: seed, label: "conv2d")
        results.append(
            maxPool(
                rows: 2, input: TensorShape(channels: 9, height: 5, width: 5), size: 2, stride: 2, seed: seed,
                label: "maxpool2d"))
        results.append(
            maxPool(
                rows: 2, input: TensorShape(channels: 9, height: 5, width: 5), size: 3, stride: 2, seed: seed,
                label: "maxpool2d[3 s2]"))
        results += convolutionalNetwork(seed: seed)
        return results
    }
}
