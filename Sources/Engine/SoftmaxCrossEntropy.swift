#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Softmax over the classes fused with the cross-entropy loss, computed stably in one pass.
///
/// With m = max_j z_j, -log p_c = log Σ_j exp(z_j - m) - (z_c - m): every exponent is ≤ 0, so
/// nothing overflows, and the loss never takes the logarithm of a probability that rounded
/// to zero. The gradient of the mean loss is (p - onehot(y)) / batch.
public enum SoftmaxCrossEntropy {
    /// What the pass leaves in the logits' place.
    public enum Output: Sendable {
        /// The gradient of the summed loss divided by `scale` (the batch size for a mean loss).
        case gradient(scale: Float)
        /// The class probabilities.
        case probabilities
    }

    /// The result of one fused pass over a mini-batch.
    public struct Outcome: Equatable, Sendable {
        /// Sum over the rows of -log p(label) (0 without labels).
        public var lossSum: Double
        /// Rows whose arg-max class equals the label (0 without labels).
        public var correct: Int
    }

    /// Adds the bias to the logits and replaces them with the loss gradient or the probabilities;
    /// returns the summed loss and the number of correct arg-max predictions.
    ///
    /// z (rows, classes), b (classes), labels (rows) -> dZ = (p - onehot) / scale, or p (rows, classes)
    public static func apply(
        logits z: UnsafeMutablePointer<Float>, bias b: UnsafePointer<Float>, rows: Int, classes: Int,
        labels: UnsafePointer<UInt8>?, output: Output
    ) -> Outcome {
        var lossSum = 0.0
        var correct = 0
        for r in 0..<rows {
            let row = z + r * classes
            var maxValue = -Float.infinity
            var best = 0
            for j in 0..<classes {
                let v = row[j] + b[j]
                row[j] = v
                // `v > maxValue` is false for NaN: a diverged row keeps class 0 and its loss
                // becomes NaN below, which the trainer reports as divergence.
                if v > maxValue {
                    maxValue = v
                    best = j
                }
            }
            let label = labels.map { Int($0[r]) }
            let labelShifted = label.map { row[$0] - maxValue } ?? 0
            var sum: Float = 0
            for j in 0..<classes {
                let e = expf(row[j] - maxValue)
                row[j] = e
                sum += e
            }
            if let label {
                lossSum += Double(logf(sum) - labelShifted)
                if best == label { correct += 1 }
            }
            switch output {
            case .probabilities:
                let inverse = 1 / sum
                for j in 0..<classes { row[j] *= inverse }
            case .gradient(let scale):
                let factor = 1 / (sum * scale)
                for j in 0..<classes { row[j] *= factor }
                if let label { row[label] -= 1 / scale }
            }
        }
        return Outcome(lossSum: lossSum, correct: correct)
    }
}
