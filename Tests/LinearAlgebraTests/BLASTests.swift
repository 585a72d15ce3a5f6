import LinearAlgebra
import Testing
import TestSupport

/// Naive row-major reference: c = alpha * op(a) op(b) + beta * c.
func referenceGemm(
    _ a: [Float], _ aRows: Int, _ aColumns: Int, _ transA: Bool, _ b: [Float], _ bRows: Int, _ bColumns: Int,
    _ transB: Bool, _ c: [Float], alpha: Float, beta: Float
) -> [Float] {
    let m = transA ? aColumns : aRows, k = transA ? aRows : aColumns, n = transB ? bRows : bColumns
    var out = c
    for i in 0..<m {
        for j in 0..<n {
            var s: Float = 0
            for p in 0..<k {
                let av = transA ? a[p * aColumns + i] : a[i * aColumns + p]
                let bv = transB ? b[j * bColumns + p] : b[p * bColumns + j]
                s += av * bv
            }
            out[i * n + j] = alpha * s + beta * c[i * n + j]
        }
    }
    return out
}

func values(_ count: Int, seed: Int) -> [Float] {
    (0..<count).map { Float(((($0 + 1) * 7919 + seed * 104729) % 2001) - 1000) / 1000 }
}

@Suite struct BLASTests {
    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func gemmMatchesNaiveProduct(transA: Bool, transB: Bool) {
        let m = 5, k = 7, n = 3
        let (ar, ac) = transA ? (k, m) : (m, k)
        let (br, bc) = transB ? (n, k) : (k, n)
        let a = values(ar * ac, seed: 1), b = values(br * bc, seed: 2), c0 = values(m * n, seed: 3)
        let c = Matrix(rows: m, columns: n, values: c0)
        BLAS.gemm(
            Matrix(rows: ar, columns: ac, values: a), transA ? .transpose : .none,
            Matrix(rows: br, columns: bc, values: b), transB ? .transpose : .none, into: c, alpha: 0.5, beta: 2)
        let expected = referenceGemm(a, ar, ac, transA, b, br, bc, transB, c0, alpha: 0.5, beta: 2)
        for (x, y) in zip(c.values, expected) { #expect(isClose(x, y, absolute: 1e-5)) }
    }

    @Test func gemmUsesOnlyActiveRows() {
        let a = Matrix(rows: 4, columns: 2, values: [1, 2, 3, 4, 99, 99, 99, 99])
        a.rows = 2
        let b = Matrix(rows: 2, columns: 1, values: [1, 1])
        let c = Matrix(rows: 4, columns: 1, values: [0, 0, -7, -7])
        c.rows = 2
        BLAS.gemm(a, .none, b, .none, into: c)
        #expect(c.values == [3, 7])
        c.rows = 4
        #expect(c.values == [3, 7, -7, -7])
    }

    @Test func gemvAxpyDot() {
        let a = values(12, seed: 4), x = values(4, seed: 5)
        var y = [Float](repeating: 1, count: 3)
        a.withUnsafeBufferPointer { ap in
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { yp in
                    BLAS.gemv(
                        m: 3, n: 4, alpha: 2, a: ap.baseAddress!, lda: 4, transA: .none, x: xp.baseAddress!, beta: 1,
                        y: yp.baseAddress!)
                }
            }
        }
        for i in 0..<3 {
            let expected = 2 * (0..<4).reduce(Float(0)) { $0 + a[i * 4 + $1] * x[$1] } + 1
            #expect(isClose(y[i], expected, absolute: 1e-5))
        }
        var z: [Float] = [1, 2, 3]
        let w: [Float] = [1, 1, 2]
        z.withUnsafeMutableBufferPointer { BLAS.axpy(count: 3, alpha: -1, x: w, y: $0.baseAddress!) }
        #expect(z == [0, 1, 1])
        #expect(BLAS.dot(count: 3, w, [1, 2, 3]) == 9)
    }

    @Test func threadsCanBeSet() {
        let before = BLAS.threads
        BLAS.setThreads(1)
        #expect(BLAS.threads == 1)
        BLAS.setThreads(before)
        #expect(BLAS.configuration.contains("OpenBLAS"))
    }

    @Test func adamUpdateMatchesScalarFormula() {
        // 19 elements: two 8-wide blocks and a scalar tail.
        let n = 19
        var x = values(n, seed: 6), g = values(n, seed: 7), m = values(n, seed: 8),
            v = values(n, seed: 9).map { abs($0) }
        let (x0, g0, m0, v0) = (x, g, m, v)
        let b1: Float = 0.9, b2: Float = 0.999, step: Float = 0.01, r2: Float = 1.5, eps: Float = 1e-8
        x.withUnsafeMutableBufferPointer { xp in
            g.withUnsafeMutableBufferPointer { gp in
                m.withUnsafeMutableBufferPointer { mp in
                    v.withUnsafeMutableBufferPointer { vp in
                        BLAS.adamUpdate(
                            count: n, x: xp.baseAddress!, g: gp.baseAddress!, m: mp.baseAddress!, v: vp.baseAddress!,
                            beta1: b1, beta2: b2, step: step, inverseRoot2: r2, epsilon: eps)
                    }
                }
            }
        }
        for i in 0..<n {
            let mi = b1 * m0[i] + (1 - b1) * g0[i]
            let vi = b2 * v0[i] + (1 - b2) * g0[i] * g0[i]
            let xi = x0[i] - step * mi / (vi.squareRoot() * r2 + eps)
            #expect(
                isClose(m[i], mi, absolute: 1e-6) && isClose(v[i], vi, absolute: 1e-6)
                    && isClose(x[i], xi, absolute: 1e-5))
        }
        #expect(g.allSatisfy { $0 == 0 })
    }
}
