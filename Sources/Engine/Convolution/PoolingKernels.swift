/// Max pooling over channels-last activations (see ``ConvolutionKernels``): every window is a few
/// runs of whole pixels, so eight channels are compared at once.
public enum PoolingKernels {
    /// The maximum of every window, per channel, and where it was: `argmax` holds each output's
    /// source as an offset into its image (`(ih·W + iw)·C + c`). On ties the first position in
    /// row-major window order wins, as in PyTorch.
    ///
    /// x (batch, H, W, C) -> y (batch, PH, PW, C), argmax (batch, PH, PW, C)
    public static func forward(
        _ x: UnsafePointer<Float>, batch: Int, geometry g: PoolingGeometry, output y: UnsafeMutablePointer<Float>,
        argmax: UnsafeMutablePointer<Int32>, threads: Int = 1
    ) {
        ParallelImages.run(count: batch, valuesPerItem: g.input.count, threads: threads) {
            forward(x, images: $0, geometry: g, output: y, argmax: argmax)
        }
    }

    static func forward(
        _ x: UnsafePointer<Float>, images: Range<Int>, geometry g: PoolingGeometry,
        output y: UnsafeMutablePointer<Float>,
        argmax: UnsafeMutablePointer<Int32>
    ) {
        let c = g.input.channels, w = g.input.width, out = g.output
        let imageSize = g.input.count, outputSize = out.count
        let vectorChannels = c / 8 * 8
        let lanes = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
        for n in images {
            let image = x + n * imageSize
            let rx = UnsafeRawPointer(image)
            var target = y + n * outputSize, index = argmax + n * outputSize
            for ph in 0..<out.height {
                for pw in 0..<out.width {
                    let first = (ph * g.stride * w + pw * g.stride) * c
                    var channel = 0
                    while channel < vectorChannels {
                        var best = rx.loadUnaligned(fromByteOffset: (first + channel) * 4, as: SIMD8<Float>.self)
                        var where_ = SIMD8<Int32>(repeating: Int32(first + channel)) &+ lanes
                        for i in 0..<g.size {
                            for j in 0..<g.size where i > 0 || j > 0 {
                                let offset = first + (i * w + j) * c + channel
                                let v = rx.loadUnaligned(fromByteOffset: offset * 4, as: SIMD8<Float>.self)
                                let larger = v .> best
                                best.replace(with: v, where: larger)
                                where_.replace(with: SIMD8<Int32>(repeating: Int32(offset)) &+ lanes, where: larger)
                            }
                        }
                        UnsafeMutableRawPointer(target + channel).storeBytes(of: best, as: SIMD8<Float>.self)
                        UnsafeMutableRawPointer(index + channel).storeBytes(of: where_, as: SIMD8<Int32>.self)
                        channel += 8
                    }
                    while channel < c {
                        var best = image[first + channel], bestOffset = first + channel
                        for i in 0..<g.size {
                            for j in 0..<g.size {
                                let offset = first + (i * w + j) * c + channel
                                // `>` keeps the first of equal values (and a NaN never wins, so a
                                // diverged run is caught by the loss, not here).
                                if image[offset] > best {
                                    best = image[offset]
                                    bestOffset = offset
                                }
                            }
                        }
                        target[channel] = best
                        index[channel] = Int32(bestOffset)
                        channel += 1
                    }
                    target += c
                    index += c
                }
            }
        }
    }

    /// Routes each output gradient to the input that won its window; overwrites `dX` (inputs
    /// that won no window get 0, overlapping windows add up).
    ///
    /// dY (batch, PH, PW, C), argmax (batch, PH, PW, C) -> dX (batch, H, W, C)
    public static func backward(
        _ dY: UnsafePointer<Float>, argmax: UnsafePointer<Int32>, batch: Int, geometry g: PoolingGeometry,
        inputGradient dX: UnsafeMutablePointer<Float>, threads: Int = 1
    ) {
        ParallelImages.run(count: batch, valuesPerItem: g.input.count, threads: threads) { images in
            let imageSize = g.input.count, outputSize = g.output.count
            (dX + images.lowerBound * imageSize).update(repeating: 0, count: images.count * imageSize)
            for n in images {
                let image = dX + n * imageSize
                let gradient = dY + n * outputSize, index = argmax + n * outputSize
                for i in 0..<outputSize {
                    image[Int(index[i])] += gradient[i]
                }
            }
        }
    }
}
