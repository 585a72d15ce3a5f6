/// TensorBoard's scalar smoothing: an exponential moving average, bias-corrected at the start.
public enum ExponentialSmoothing {
    /// Smooths `values` with `weight` in 0..<1 (0 returns the input).
    ///
    /// `ema_t = w * ema_{t-1} + (1 - w) * y_t` from `ema_0 = 0`, divided by `1 - w^n` after `n`
    /// finite values, so early points are not pulled towards zero (the same debiasing as
    /// TensorBoard and Adam). Non-finite values pass through unchanged and do not update the
    /// average; a constant series is returned as is, as TensorBoard does.
    ///
    /// - Complexity: O(n).
    public static func smooth(_ values: [Double], weight: Double) -> [Double] {
        precondition((0..<1).contains(weight), "smoothing weight must be in 0..<1, got \(weight)")
        guard let first = values.first, !values.allSatisfy({ $0 == first }) else { return values }
        var last = 0.0
        var count = 0.0
        var decay = 1.0  // w^count, updated by multiplication rather than pow for each point
        return values.map { y in
            guard y.isFinite else { return y }
            last = last * weight + (1 - weight) * y
            count += 1
            decay *= weight
            return last / (1 - decay)
        }
    }
}
