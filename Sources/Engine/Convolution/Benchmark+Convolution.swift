import Foundation
import LinearAlgebra

extension Benchmark {
    /// Median seconds of `steps` training steps' GEMMs alone for a `--layers` network: per
    /// convolution the patch product, the weight gradient and (but for the first layer with
    /// parameters) the patch gradient; per fc layer the same three products as a perceptron's.
    /// im2col, pooling, activations, the loss and the optimizer are left out: the time is the
    /// floor sgemm sets on this machine.
    public static func gemmOnlySeconds(
        architecture: ConvArchitecture, batch: Int, steps: Int, threads: Int, repeats: Int
    ) -> Double {
        BLAS.setThreads(threads)
        // (m, n, k, transA, transB, β) of every product of one step, forward then backward; the
        // weight gradients accumulate (β = 1) as the trainer's do.
        typealias Product = (m: Int, n: Int, k: Int, transA: BLAS.Transpose, transB: BLAS.Transpose, beta: Float)
        var products: [Product] = []
        var backward: [Product] = []
        var first = true
        for module in architecture.modules {
            switch module {
            case .convolution(let g):
                let rows = batch * g.output.positions
                products.append((rows, g.outputChannels, g.patchSize, .none, .transpose, 0))
                backward.insert((g.outputChannels, g.patchSize, rows, .transpose, .none, 1), at: 0)
                if !first { backward.insert((rows, g.patchSize, g.outputChannels, .none, .none, 0), at: 1) }
            case .dense(let g):
                products.append((batch, g.outputs, g.inputs, .none, .transpose, 0))
                backward.insert((g.outputs, g.inputs, batch, .transpose, .none, 1), at: 0)
                if !first { backward.insert((batch, g.inputs, g.outputs, .none, .none, 0), at: 1) }
            default:
                continue
            }
            first = false
        }
        products += backward
        let largest = products.map { max($0.m * $0.k, $0.k * $0.n, $0.m * $0.n) }.max() ?? 1
        let a = Matrix(rows: 1, columns: largest), b = Matrix(rows: 1, columns: largest)
        let c = Matrix(rows: 1, columns: largest)
        a.fill(0.01)
        b.fill(0.01)
        var samples: [Double] = []
        for _ in 0..<repeats {
            let start = ContinuousClock.now
            for _ in 0..<steps {
                for p in products {
                    BLAS.gemm(
                        m: p.m, n: p.n, k: p.k, alpha: 1, a: a.data, lda: p.transA == .none ? p.k : p.m,
                        transA: p.transA, b: b.data, ldb: p.transB == .none ? p.n : p.k, transB: p.transB, beta: p.beta,
                        c: c.data, ldc: p.n)
                }
            }
            samples.append((ContinuousClock.now - start).seconds)
        }
        return median(samples)
    }
}
