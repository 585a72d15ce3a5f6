@testable import Engine
import Testing

/// Numerical gradient checks (centred differences in Double) of every kernel and whole networks.
@Suite struct GradientCheckTests {
    static let bound = 1e-4

    @Test func denseLayer() {
        for result in GradientCheck.dense(rows: 3, inputs: 7, outputs: 5, seed: 3) {
            #expect(result.maxRelativeError < Self.bound, "\(result.name): \(result.maxRelativeError)")
        }
    }

    @Test func denseLayerBatchOnePath() {
        for result in GradientCheck.dense(rows: 1, inputs: 19, outputs: 4, seed: 4) {
            #expect(result.maxRelativeError < Self.bound, "\(result.name): \(result.maxRelativeError)")
        }
    }

    @Test(arguments: Activation.allCases)
    func activation(_ activation: Activation) {
        let result = GradientCheck.activation(activation, rows: 3, columns: 6, seed: 5)
        #expect(result.maxRelativeError < Self.bound, "\(result.name): \(result.maxRelativeError)")
    }

    @Test func dropout() {
        let result = GradientCheck.dropout(count: 24, rate: 0.4, seed: 6)
        #expect(result.maxRelativeError < Self.bound)
    }

    @Test func softmaxCrossEntropy() {
        let result = GradientCheck.softmaxCrossEntropy(rows: 4, classes: 5, seed: 7)
        #expect(result.maxRelativeError < Self.bound)
    }

    @Test func weightDecay() {
        let result = GradientCheck.weightDecay(lambda: 0.05, seed: 8)
        #expect(result.maxRelativeError < Self.bound)
    }

    @Test(arguments: Activation.allCases)
    func wholeNetwork(_ activation: Activation) {
        let results = GradientCheck.network(activation: activation, dropout: 0.25, weightDecay: 0.01, seed: 9)
        #expect(results.map(\.name) == ["W1", "b1", "W2", "b2", "W3", "b3"])
        for result in results {
            #expect(result.maxRelativeError < Self.bound, "\(activation) \(result.name): \(result.maxRelativeError)")
        }
    }

    @Test func runCoversEveryKindAndPasses() {
        let results = GradientCheck.run()
        let names = Set(results.map(\.name))
        for name in [
            "W1", "b3", "dense.W", "dense[batch 1].x", "relu.x", "sigmoid.x", "tanh.x", "dropout.x",
            "softmax_cross_entropy.logits", "l2.W", "tanh net W2", "conv2d.W", "conv2d[s2 p1].x", "maxpool2d.x",
            "maxpool2d[3 s2].x", "cnn layers.0.weight", "cnn layers.10.bias",
        ] {
            #expect(names.contains(name), "missing \(name)")
        }
        #expect(results.allSatisfy { $0.passes(threshold: GradientCheck.defaultThreshold) })
    }

    @Test(arguments: [(1, 0), (2, 1), (3, 2)])
    func convolution(_ stride: Int, _ padding: Int) {
        let results = GradientCheck.convolution(
            rows: 2, input: TensorShape(channels: 3, height: 7, width: 6), filters: 4, kernelHeight: 3, kernelWidth: 2,
            stride: stride, padding: padding, seed: 10)
        #expect(results.map(\.name) == ["conv2d.W", "conv2d.b", "conv2d.x"])
        for result in results {
            #expect(
                result.maxRelativeError < Self.bound, "s\(stride) p\(padding) \(result.name): \(result.maxRelativeError)")
        }
    }

    @Test(arguments: [(2, 2), (3, 2), (2, 1)])
    func maxPooling(_ size: Int, _ stride: Int) {
        let result = GradientCheck.maxPool(
            rows: 2, input: TensorShape(channels: 9, height: 6, width: 5), size: size, stride: stride, seed: 11,
            label: "pool")
        #expect(result.maxRelativeError < Self.bound, "\(size) s\(stride): \(result.maxRelativeError)")
    }

    @Test func wholeConvolutionalNetwork() {
        let results = GradientCheck.convolutionalNetwork(seed: 12)
        #expect(results.count == 8)
        for result in results {
            #expect(result.maxRelativeError < Self.bound, "\(result.name): \(result.maxRelativeError)")
        }
    }

    @Test func aWrongGradientIsCaught() {
        let result = GradientCheck.compare(name: "x", analytic: [1, 2, 3], numerical: [1, 2, 3.3])
        #expect(result.maxRelativeError > 0.04)
        #expect(!result.passes(threshold: GradientCheck.defaultThreshold))
    }
}
