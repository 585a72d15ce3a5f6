extension ReLUNetwork1D {
    /// The mean squared error L = (1/n) Σ_i (y(x_i) − t_i)², x (n), t (n) -> scalar.
    public func meanSquaredError(x: [Double], t: [Double]) -> Double {
        precondition(x.count == t.count && !x.isEmpty, "need as many targets as inputs (at least one), got \(x.count) and \(t.count)")
        var sum = 0.0
        for i in x.indices {
            let r = self(x[i]) - t[i]
            sum += r * r
        }
        return sum / Double(x.count)
    }

    /// The residuals y(x_i) − t_i, x (n), t (n) -> (n).
    public func residuals(x: [Double], t: [Double]) -> [Double] {
        precondition(x.count == t.count, "need as many targets as inputs, got \(x.count) and \(t.count)")
        return zip(x, t).map { self($0) - $1 }
    }

    /// The mean squared error and its gradient with respect to every parameter (one full batch).
    ///
    /// Forward: z (n, H) = x ⊗ W1 + b1, a = max(0, z), y (n) = a · W2 + b2, r = y − t.
    /// Backward: dy (n) = 2r / n; dW2 (H) = aᵀ · dy; db2 = Σ dy; dz (n, H) = (dy ⊗ W2) ⊙ [z > 0];
    /// dW1 (H) = dzᵀ · x; db1 (H) = Σ_i dz. At z = 0 exactly the ReLU's derivative is taken as
    /// 0, as PyTorch does.
    ///
    /// - Parameters:
    ///   - x: inputs, (n).
    ///   - t: targets, (n).
    /// - Returns: the loss and the gradient, shaped like `self`.
    public func lossAndGradient(x: [Double], t: [Double]) -> (loss: Double, gradient: ReLUNetwork1D) {
        precondition(x.count == t.count && !x.isEmpty, "need as many targets as inputs (at least one), got \(x.count) and \(t.count)")
        let h = hiddenUnits, n = Double(x.count)
        var gradient = ReLUNetwork1D(zerosWithHiddenUnits: h)
        var loss = 0.0
        var z = [Double](repeating: 0, count: h)
        for i in x.indices {
            var y = b2
            for j in 0..<h {
                z[j] = w1[j] * x[i] + b1[j]
                if z[j] > 0 { y += w2[j] * z[j] }
            }
            let r = y - t[i]
            loss += r * r
            let dy = 2 * r / n
            gradient.b2 += dy
            for j in 0..<h where z[j] > 0 {
                gradient.w2[j] += dy * z[j]
                let dz = dy * w2[j]
                gradient.w1[j] += dz * x[i]
                gradient.b1[j] += dz
            }
        }
        return (loss / n, gradient)
    }
}
