import LinearAlgebra

/// The kernels of a 2-D convolution, lowered onto sgemm with im2col over the whole mini-batch.
///
/// Activations are channels-last: image `n` of a batch is `H × W × C` floats, row after row, each
/// pixel's channels together. A patch is then `KH` runs of `KW × C` contiguous floats, so im2col
/// is a few block copies per output position, and the product of the patch matrix with the
/// weights is already the channels-last output:
///
/// ```
/// cols (batch·OH·OW, KH·KW·C)  ×  Wᵀ (KH·KW·C, F)  =  y (batch·OH·OW, F) = (batch, OH, OW, F)
/// ```
///
/// Weights are stored (F, KH, KW, C) to match the patch order; ``ConvNetwork`` converts to and from
/// PyTorch's (F, C, KH, KW). One sgemm per pass covers the whole batch, so the products are large
/// enough for OpenBLAS's threads; the copies between them are loops over contiguous runs.
public enum ConvolutionKernels {
    /// Rows of the patch matrix: one per output position of every image.
    static func patchRows(batch: Int, _ g: ConvolutionGeometry) -> Int { batch * g.output.positions }

    /// Copies every patch of the batch into `cols`, zeros where the window overlaps the padding.
    ///
    /// x (batch, H, W, C) -> cols (batch·OH·OW, KH·KW·C)
    public static func im2col(
        _ x: UnsafePointer<Float>, batch: Int, geometry g: ConvolutionGeometry, into cols: UnsafeMutablePointer<Float>,
        threads: Int = 1
    ) {
        ParallelImages.run(count: batch, valuesPerItem: g.output.positions * g.patchSize, threads: threads) {
            im2col(x, images: $0, geometry: g, into: cols)
        }
    }

    static func im2col(
        _ x: UnsafePointer<Float>, images: Range<Int>, geometry g: ConvolutionGeometry,
        into cols: UnsafeMutablePointer<Float>
    ) {
        let c = g.input.channels, h = g.input.height, w = g.input.width
        let out = g.output, kh = g.kernelHeight, kw = g.kernelWidth
        let run = kw * c, patch = g.patchSize, imageSize = g.input.count
        for n in images {
            let image = x + n * imageSize
            var row = cols + n * out.positions * patch
            for oh in 0..<out.height {
                let top = oh * g.stride - g.padding
                for ow in 0..<out.width {
                    let left = ow * g.stride - g.padding
                    // Kernel columns that fall inside the image: [lo, hi).
                    let lo = Swift.max(0, -left), hi = Swift.min(kw, w - left)
                    var target = row
                    for i in 0..<kh {
                        let ih = top + i
                        if ih < 0 || ih >= h || lo >= hi {
                            target.update(repeating: 0, count: run)
                        } else {
                            if lo > 0 { target.update(repeating: 0, count: lo * c) }
                            copy(image + (ih * w + left + lo) * c, to: target + lo * c, count: (hi - lo) * c)
                            if hi < kw { (target + hi * c).update(repeating: 0, count: (kw - hi) * c) }
                        }
                        target += run
                    }
                    row += patch
                }
            }
        }
    }

    /// Adds every patch gradient back onto the pixels it came from (the adjoint of ``im2col``);
    /// overwrites `dX`. Positions in the padding are dropped.
    ///
    /// dCols (batch·OH·OW, KH·KW·C) -> dX (batch, H, W, C)
    public static func col2im(
        _ cols: UnsafePointer<Float>, batch: Int, geometry g: ConvolutionGeometry, into dX: UnsafeMutablePointer<Float>,
        threads: Int = 1
    ) {
        ParallelImages.run(count: batch, valuesPerItem: g.output.positions * g.patchSize, threads: threads) {
            col2im(cols, images: $0, geometry: g, into: dX)
        }
    }

    static func col2im(
        _ cols: UnsafePointer<Float>, images: Range<Int>, geometry g: ConvolutionGeometry,
        into dX: UnsafeMutablePointer<Float>
    ) {
        let c = g.input.channels, h = g.input.height, w = g.input.width
        let out = g.output, kh = g.kernelHeight, kw = g.kernelWidth
        let run = kw * c, patch = g.patchSize, imageSize = g.input.count
        (dX + images.lowerBound * imageSize).update(repeating: 0, count: images.count * imageSize)
        for n in images {
            let image = dX + n * imageSize
            var row = cols + n * out.positions * patch
            for oh in 0..<out.height {
                let top = oh * g.stride - g.padding
                for ow in 0..<out.width {
                    let left = ow * g.stride - g.padding
                    let lo = Swift.max(0, -left), hi = Swift.min(kw, w - left)
                    if lo < hi {
                        for i in 0..<kh {
                            let ih = top + i
                            guard ih >= 0 && ih < h else { continue }
                            add(row + i * run + lo * c, to: image + (ih * w + left + lo) * c, count: (hi - lo) * c)
                        }
                    }
                    row += patch
                }
            }
        }
    }

