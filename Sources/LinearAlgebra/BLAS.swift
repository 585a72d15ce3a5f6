import CBLAS

/// The BLAS library nnreport links against (OpenBLAS): the only file that imports it.
///
/// Calls are checked with preconditions (a shape mismatch is a programmer error); the CBLAS
/// interface has no status codes, and OpenBLAS's `xerbla` aborts on an illegal argument, which
/// the preconditions rule out before the call.
public enum BLAS {
    /// Whether an operand is used as stored or transposed.
    public enum Transpose: Sendable {
        case none
        case transpose

        var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
    }

    /// Sets the number of threads OpenBLAS uses for each call.
    public static func setThreads(_ count: Int) {
        precondition(count >= 1, "BLAS thread count must be at least 1, got \(count)")
        openblas_set_num_threads(Int32(count))
    }

    /// The number of threads OpenBLAS uses for each call.
    public static var threads: Int { Int(openblas_get_num_threads()) }

    /// OpenBLAS's build configuration string, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64".
    public static var configuration: String {
        guard let c = openblas_get_config() else { return "unknown" }
        return String(cString: c)
    }

    /// `c = alpha * op(a) * op(b) + beta * c` on the active rows of each matrix.
    ///
    /// op(a) is (m, k), op(b) is (k, n) and c is (m, n).
    public static func gemm(
        _ a: Matrix, _ transA: Transpose = .none, _ b: Matrix, _ transB: Transpose = .none,
        into c: Matrix, alpha: Float = 1, beta: Float = 0
    ) {
        let (m, k) = transA == .none ? (a.rows, a.columns) : (a.columns, a.rows)
        let (kb, n) = transB == .none ? (b.rows, b.columns) : (b.columns, b.rows)
        precondition(
            k == kb && c.rows == m && c.columns == n,
            "gemm shapes: op(a) \(m)x\(k), op(b) \(kb)x\(n), c \(c.rows)x\(c.columns)")
        gemm(
            m: m, n: n, k: k, alpha: alpha, a: a.data, lda: a.columns, transA: transA,
            b: b.data, ldb: b.columns, transB: transB, beta: beta, c: c.data, ldc: c.columns)
    }

    /// Row-major `c = alpha * op(a) * op(b) + beta * c` on raw storage.
    public static func gemm(
        m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, transA: Transpose,
        b: UnsafePointer<Float>, ldb: Int, transB: Transpose,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "gemm sizes must not be negative: m \(m) n \(n) k \(k)")
        guard m > 0 && n > 0 else { return }
        cblas_sgemm(
            CblasRowMajor, transA.cblas, transB.cblas, Int32(m), Int32(n), Int32(k), alpha,
            a, Int32(Swift.max(lda, 1)), b, Int32(Swift.max(ldb, 1)), beta, c, Int32(Swift.max(ldc, 1)))
    }

    /// Row-major `y = alpha * op(a) * x + beta * y` where `a` is (m, n).
    public static func gemv(
        m: Int, n: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int, transA: Transpose,
        x: UnsafePointer<Float>, beta: Float, y: UnsafeMutablePointer<Float>
    ) {
        precondition(m >= 0 && n >= 0, "gemv sizes must not be negative: m \(m) n \(n)")
        guard m > 0 && n > 0 else { return }
        cblas_sgemv(
            CblasRowMajor, transA.cblas, Int32(m), Int32(n), alpha, a, Int32(Swift.max(lda, 1)), x, 1, beta, y, 1)
    }

    /// `y += alpha * x` over `count` elements.
    public static func axpy(count: Int, alpha: Float, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        precondition(count >= 0, "axpy count must not be negative: \(count)")
        cblas_saxpy(Int32(count), alpha, x, 1, y, 1)
    }

    /// The dot product of `count` elements (OpenBLAS accumulates with vector registers).
    public static func dot(count: Int, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Float {
        precondition(count >= 0, "dot count must not be negative: \(count)")
        return cblas_sdot(Int32(count), x, 1, y, 1)
    }

    /// One Adam update of `count` parameters `x` with gradients `g` and moment estimates `m`, `v`
    /// (updated in place), then zeroes the gradients. `step` is `lr / (1 - β1ᵗ)` and
    /// `inverseRoot2` is `1 / √(1 - β2ᵗ)`.
    ///
    /// Written in C with 8-float vectors so the square root and division stay packed.
    public static func adamUpdate(
        count: Int, x: UnsafeMutablePointer<Float>, g: UnsafeMutablePointer<Float>, m: UnsafeMutablePointer<Float>,
        v: UnsafeMutablePointer<Float>, beta1: Float, beta2: Float, step: Float, inverseRoot2: Float, epsilon: Float
    ) {
        CBLAS_adam_update(count, x, g, m, v, beta1, beta2, step, inverseRoot2, epsilon)
    }
}
