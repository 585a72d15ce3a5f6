#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plain Double implementations of the forward computations, written independently of the
/// Float32 kernels: the numerical side of the gradient checks differentiates these.
enum Reference {
    /// x (rows, inputs), w (outputs, inputs), b (outputs) -> y (rows, outputs) = x wᵀ + b
    static func dense(_ x: [Double], rows: Int, inputs: Int, _ w: [Double], _ b: [Double]) -> [Double] {
        let outputs = b.count
        var y = [Double](repeating: 0, count: rows * outputs)
        for r in 0..<rows {
            for o in 0..<outputs {
                var s = b[o]
                for i in 0..<inputs { s += x[r * inputs + i] * w[o * inputs + i] }
                y[r * outputs + o] = s
            }
        }
        return y
    }

    static func activate(_ z: [Double], _ activation: Activation) -> [Double] {
        switch activation {
        case .relu: z.map { max($0, 0) }
        case .sigmoid: z.map { 1 / (1 + exp(-$0)) }
        case .tanh: z.map { libmTanh($0) }
        }
    }

    /// Mean cross-entropy of softmax(z) against `labels`, via log-sum-exp.
    static func crossEntropy(_ z: [Double], rows: Int, classes: Int, labels: [Int]) -> Double {
        var total = 0.0
        for r in 0..<rows {
            let row = z[(r * classes)..<((r + 1) * classes)]
            let m = row.max()!
            let logSum = log(row.reduce(0) { $0 + exp($1 - m) }) + m
            total += logSum - z[r * classes + labels[r]]
        }
        return total / Double(rows)
    }

    /// The training loss of a whole network: hidden layers with `activation` and fixed dropout
    /// masks (already scaled by 1/(1-p); empty for none), softmax cross-entropy, plus λ Σ W².
    static func networkLoss(
        x: [Double], rows: Int, sizes: [Int], weights: [[Double]], biases: [[Double]], activation: Activation,
        masks: [[Double]], labels: [Int], weightDecay: Double
    ) -> Double {
        var h = x
        for l in 0..<(sizes.count - 1) {
            var z = dense(h, rows: rows, inputs: sizes[l], weights[l], biases[l])
            if l < sizes.count - 2 {
                z = activate(z, activation)
                if !masks.isEmpty { z = zip(z, masks[l]).map { $0 * $1 } }
            }
            h = z
        }
        let l2 = weights.reduce(0) { $0 + $1.reduce(0) { $0 + $1 * $1 } }
        return crossEntropy(h, rows: rows, classes: sizes.last!, labels: labels) + weightDecay * l2
    }

    /// Centred differences `(f(θ + h) - f(θ - h)) / 2h` for every element of `values`.
    static func numericalGradient(of values: [Double], step h: Double = 1e-5, _ f: ([Double]) -> Double) -> [Double] {
        var v = values
        var gradient = [Double](repeating: 0, count: v.count)
        for i in v.indices {
            let saved = v[i]
            v[i] = saved + h
            let plus = f(v)
            v[i] = saved - h
            let minus = f(v)
            v[i] = saved
            gradient[i] = (plus - minus) / (2 * h)
        }
        return gradient
    }
}

/// The C library's `tanh`, named apart from the enum case ``Activation/tanh`` that a `switch`
/// over activations brings into scope.
@inline(__always) private func libmTanh(_ x: Double) -> Double { tanh(x) }
