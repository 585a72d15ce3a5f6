import Randomness
import LinearAlgebra

/// Inverted dropout: during training each unit is kept with probability 1 - p and scaled by
/// 1 / (1 - p), so the expected activation is unchanged and evaluation needs no rescaling.
public enum DropoutKernels {
    /// Draws a fresh mask, `mask[i] ∈ {0, 1/(1-p)}`, and applies it: `x[i] *= mask[i]`.
    ///
    /// x (count) -> x (count), mask (count)
    public static func forward(
        _ x: UnsafeMutablePointer<Float>, mask: UnsafeMutablePointer<Float>, count: Int, rate p: Float,
        generator: inout SplitMix64
    ) {
        precondition(p >= 0 && p < 1, "dropout rate \(p) outside [0, 1)")
        let keep = 1 / (1 - p)
        // One 64-bit draw gives two 24-bit uniforms: half the generator calls.
        var i = 0
        while i < count {
            let bits = generator.next()
            let u0 = Float(bits >> 40) * 0x1p-24
            mask[i] = u0 < p ? 0 : keep
            if i + 1 < count {
                let u1 = Float((bits >> 8) & 0xFF_FFFF) * 0x1p-24
                mask[i + 1] = u1 < p ? 0 : keep
            }
            i += 2
        }
        VectorKernels.multiply(x, by: mask, count: count)
    }

    /// Backward: `dX[i] = dY[i] * mask[i]`, in place.
    ///
    /// dY (count), mask (count) -> dX (count)
    public static func backward(_ gradient: UnsafeMutablePointer<Float>, mask: UnsafePointer<Float>, count: Int) {
        VectorKernels.multiply(gradient, by: mask, count: count)
    }
}
