import Randomness
import LinearAlgebra

extension GradientCheck {
    static func matrix(_ values: [Double], rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, values: values.map { Float($0) })
    }

    static func doubles(_ m: Matrix) -> [Double] { m.values.map { Double($0) } }

    /// Σ v ⊙ r.
    static func weightedSum(_ v: [Double], _ r: [Double]) -> Double { zip(v, r).reduce(0) { $0 + $1.0 * $1.1 } }

    /// The dense layer's three gradients: dW, db and dX.
    public static func dense(rows: Int, inputs: Int, outputs: Int, seed: UInt64) -> [GradientCheckResult] {
        var g = SplitMix64(seed: seed, stream: 10)
        let x = randomValues(rows * inputs, scale: 1, &g), w = randomValues(outputs * inputs, scale: 1, &g)
        let b = randomValues(outputs, scale: 1, &g), r = randomValues(rows * outputs, scale: 1, &g)
        let upstream = matrix(r, rows: rows, columns: outputs)
        let dW = Matrix(rows: outputs, columns: inputs), dB = Matrix(rows: 1, columns: outputs),
            dX = Matrix(rows: rows, columns: inputs)
        DenseKernels.accumulateParameterGradients(
            outputGradient: upstream, input: matrix(x, rows: rows, columns: inputs), weightGradient: dW,
            biasGradient: dB)
        DenseKernels.inputGradient(
            outputGradient: upstream, weights: matrix(w, rows: outputs, columns: inputs), inputGradient: dX)
        let f = { (x: [Double], w: [Double], b: [Double]) in
            weightedSum(Reference.dense(x, rows: rows, inputs: inputs, w, b), r)
        }
        return [
            compare(
                name: "dense.W", analytic: doubles(dW), numerical: Reference.numericalGradient(of: w) { f(x, $0, b) }),
            compare(
                name: "dense.b", analytic: doubles(dB), numerical: Reference.numericalGradient(of: b) { f(x, w, $0) }),
            compare(
                name: "dense.x", analytic: doubles(dX), numerical: Reference.numericalGradient(of: x) { f($0, w, b) }),
        ]
    }

    /// An activation's input gradient, through the fused bias add.
    public static func activation(_ activation: Activation, rows: Int, columns: Int, seed: UInt64)
        -> GradientCheckResult
    {
        var g = SplitMix64(seed: seed, stream: 11)
        // Keep pre-activations away from ReLU's kink at 0, where the derivative is undefined.
        let z = randomValues(rows * columns, scale: 2, &g).map { abs($0) < 0.05 ? $0 + 0.1 : $0 }
        let r = randomValues(rows * columns, scale: 1, &g)
        let zero = [Float](repeating: 0, count: columns)
        let a = matrix(z, rows: rows, columns: columns)
        zero.withUnsafeBufferPointer { activation.forward(a.data, bias: $0.baseAddress!, rows: rows, columns: columns) }
        let gradient = matrix(r, rows: rows, columns: columns)
        activation.backward(gradient.data, output: a.data, count: gradient.count)
        let numerical = Reference.numericalGradient(of: z) { weightedSum(Reference.activate($0, activation), r) }
        return compare(name: "\(activation.rawValue).x", analytic: doubles(gradient), numerical: numerical)
    }

    /// Inverted dropout's input gradient for one drawn mask.
    public static func dropout(count: Int, rate: Float, seed: UInt64) -> GradientCheckResult {
        var g = SplitMix64(seed: seed, stream: 12)
        let x = randomValues(count, scale: 1, &g), r = randomValues(count, scale: 1, &g)
        let values = matrix(x, rows: 1, columns: count), mask = Matrix(rows: 1, columns: count)
        DropoutKernels.forward(values.data, mask: mask.data, count: count, rate: rate, generator: &g)
        let gradient = matrix(r, rows: 1, columns: count)
        DropoutKernels.backward(gradient.data, mask: mask.data, count: count)
        let m = doubles(mask)
        let numerical = Reference.numericalGradient(of: x) { weightedSum(zip($0, m).map { $0 * $1 }, r) }
        return compare(name: "dropout.x", analytic: doubles(gradient), numerical: numerical)
    }

    /// The fused softmax cross-entropy's gradient with respect to the logits.
    public static func softmaxCrossEntropy(rows: Int, classes: Int, seed: UInt64) -> GradientCheckResult {
        var g = SplitMix64(seed: seed, stream: 13)
        let z = randomValues(rows * classes, scale: 3, &g)
        let labels = (0..<rows).map { _ in g.nextIndex(below: classes) }
        let logits = matrix(z, rows: rows, columns: classes)
        let zero = [Float](repeating: 0, count: classes), bytes = labels.map { UInt8($0) }
        _ = zero.withUnsafeBufferPointer { b in
            bytes.withUnsafeBufferPointer { l in
                SoftmaxCrossEntropy.apply(
                    logits: logits.data, bias: b.baseAddress!, rows: rows, classes: classes, labels: l.baseAddress!,
                    output: .gradient(scale: Float(rows)))
            }
        }
        let numerical = Reference.numericalGradient(of: z) {
            Reference.crossEntropy($0, rows: rows, classes: classes, labels: labels)
        }
        return compare(name: "softmax_cross_entropy.logits", analytic: doubles(logits), numerical: numerical)
    }

    /// The L2 penalty λ Σ W² through ``Model/addWeightDecayGradient(_:)``.
    public static func weightDecay(lambda: Double, seed: UInt64) -> GradientCheckResult {
        var g = SplitMix64(seed: seed, stream: 14)
        let w = randomValues(4 * 3, scale: 1, &g)
        let network = Network(
            layers: [Network.Layer(inputs: 3, outputs: 4, weights: w.map { Float($0) }, biases: [0, 0, 0, 0])],
            activation: .relu, inputTransform: .identity)
        let model = Model(network: network)
        model.addWeightDecayGradient(Float(lambda))
        let numerical = Reference.numericalGradient(of: w) { lambda * $0.reduce(0) { $0 + $1 * $1 } }
        return compare(name: "l2.W", analytic: doubles(model.weightGradients[0]), numerical: numerical)
    }
}
