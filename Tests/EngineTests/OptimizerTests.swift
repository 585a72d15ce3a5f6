@testable import Engine
import LinearAlgebra
import Testing
import TestSupport

/// Update rules on tiny hand-computed cases.
@Suite struct OptimizerTests {
    func parameter(_ x: [Float], _ g: [Float]) -> Parameter {
        Parameter(
            values: Matrix(rows: 1, columns: x.count, values: x), gradient: Matrix(rows: 1, columns: g.count, values: g)
        )
    }

    @Test func sgdStepsAgainstTheGradientAndClearsIt() {
        let p = parameter([1, 2], [0.5, -1])
        let sgd = SGDOptimizer()
        sgd.step([p], learningRate: 0.1)
        #expect(p.values.values == [0.95, 2.1])
        #expect(p.gradient.values == [0, 0])
        #expect(sgd.directUpdateScale(learningRate: 0.1) == -0.1)
    }

    @Test func momentumAccumulatesVelocity() {
        let p = parameter([1], [2])
        let optimizer = MomentumOptimizer(parameterCounts: [1], momentum: 0.9)
        #expect(optimizer.directUpdateScale(learningRate: 0.1) == nil)
        optimizer.step([p], learningRate: 0.1)
        // v = -0.1 * 2 = -0.2; x = 0.8
        #expect(isClose(p.values[0, 0], 0.8, absolute: 1e-6))
        p.gradient[0, 0] = 1
        optimizer.step([p], learningRate: 0.1)
        // v = 0.9 * -0.2 - 0.1 * 1 = -0.28; x = 0.52
        #expect(isClose(p.values[0, 0], 0.52, absolute: 1e-6))
        #expect(p.gradient[0, 0] == 0)
    }

    @Test func adamFirstStepsMatchTheFormula() {
        // 9 elements so both the vector and the scalar path run.
        let g0: [Float] = [0.5, -2, 1e-3, 4, -0.25, 3, 0, 1, -1]
        let p = parameter([Float](repeating: 1, count: 9), g0)
        let adam = AdamOptimizer(parameterCounts: [9], beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
        adam.step([p], learningRate: 0.01)
        // After one step the bias-corrected moments are g and g², so x moves by lr · sign(g).
        for (x, g) in zip(p.values.values, g0) {
            let expected: Float = g == 0 ? 1 : 1 - 0.01 * (g > 0 ? 1 : -1)
            #expect(isClose(x, expected, absolute: 1e-5))
        }
        // Second step with gradient 1 everywhere, by the formula in Double.
        p.gradient.fill(1)
        adam.step([p], learningRate: 0.01)
        for (i, x) in p.values.values.enumerated() {
            let g = Double(g0[i])
            let m = 0.9 * (0.1 * g) + 0.1, v = 0.999 * (0.001 * g * g) + 0.001
            let mHat = m / (1 - 0.81), vHat = v / (1 - 0.999 * 0.999)
            let first: Double = g == 0 ? 1 : 1 - 0.01 * (g > 0 ? 1 : -1)
            let expected = first - 0.01 * mHat / (vHat.squareRoot() + 1e-8)
            #expect(isClose(Double(x), expected, absolute: 1e-5), "element \(i)")
        }
        #expect(adam.stepCount == 2)
    }
}
