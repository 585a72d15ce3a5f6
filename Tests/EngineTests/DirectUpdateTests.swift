@testable import Engine
import Randomness
import LinearAlgebra
import Testing
import TestSupport

/// Plain SGD adds `-lr × gradient` straight into the parameters during the backward pass; that
/// must equal computing the gradients, adding weight decay and stepping.
@Suite struct DirectUpdateTests {
    @Test(arguments: [1, 5])
    func directSGDEqualsBufferedSGD(rows: Int) {
        let sizes = [6, 5, 4, 3]
        var g = SplitMix64(seed: 21)
        let network = Network.random(
            sizes: sizes, activation: .tanh, initializer: .xavier, inputTransform: .identity, generator: &g)
        let input = (0..<(rows * 6)).map { _ in g.nextUnitFloat() }
        let labels = (0..<rows).map { _ in UInt8(g.nextIndex(below: 3)) }
        let lr: Float = 0.1, lambda: Float = 0.01

        func model(direct: Bool) -> Model {
            let m = Model(network: network)
            let w = Workspace(sizes: sizes, capacity: rows, dropout: true)
            w.input.copy(from: input)
            for r in 0..<rows { w.labels[r] = labels[r] }
            var dropout = SplitMix64(seed: 22)
            _ = m.forward(w, dropout: 0.3, generator: &dropout, output: .gradient(scale: Float(rows)))
            if direct {
                m.backward(w, dropout: true, directUpdate: (-lr, lambda))
            } else {
                m.backward(w, dropout: true)
                m.addWeightDecayGradient(lambda)
                SGDOptimizer().step(m.parameters, learningRate: lr)
            }
            return m
        }
        let a = model(direct: true), b = model(direct: false)
        for (p, q) in zip(a.parameters, b.parameters) {
            for (x, y) in zip(p.values.values, q.values.values) { #expect(isClose(x, y, absolute: 1e-6)) }
        }
        #expect(a.network(inputTransform: .identity) != network)
    }
}