    /// Forward without the bias (the fused activation kernel adds it, as for dense layers).
    ///
    /// x (batch, H, W, C), w (F, KH·KW·C) -> cols (batch·OH·OW, KH·KW·C), y (batch, OH, OW, F)
    public static func forward(
        input x: UnsafePointer<Float>, batch: Int, geometry g: ConvolutionGeometry, weights w: Matrix,
        cols: UnsafeMutablePointer<Float>, output y: UnsafeMutablePointer<Float>, threads: Int = 1
    ) {
        precondition(
            w.rows == g.outputChannels && w.columns == g.patchSize,
            "convolution weights \(w.rows)x\(w.columns) for \(g.outputChannels) filters of \(g.patchSize)")
        im2col(x, batch: batch, geometry: g, into: cols, threads: threads)
        BLAS.gemm(
            m: patchRows(batch: batch, g), n: g.outputChannels, k: g.patchSize, alpha: 1, a: cols, lda: g.patchSize,
            transA: .none, b: w.data, ldb: g.patchSize, transB: .transpose, beta: 0, c: y, ldc: g.outputChannels)
    }

    /// Parameter gradients from the patches of the forward pass, added to `dW` and `dB` (with
    /// sgemm's β = 1, as ``DenseKernels/accumulateParameterGradients(outputGradient:input:weightGradient:biasGradient:scale:)``).
    ///
    /// dY (batch·OH·OW, F), cols (batch·OH·OW, KH·KW·C) -> dW (F, KH·KW·C) += dYᵀ cols, dB (F) += Σ_rows dY
    public static func accumulateParameterGradients(
        outputGradient dY: UnsafePointer<Float>, cols: UnsafePointer<Float>, batch: Int,
        geometry g: ConvolutionGeometry,
        weightGradient dW: Matrix, biasGradient dB: Matrix
    ) {
        precondition(
            dW.rows == g.outputChannels && dW.columns == g.patchSize && dB.count == g.outputChannels,
            "convolution gradients dW \(dW.rows)x\(dW.columns), dB \(dB.count) for \(g.outputChannels)x\(g.patchSize)")
        let rows = patchRows(batch: batch, g)
        BLAS.gemm(
            m: g.outputChannels, n: g.patchSize, k: rows, alpha: 1, a: dY, lda: g.outputChannels, transA: .transpose,
            b: cols, ldb: g.patchSize, transB: .none, beta: 1, c: dW.data, ldc: g.patchSize)
        addColumnSums(dY, rows: rows, columns: g.outputChannels, into: dB.data)
    }

    /// Input gradient: the patch gradients `dY W`, written over `cols` (whose forward patches the
    /// weight gradient has used by then), then added back onto the pixels.
    ///
    /// dY (batch·OH·OW, F), w (F, KH·KW·C) -> cols (scratch), dX (batch, H, W, C)
    public static func inputGradient(
        outputGradient dY: UnsafePointer<Float>, weights w: Matrix, batch: Int, geometry g: ConvolutionGeometry,
        cols: UnsafeMutablePointer<Float>, inputGradient dX: UnsafeMutablePointer<Float>, threads: Int = 1
    ) {
        BLAS.gemm(
            m: patchRows(batch: batch, g), n: g.patchSize, k: g.outputChannels, alpha: 1, a: dY, lda: g.outputChannels,
            transA: .none, b: w.data, ldb: g.patchSize, transB: .none, beta: 0, c: cols, ldc: g.patchSize)
        col2im(cols, batch: batch, geometry: g, into: dX, threads: threads)
    }

    /// `sums[j] += Σ_r x[r, j]`, rows in order (a fixed order: the same bits on every run).
    public static func addColumnSums(
        _ x: UnsafePointer<Float>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Float>
    ) {
        let vectorColumns = columns / 8 * 8
        let rx = UnsafeRawPointer(x), rs = UnsafeMutableRawPointer(sums)
        var j = 0
        while j < vectorColumns {
            // Two accumulators over alternate rows keep the adds independent; added at the end.
            var a0 = SIMD8<Float>(), a1 = SIMD8<Float>()
            var r = 0
            while r + 1 < rows {
                a0 += rx.loadUnaligned(fromByteOffset: (r * columns + j) * 4, as: SIMD8<Float>.self)
                a1 += rx.loadUnaligned(fromByteOffset: ((r + 1) * columns + j) * 4, as: SIMD8<Float>.self)
                r += 2
            }
            if r < rows { a0 += rx.loadUnaligned(fromByteOffset: (r * columns + j) * 4, as: SIMD8<Float>.self) }
            rs.storeBytes(
                of: rs.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self) + a0 + a1, toByteOffset: j * 4,
                as: SIMD8<Float>.self)
            j += 8
        }
        while j < columns {
            var s: Float = 0
            for r in 0..<rows { s += x[r * columns + j] }
            sums[j] += s
            j += 1
        }
    }

    /// `count` floats from `source` to `target` (short runs: a loop beats a call to memmove).
    @inline(__always)
    static func copy(_ source: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, count: Int) {
        let rs = UnsafeRawPointer(source), rt = UnsafeMutableRawPointer(target)
        var i = 0
        while i + 8 <= count {
            rt.storeBytes(
                of: rs.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self), toByteOffset: i * 4,
                as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            target[i] = source[i]
            i += 1
        }
    }

    /// `target[i] += source[i]` over `count` floats.
    @inline(__always)
    static func add(_ source: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, count: Int) {
        let rs = UnsafeRawPointer(source), rt = UnsafeMutableRawPointer(target)
        var i = 0
        while i + 8 <= count {
            let sum =
                rt.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                + rs.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            rt.storeBytes(of: sum, toByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            target[i] += source[i]
            i += 1
        }
    }
}
