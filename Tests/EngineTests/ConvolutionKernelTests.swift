@testable import Engine
import LinearAlgebra
import Randomness
import Testing

/// Convolution and pooling kernels against small cases worked out by hand, and the
/// channels-last layouts against PyTorch's.
@Suite struct ConvolutionKernelTests {
    static func shape(_ c: Int, _ h: Int, _ w: Int) -> TensorShape { TensorShape(channels: c, height: h, width: w) }

    /// A 3×3 image 1...9, a 2×2 kernel of ones, stride 2 and padding 1: the windows start at
    /// (−1, −1), (−1, 1), (1, −1), (1, 1), so they hold 1; 2 + 3; 4 + 7; 5 + 6 + 8 + 9.
    @Test func paddedStridedConvolutionByHand() {
        let g = ConvolutionGeometry(
            input: Self.shape(1, 3, 3), outputChannels: 1, kernelHeight: 2, kernelWidth: 2, stride: 2, padding: 1)
        #expect(g.output == Self.shape(1, 2, 2))
        let x: [Float] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        var cols = [Float](repeating: .nan, count: 16), y = [Float](repeating: .nan, count: 4)
        ConvolutionKernels.forward(
            input: x, batch: 1, geometry: g, weights: Matrix(rows: 1, columns: 4, values: [1, 1, 1, 1]), cols: &cols,
            output: &y)
        #expect(cols == [0, 0, 0, 1, 0, 0, 2, 3, 0, 4, 0, 7, 5, 6, 8, 9])
        #expect(y == [1, 5, 11, 28])
    }

    /// Two channels, a 2×2 image: channel 0 is 1 2 / 3 4, channel 1 is 10 20 / 30 40. One filter
    /// whose channel-0 kernel is 1 2 / 3 4 and channel-1 kernel is 0 0 / 0 1 gives 1 + 4 + 9 +
    /// 16 + 40 = 70; its gradients for dY = 1 are the input (dW) and the kernels (dX).
    @Test func twoChannelsInPyTorchsWeightLayout() {
        let g = ConvolutionGeometry(
            input: Self.shape(2, 2, 2), outputChannels: 1, kernelHeight: 2, kernelWidth: 2, stride: 1, padding: 0)
        let torchWeights: [Float] = [1, 2, 3, 4, 0, 0, 0, 1]  // [out 1, in 2, kh 2, kw 2]
        let w = Matrix(rows: 1, columns: 8, values: ConvNetwork.channelsLast(convolution: torchWeights, g))
        let x: [Float] = [1, 10, 2, 20, 3, 30, 4, 40]  // channels-last
        var cols = [Float](repeating: 0, count: 8), y: [Float] = [0]
        ConvolutionKernels.forward(input: x, batch: 1, geometry: g, weights: w, cols: &cols, output: &y)
        #expect(y == [70])

        let dW = Matrix(rows: 1, columns: 8), dB = Matrix(rows: 1, columns: 1)
        var dX = [Float](repeating: .nan, count: 8)
        ConvolutionKernels.accumulateParameterGradients(
            outputGradient: [1], cols: cols, batch: 1, geometry: g, weightGradient: dW, biasGradient: dB)
        ConvolutionKernels.inputGradient(
            outputGradient: [1], weights: w, batch: 1, geometry: g, cols: &cols, inputGradient: &dX)
        #expect(ConvNetwork.channelsFirst(convolution: dW.values, g) == [1, 2, 3, 4, 10, 20, 30, 40])
        #expect(dB.values == [1])
        #expect(dX == [1, 0, 2, 0, 3, 0, 4, 1])
    }

