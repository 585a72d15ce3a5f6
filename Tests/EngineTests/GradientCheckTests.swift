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
            "softmax_cross_entropy.logits", "l2.W", "tanh net W2",
        ] {
            #expect(names.contains(name), "missing \(name)")
        }
        #expect(results.allSatisfy { $0.passes(threshold: GradientCheck.defaultThreshold) })
    }

    @Test func aWrongGradientIsCaught() {
        let result = GradientCheck.compare(name: "x", analytic: [1, 2, 3], numerical: [1, 2, 3.3])
        #expect(result.maxRelativeError > 0.04)
        #expect(!result.passes(threshold: GradientCheck.defaultThreshold))
    }
}
