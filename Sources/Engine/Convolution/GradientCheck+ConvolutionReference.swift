/// Plain Double convolution and pooling in PyTorch's channels-first layout, written from the
/// definitions and independently of the channels-last sgemm kernels: the numerical side of the
/// convolutional gradient checks differentiates these.
extension Reference {
    /// x (rows, C, H, W), w (F, C, KH, KW), b (F) -> y (rows, F, OH, OW):
    /// `y[n,f,i,j] = b[f] + Σ_c,u,v w[f,c,u,v] · x[n, c, i·s − p + u, j·s − p + v]` (zero outside).
    static func convolution(_ x: [Double], rows: Int, _ w: [Double], _ b: [Double], _ g: ConvolutionGeometry)
        -> [Double]
    {
        let c = g.input.channels, h = g.input.height, wd = g.input.width, out = g.output
        var y = [Double](repeating: 0, count: rows * out.count)
        for n in 0..<rows {
            for f in 0..<g.outputChannels {
                for i in 0..<out.height {
                    for j in 0..<out.width {
                        var s = b[f]
                        for ch in 0..<c {
                            for u in 0..<g.kernelHeight {
                                let ih = i * g.stride - g.padding + u
                                guard ih >= 0 && ih < h else { continue }
                                for v in 0..<g.kernelWidth {
                                    let iw = j * g.stride - g.padding + v
                                    guard iw >= 0 && iw < wd else { continue }
                                    s +=
                                        w[((f * c + ch) * g.kernelHeight + u) * g.kernelWidth + v]
                                        * x[((n * c + ch) * h + ih) * wd + iw]
                                }
                            }
                        }
                        y[((n * g.outputChannels + f) * out.height + i) * out.width + j] = s
                    }
                }
            }
        }
        return y
    }

    /// x (rows, C, H, W) -> the maximum of every window (rows, C, PH, PW).
    static func maxPool(_ x: [Double], rows: Int, _ g: PoolingGeometry) -> [Double] {
        let c = g.input.channels, h = g.input.height, w = g.input.width, out = g.output
        var y = [Double](repeating: 0, count: rows * out.count)
        for n in 0..<rows {
            for ch in 0..<c {
                for i in 0..<out.height {
                    for j in 0..<out.width {
                        var m = -Double.infinity
                        for u in 0..<g.size {
                            for v in 0..<g.size {
                                m = max(m, x[((n * c + ch) * h + i * g.stride + u) * w + j * g.stride + v])
                            }
                        }
                        y[((n * c + ch) * out.height + i) * out.width + j] = m
                    }
                }
            }
        }
        return y
    }

    /// The training loss of a whole `--layers` network in channels-first Double arithmetic:
    /// every module in order (dropout with the given fixed masks, already scaled by 1/(1-p),
    /// channels-first), softmax cross-entropy, plus λ Σ W² over all weights.
    static func convolutionalLoss(
        x: [Double], rows: Int, architecture: ConvArchitecture, weights: [[Double]], biases: [[Double]],
        masks: [Int: [Double]], labels: [Int], weightDecay: Double
    ) -> Double {
        var h = x
        for (index, module) in architecture.modules.enumerated() {
            switch module {
            case .convolution(let g):
                h = convolution(h, rows: rows, weights[index], biases[index], g)
            case .activation(let a):
                h = activate(h, a)
            case .maxPool(let g):
                h = maxPool(h, rows: rows, g)
            case .flatten:
                break  // channels-first rows are already PyTorch's flattened vectors
            case .dense(let g):
                h = dense(h, rows: rows, inputs: g.inputs, weights[index], biases[index])
            case .dropout:
                h = zip(h, masks[index]!).map { $0 * $1 }
            }
        }
        let l2 = weights.reduce(0) { $0 + $1.reduce(0) { $0 + $1 * $1 } }
        return crossEntropy(h, rows: rows, classes: architecture.classCount, labels: labels) + weightDecay * l2
    }

    /// (rows, H, W, C) channels-last values to (rows, C, H, W).
    static func channelsFirst(_ v: [Double], rows: Int, _ s: TensorShape) -> [Double] {
        var out = [Double](repeating: 0, count: v.count)
        for n in 0..<rows {
            for p in 0..<s.positions {
                for c in 0..<s.channels {
                    out[(n * s.channels + c) * s.positions + p] = v[(n * s.positions + p) * s.channels + c]
                }
            }
        }
        return out
    }

    /// (rows, C, H, W) channels-first values to (rows, H, W, C).
    static func channelsLast(_ v: [Double], rows: Int, _ s: TensorShape) -> [Double] {
        var out = [Double](repeating: 0, count: v.count)
        for n in 0..<rows {
            for p in 0..<s.positions {
                for c in 0..<s.channels {
                    out[(n * s.positions + p) * s.channels + c] = v[(n * s.channels + c) * s.positions + p]
                }
            }
        }
        return out
    }
}
