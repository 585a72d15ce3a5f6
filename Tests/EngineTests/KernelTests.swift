import Randomness
import Foundation
@testable import Engine
import LinearAlgebra
import Testing
import TestSupport

@Suite struct KernelTests {
    @Test func softmaxCrossEntropyIsStableForHugeLogits() {
        let z: [Float] = [1000, 0, -1000, 88, 89, 90]
        var logits = z
        let bias: [Float] = [0, 0, 0]
        let labels: [UInt8] = [0, 2]
        let outcome = logits.withUnsafeMutableBufferPointer { lp in
            SoftmaxCrossEntropy.apply(
                logits: lp.baseAddress!, bias: bias, rows: 2, classes: 3, labels: labels, output: .probabilities)
        }
        #expect(logits.allSatisfy { $0.isFinite })
        #expect(isClose(logits[0], 1, absolute: 1e-6) && logits[2] == 0)
        #expect(isClose(logits[3...].reduce(0, +), 1, absolute: 1e-6))
        // Row 1: -log softmax(90 | 88, 89, 90) = log(1 + e^-1 + e^-2).
        let expected = log(1 + exp(-1.0) + exp(-2.0))
        #expect(isClose(outcome.lossSum, expected, absolute: 1e-5))
        #expect(outcome.correct == 2)
    }

    @Test func softmaxGradientIsProbabilitiesMinusOneHotOverBatch() {
        var logits: [Float] = [0, 0, 0, 0]
        let labels: [UInt8] = [1, 0]
        _ = logits.withUnsafeMutableBufferPointer { lp in
            SoftmaxCrossEntropy.apply(
                logits: lp.baseAddress!, bias: [0, 0], rows: 2, classes: 2, labels: labels, output: .gradient(scale: 2))
        }
        #expect(logits == [0.25, -0.25, -0.25, 0.25])
    }

    @Test func invertedDropoutKeepsTheExpectedValue() {
        let count = 20_000, rate: Float = 0.3
        let x = Matrix(rows: 1, columns: count), mask = Matrix(rows: 1, columns: count)
        x.fill(1)
        var g = SplitMix64(seed: 11)
        DropoutKernels.forward(x.data, mask: mask.data, count: count, rate: rate, generator: &g)
        let kept = mask.values.filter { $0 != 0 }
        #expect(kept.allSatisfy { isClose($0, 1 / 0.7, absolute: 1e-6) })
        let keptFraction = Double(kept.count) / Double(count)
        #expect(isClose(keptFraction, 0.7, absolute: 0.02))
        let mean = x.values.reduce(0, +) / Float(count)
        #expect(isClose(mean, 1, absolute: 0.03))
        #expect(x.values == mask.values)
    }

    @Test func batchOnePathsMatchBLAS() {
        let inputs = 37, outputs = 6
        var g = SplitMix64(seed: 12)
        let w = Matrix(
            rows: outputs, columns: inputs, values: (0..<(inputs * outputs)).map { _ in g.nextUnitFloat() - 0.5 })
        let x = Matrix(rows: 2, columns: inputs, values: (0..<(2 * inputs)).map { _ in g.nextUnitFloat() })
        let dOut = Matrix(rows: 2, columns: outputs, values: (0..<(2 * outputs)).map { _ in g.nextUnitFloat() - 0.5 })
        // The second row is a copy of the first, so a 2-row BLAS result is twice the 1-row one.
        for i in 0..<inputs { x[1, i] = x[0, i] }
        for o in 0..<outputs { dOut[1, o] = dOut[0, o] }
        let yBLAS = Matrix(rows: 2, columns: outputs), yOne = Matrix(rows: 1, columns: outputs)
        DenseKernels.forward(input: x, weights: w, output: yBLAS)
        x.rows = 1
        DenseKernels.forward(input: x, weights: w, output: yOne)
        for o in 0..<outputs { #expect(isClose(yBLAS[0, o], yOne[0, o], absolute: 1e-5)) }

        let dW2 = Matrix(rows: outputs, columns: inputs), dB2 = Matrix(rows: 1, columns: outputs)
        let dW1 = Matrix(rows: outputs, columns: inputs), dB1 = Matrix(rows: 1, columns: outputs)
        x.rows = 2
        DenseKernels.accumulateParameterGradients(
            outputGradient: dOut, input: x, weightGradient: dW2, biasGradient: dB2)
        x.rows = 1
        dOut.rows = 1
        DenseKernels.accumulateParameterGradients(
            outputGradient: dOut, input: x, weightGradient: dW1, biasGradient: dB1)
        for (a, b) in zip(dW2.values, dW1.values) { #expect(isClose(a, 2 * b, absolute: 1e-5)) }
        for (a, b) in zip(dB2.values, dB1.values) { #expect(isClose(a, 2 * b, absolute: 1e-6)) }
    }

    @Test func initializersDrawTheDocumentedScales() {
        var g = SplitMix64(seed: 13)
        var w = [Float](repeating: 0, count: 400 * 100), b = [Float](repeating: 1, count: 100)
        Initializer.homework.fill(weights: &w, biases: &b, inputs: 400, outputs: 100, generator: &g)
        let variance = w.reduce(0) { $0 + Double($1 * $1) } / Double(w.count)
        #expect(isClose(variance, 1.0 / 400, absolute: 0.1 / 400))
        #expect(b.allSatisfy { $0 == 0 })
        Initializer.xavier.fill(weights: &w, biases: &b, inputs: 400, outputs: 100, generator: &g)
        #expect(w.allSatisfy { abs($0) <= Float((6.0 / 500).squareRoot()) })
        Initializer.pytorch.fill(weights: &w, biases: &b, inputs: 400, outputs: 100, generator: &g)
        #expect(w.allSatisfy { abs($0) <= 0.05 } && b.contains { $0 != 0 })
        #expect(Initializer(name: "gaussian:0.0001") == .gaussian(std: 1e-4))
        #expect(Initializer(name: "nonsense") == nil)
        for name in ["homework", "xavier", "he", "pytorch"] { #expect(Initializer(name: name)?.name == name) }
    }
}
