import Randomness
import LinearAlgebra

extension GradientCheck {
    /// A whole small network (7 inputs, hidden 6 and 5, 4 classes, 3 rows) through the trainer's
    /// own forward, backward and weight decay; results named W1, b1, W2, b2, W3, b3.
    public static func network(activation: Activation, dropout: Float, weightDecay: Double, seed: UInt64)
        -> [GradientCheckResult]
    {
        let sizes = [7, 6, 5, 4], rows = 3
        var g = SplitMix64(seed: seed, stream: 20)
        var network = Network.random(
            sizes: sizes, activation: activation, initializer: .xavier, inputTransform: .identity, generator: &g)
        for l in network.layers.indices {
            // Non-zero biases, so the bias gradients are exercised away from a symmetric start.
            network.layers[l].biases = randomValues(sizes[l + 1], scale: 0.5, &g).map { Float($0) }
            network.layers[l].weights = network.layers[l].weights.map { Float(Double($0) * 1.5) }
        }
        let x = randomValues(rows * sizes[0], scale: 1, &g)
        let labels = (0..<rows).map { _ in g.nextIndex(below: sizes.last!) }

        let model = Model(network: network)
        let workspace = Workspace(sizes: sizes, capacity: rows, dropout: dropout > 0)
        workspace.input.copy(from: x.map { Float($0) })
        for r in 0..<rows { workspace.labels[r] = UInt8(labels[r]) }
        _ = model.forward(workspace, dropout: dropout, generator: &g, output: .gradient(scale: Float(rows)))
        model.backward(workspace, dropout: dropout > 0)
        model.addWeightDecayGradient(Float(weightDecay))
        let masks = workspace.masks.map { doubles($0) }

        var weights = network.layers.map { $0.weights.map { Double($0) } }
        var biases = network.layers.map { $0.biases.map { Double($0) } }
        func loss() -> Double {
            Reference.networkLoss(
                x: x, rows: rows, sizes: sizes, weights: weights, biases: biases, activation: activation, masks: masks,
                labels: labels, weightDecay: weightDecay)
        }
        var results: [GradientCheckResult] = []
        for l in network.layers.indices {
            let savedW = weights[l]
            let numericalW = Reference.numericalGradient(of: savedW) {
                weights[l] = $0; return loss()
            }
            weights[l] = savedW
            results.append(
                compare(name: "W\(l + 1)", analytic: doubles(model.weightGradients[l]), numerical: numericalW))
            let savedB = biases[l]
            let numericalB = Reference.numericalGradient(of: savedB) {
                biases[l] = $0; return loss()
            }
            biases[l] = savedB
            results.append(compare(name: "b\(l + 1)", analytic: doubles(model.biasGradients[l]), numerical: numericalB))
        }
        return results
    }
}
