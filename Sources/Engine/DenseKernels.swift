import LinearAlgebra

/// The kernels of a fully connected layer `y = x Wᵀ + b`, with W stored (out, in) row-major as
/// PyTorch's `nn.Linear` does.
///
/// Mini-batches go through BLAS sgemm. A batch of one row takes hand-written SIMD
/// matrix-vector paths instead: for a 784-32 layer the arithmetic is ~25k multiply-adds, less
/// than the fixed cost of an sgemm call.
public enum DenseKernels {
    /// Forward without the bias (the bias is added by the fused activation or loss kernel).
    ///
    /// x (batch, in), w (out, in) -> y (batch, out)
    public static func forward(input x: Matrix, weights w: Matrix, output y: Matrix) {
        precondition(
            x.columns == w.columns && y.columns == w.rows && y.rows == x.rows,
            "dense forward: x \(x.rows)x\(x.columns), w \(w.rows)x\(w.columns), y \(y.rows)x\(y.columns)")
        if x.rows == 1 {
            let inputs = w.columns
            for o in 0..<w.rows {
                y.data[o] = VectorKernels.dot(w.row(o), x.data, count: inputs)
            }
        } else {
            BLAS.gemm(x, .none, w, .transpose, into: y)
        }
    }

    /// Forward with the bias, for checks and evaluation code that does not fuse it.
    ///
    /// x (batch, in), w (out, in), b (1, out) -> y (batch, out)
    public static func forward(input x: Matrix, weights w: Matrix, bias b: Matrix, output y: Matrix) {
        forward(input: x, weights: w, output: y)
        for r in 0..<y.rows {
            VectorKernels.axpy(1, b.data, y.row(r), count: y.columns)
        }
    }

    /// Parameter gradients, added to `dW` and `dB` (which start at zero and are cleared by the
    /// optimizer after each update). Accumulating lets sgemm run with β = 1, which skips the pass
    /// OpenBLAS otherwise makes over the output to scale it by β: for the 784-256 layer that pass
    /// over 800 KB costs as much as the Adam update of the same weights.
    ///
    /// With `scale` ≠ 1 the scaled gradients are added (plain SGD adds `-lr ×` the gradient
    /// straight into the parameters).
    ///
    /// dOut (batch, out), x (batch, in) -> dW (out, in) += scale · dOutᵀ x, dB (1, out) += scale · Σ_rows dOut
    public static func accumulateParameterGradients(
        outputGradient dOut: Matrix, input x: Matrix, weightGradient dW: Matrix, biasGradient dB: Matrix,
        scale: Float = 1
    ) {
        precondition(
            dOut.rows == x.rows && dW.rows == dOut.columns && dW.columns == x.columns && dB.count == dOut.columns,
            "dense backward: dOut \(dOut.rows)x\(dOut.columns), x \(x.rows)x\(x.columns), dW \(dW.rows)x\(dW.columns), dB \(dB.count)"
        )
        let outputs = dOut.columns, inputs = x.columns
        if x.rows == 1 {
            // Outer product dOut ⊗ x, one scaled row of x per output unit.
            for o in 0..<outputs {
                let factor = scale * dOut.data[o]
                // A zero factor (a saturated or inactive unit) changes nothing: skip its row.
                if factor != 0 { VectorKernels.axpy(factor, x.data, dW.row(o), count: inputs) }
            }
        } else {
            BLAS.gemm(dOut, .transpose, x, .none, into: dW, alpha: scale, beta: 1)
        }
        for r in 0..<dOut.rows {
            VectorKernels.axpy(scale, dOut.row(r), dB.data, count: outputs)
        }
    }

    /// Input gradient, overwriting `dX`.
    ///
    /// dOut (batch, out), w (out, in) -> dX (batch, in) = dOut W
    public static func inputGradient(outputGradient dOut: Matrix, weights w: Matrix, inputGradient dX: Matrix) {
        precondition(
            dOut.columns == w.rows && dX.columns == w.columns && dX.rows == dOut.rows,
            "dense input gradient: dOut \(dOut.rows)x\(dOut.columns), w \(w.rows)x\(w.columns), dX \(dX.rows)x\(dX.columns)"
        )
        if dOut.rows == 1 {
            let inputs = w.columns
            dX.data.update(repeating: 0, count: inputs)
            for o in 0..<w.rows {
                VectorKernels.axpy(dOut.data[o], w.row(o), dX.data, count: inputs)
            }
        } else {
            BLAS.gemm(dOut, .none, w, .none, into: dX)
        }
    }
}