    /// A 1×1 convolution weighting channel 0 by 1 and channel 1 by −1 subtracts them pixel by pixel.
    @Test func pointwiseConvolutionMixesChannelsPerPixel() {
        let g = ConvolutionGeometry(
            input: Self.shape(2, 2, 2), outputChannels: 1, kernelHeight: 1, kernelWidth: 1, stride: 1, padding: 0)
        var cols = [Float](repeating: 0, count: 8), y = [Float](repeating: 0, count: 4)
        ConvolutionKernels.forward(
            input: [1, 10, 2, 20, 3, 30, 4, 40], batch: 1, geometry: g,
            weights: Matrix(rows: 1, columns: 2, values: [1, -1]), cols: &cols, output: &y)
        #expect(y == [-9, -18, -27, -36])
    }

    /// 2×2 windows of 1 5 2 0 / 3 4 8 1 / 9 0 6 7 / 2 2 3 5 hold the maxima 5, 8, 9, 7 at
    /// offsets 1, 6, 8, 11; the gradient goes back to exactly those pixels.
    @Test func maxPoolingByHand() {
        let g = PoolingGeometry(input: Self.shape(1, 4, 4), size: 2, stride: 2)
        let x: [Float] = [1, 5, 2, 0, 3, 4, 8, 1, 9, 0, 6, 7, 2, 2, 3, 5]
        var y = [Float](repeating: 0, count: 4), argmax = [Int32](repeating: -1, count: 4)
        PoolingKernels.forward(x, batch: 1, geometry: g, output: &y, argmax: &argmax)
        #expect(y == [5, 8, 9, 7])
        #expect(argmax == [1, 6, 8, 11])
        var dX = [Float](repeating: .nan, count: 16)
        PoolingKernels.backward([1, 2, 3, 4], argmax: argmax, batch: 1, geometry: g, inputGradient: &dX)
        #expect(dX == [0, 1, 0, 0, 0, 0, 2, 0, 3, 0, 0, 4, 0, 0, 0, 0])
    }

    /// Overlapping 2×2 windows with stride 1 over 1 2 3 / 4 9 5 / 6 7 8 all hold the centre:
    /// its gradient is the sum of all four. On ties the first pixel of the window wins (PyTorch).
    @Test func overlappingWindowsAddUpAndTiesGoToTheFirst() {
        let g = PoolingGeometry(input: Self.shape(1, 3, 3), size: 2, stride: 1)
        var y = [Float](repeating: 0, count: 4), argmax = [Int32](repeating: -1, count: 4)
        PoolingKernels.forward([1, 2, 3, 4, 9, 5, 6, 7, 8], batch: 1, geometry: g, output: &y, argmax: &argmax)
        #expect(y == [9, 9, 9, 9])
        var dX = [Float](repeating: .nan, count: 9)
        PoolingKernels.backward([1, 2, 3, 4], argmax: argmax, batch: 1, geometry: g, inputGradient: &dX)
        #expect(dX == [0, 0, 0, 0, 10, 0, 0, 0, 0])

        let tie = PoolingGeometry(input: Self.shape(9, 2, 2), size: 2, stride: 2)
        var y2 = [Float](repeating: 0, count: 9), argmax2 = [Int32](repeating: -1, count: 9)
        PoolingKernels.forward(
            [Float](repeating: 5, count: 36), batch: 1, geometry: tie, output: &y2, argmax: &argmax2)
        // The vector path (channels 0-7) and the scalar one (channel 8) both pick pixel (0, 0).
        #expect(argmax2 == (0..<9).map { Int32($0) })
    }

    /// Nine channels take both the eight-wide vector path and the scalar one; both must agree
    /// with the channels-first reference.
    @Test func vectorAndScalarChannelsMatchTheReference() {
        var g = SplitMix64(seed: 5)
        let geometry = PoolingGeometry(input: Self.shape(9, 7, 6), size: 3, stride: 2)
        let rows = 3
        let x = (0..<(rows * geometry.input.count)).map { _ in Double(g.nextUnitFloat()) }
        let expected = Reference.maxPool(x, rows: rows, geometry)
        var y = [Float](repeating: 0, count: rows * geometry.output.count)
        var argmax = [Int32](repeating: 0, count: y.count)
        PoolingKernels.forward(
            Reference.channelsLast(x, rows: rows, geometry.input).map { Float($0) }, batch: rows, geometry: geometry,
            output: &y, argmax: &argmax)
        #expect(Reference.channelsFirst(y.map(Double.init), rows: rows, geometry.output) == expected)
    }

    /// col2im is im2col's adjoint: ⟨im2col(x), c⟩ = ⟨x, col2im(c)⟩ for any x and c.
    @Test(arguments: [(1, 0), (2, 1), (3, 2)])
    func col2imIsTheAdjointOfIm2col(_ stride: Int, _ padding: Int) {
        var g = SplitMix64(seed: UInt64(10 + stride))
        let geometry = ConvolutionGeometry(
            input: Self.shape(3, 5, 6), outputChannels: 2, kernelHeight: 3, kernelWidth: 2, stride: stride,
            padding: padding)
        let batch = 2
        let x = (0..<(batch * geometry.input.count)).map { _ in g.nextUnitFloat() - 0.5 }
        let c = (0..<(batch * geometry.output.positions * geometry.patchSize)).map { _ in g.nextUnitFloat() - 0.5 }
        var cols = [Float](repeating: .nan, count: c.count), dX = [Float](repeating: .nan, count: x.count)
        ConvolutionKernels.im2col(x, batch: batch, geometry: geometry, into: &cols)
        ConvolutionKernels.col2im(c, batch: batch, geometry: geometry, into: &dX)
        let left = zip(cols, c).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        let right = zip(x, dX).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        #expect(abs(left - right) < 1e-5 * max(1, abs(left)))
    }

    /// The weight layouts convert back and forth exactly.
    @Test func layoutConversionsAreInverse() {
        let g = ConvolutionGeometry(
            input: Self.shape(3, 6, 6), outputChannels: 4, kernelHeight: 2, kernelWidth: 3, stride: 1, padding: 0)
        let w = (0..<g.weightCount).map(Float.init)
        #expect(ConvNetwork.channelsFirst(convolution: ConvNetwork.channelsLast(convolution: w, g), g) == w)
        let d = DenseGeometry(input: Self.shape(3, 2, 2), outputs: 2)
        let v = (0..<(2 * 12)).map(Float.init)
        let engine = ConvNetwork.reorderColumns(dense: v, d, inverse: false)
        #expect(ConvNetwork.reorderColumns(dense: engine, d, inverse: true) == v)
        // PyTorch's input 1 (channel 0, pixel 1) is the engine's input 3 (pixel 1, channel 0).
        #expect(engine[3] == v[1] && engine[1] == v[4])
    }

    /// Splitting the loops between threads changes no bit (BLAS on one thread in both runs).
    @Test func loopThreadsDoNotChangeTheResult() throws {
        BLAS.setThreads(1)
        let network = try Self.smallNetwork(seed: 3)
        var g = SplitMix64(seed: 4)
        let pixels = (0..<(64 * 36)).map { _ in UInt8(g.nextIndex(below: 256)) }
        var results: [[Float]] = []
        for threads in [1, 2, 3] {
            let model = ConvModel(network: network)
            model.threads = threads
            let workspace = model.makeBuffers(capacity: 64, training: true)
            BatchLoader(transform: network.inputTransform, pixels: 36).load(
                0..<64, from: pixels, labels: [UInt8](repeating: 1, count: 64), into: workspace.input,
                labels: workspace.labels)
            var generator = SplitMix64(seed: 9)
            _ = model.forward(workspace, training: true, generator: &generator, output: .gradient(scale: 64))
            model.backward(workspace, directUpdate: nil)
            results.append(workspace.output.values + model.weightGradients.flatMap(\.values))
        }
        #expect(results[0] == results[1] && results[0] == results[2])
    }

    /// `conv3x3x3p1,pool2,fc5` on 6×6 images, 4 classes, with non-zero biases.
    static func smallNetwork(seed: UInt64) throws -> ConvNetwork {
        let architecture = try ConvArchitecture(
            specs: LayerSpec.parse("conv3x3x3p1,pool2,fc5"), input: shape(1, 6, 6), classes: 4, activation: .relu)
        var g = SplitMix64(seed: seed)
        var network = ConvNetwork.random(
            architecture: architecture, initializer: .he,
            inputTransform: InputTransform(scale: 1 / 255, mean: [0.2], std: [0.5]),
            generator: &g)
        for m in network.biases.indices { network.biases[m] = network.biases[m].map { _ in g.nextUnitFloat() - 0.5 } }
        return network
    }

    /// The engine's probabilities equal a channels-first Double forward pass of the same
    /// PyTorch-layout tensors (so the fc layer after the flatten reads channel, row, column).
    @Test func probabilitiesMatchTheChannelsFirstReference() throws {
        let network = try Self.smallNetwork(seed: 6)
        var g = SplitMix64(seed: 7)
        let count = 5
        let pixels = (0..<(count * 36)).map { _ in UInt8(g.nextIndex(below: 256)) }
        let p = network.predictProbabilities(pixels: pixels)
        let t = network.inputTransform
        let x = pixels.map { (Double($0) * Double(t.scale) - Double(t.mean[0])) / Double(t.std[0]) }
        var h = x
        for (index, module) in network.architecture.modules.enumerated() {
            let w = network.weights[index].map(Double.init), b = network.biases[index].map(Double.init)
            switch module {
            case .convolution(let geometry): h = Reference.convolution(h, rows: count, w, b, geometry)
            case .activation(let a): h = Reference.activate(h, a)
            case .maxPool(let geometry): h = Reference.maxPool(h, rows: count, geometry)
            case .dense(let geometry): h = Reference.dense(h, rows: count, inputs: geometry.inputs, w, b)
            case .flatten, .dropout: break
            }
        }
        for r in 0..<count {
            let logits = h[(r * 4)..<((r + 1) * 4)]
            let m = logits.max()!
            let sum = logits.reduce(0) { $0 + exp($1 - m) }
            for (j, z) in logits.enumerated() {
                #expect(abs(Double(p[r * 4 + j]) - exp(z - m) / sum) < 1e-5)
            }
        }
    }

    @Test func trainingModelRoundTripsThePyTorchLayouts() throws {
        let network = try Self.smallNetwork(seed: 8)
        #expect(ConvModel(network: network).network(inputTransform: network.inputTransform) == network)
        #expect(
            ConvModel(network: network).parameterNames == [
                "layers.0.weight", "layers.0.bias", "layers.4.weight", "layers.4.bias", "layers.6.weight",
                "layers.6.bias",
            ])
        #expect(network.tensors.map(\.shape) == [[3, 1, 3, 3], [3], [5, 27], [5], [4, 5], [4]])
    }

    /// The feature maps are the first convolution's outputs after ReLU, channels-first.
    @Test func featureMapsAreTheActivatedConvolutionOutputs() throws {
        let network = try Self.smallNetwork(seed: 9)
        let image = (0..<36).map { UInt8($0 * 7 % 256) }
        let maps = network.featureMaps(image: image)
        #expect(maps.map(\.module) == [0] && maps[0].shape == Self.shape(3, 6, 6))
        let t = network.inputTransform
        let x = image.map { (Double($0) * Double(t.scale) - Double(t.mean[0])) / Double(t.std[0]) }
        guard case .convolution(let g) = network.architecture.modules[0] else { return }
        let expected = Reference.activate(
            Reference.convolution(
                x, rows: 1, network.weights[0].map(Double.init), network.biases[0].map(Double.init), g), .relu)
        for (a, b) in zip(maps[0].values, expected) { #expect(abs(Double(a) - b) < 1e-5) }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
