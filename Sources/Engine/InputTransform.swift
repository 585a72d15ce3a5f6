/// How raw pixel bytes 0...255 become network inputs: the network sees `(raw * scale - mean) / std`,
/// where `mean` and `std` each hold one value for every pixel or a single value for all.
///
/// This is summary.json's `input_transform` (Docs/Architecture.md) in summary.json; with it and model.safetensors a
/// model can be evaluated with numpy alone.
public struct InputTransform: Sendable, Equatable {
    public var scale: Float
    /// One value, or one per pixel.
    public var mean: [Float]
    /// One value, or one per pixel; never zero.
    public var std: [Float]

    public init(scale: Float, mean: [Float], std: [Float]) {
        precondition(!mean.isEmpty && !std.isEmpty, "input transform needs at least one mean and one std value")
        precondition(std.allSatisfy { $0 > 0 && $0.isFinite }, "input transform std values must be positive and finite")
        self.scale = scale
        self.mean = mean
        self.std = std
    }

    /// Raw pixel values, unchanged.
    public static let identity = InputTransform(scale: 1, mean: [0], std: [1])

    /// Per-pixel factors `a` and offsets `b` with `input = raw * a + b`, for `pixels` pixels.
    func affine(pixels: Int) -> (factor: [Float], offset: [Float]) {
        precondition(
            mean.count == 1 || mean.count == pixels, "input transform has \(mean.count) means for \(pixels) pixels")
        precondition(
            std.count == 1 || std.count == pixels, "input transform has \(std.count) stds for \(pixels) pixels")
        var factor = [Float](repeating: 0, count: pixels), offset = [Float](repeating: 0, count: pixels)
        for i in 0..<pixels {
            let m = mean.count == 1 ? mean[0] : mean[i]
            let d = std.count == 1 ? std[0] : std[i]
            factor[i] = scale / d
            offset[i] = -m / d
        }
        return (factor, offset)
    }
}

/// The input transforms the command line can name; each is computed from the training split
/// only (never the validation or test images).
public enum InputTransformKind: String, Sendable, CaseIterable, Codable {
    /// Raw bytes 0...255, as the NumPy homework fed them.
    case raw
    /// Scaled to [0, 1] (Keras `/ 255.`, PyTorch `ToTensor`).
    case unit
    /// Scaled to [0, 1], then the mean training image subtracted (cs231n).
    case meanImage = "mean-image"
    /// Scaled to [0, 1], then the training mean and standard deviation of all pixels applied
    /// (PyTorch's `Normalize((0.1307,), (0.3081,))` for MNIST).
    case normalize
    /// Scaled to [0, 1], then each pixel standardised with its own training mean and standard
    /// deviation; a standard deviation below 0.1 is raised to 0.1, so border pixels that are
    /// almost always 0 do not turn a rare stroke into a huge input.
    case standardize

    /// Computes the transform from `count` images of `pixels` bytes each, chosen by `indices`.
    public func transform(images: [UInt8], pixels: Int, indices: Range<Int>) -> InputTransform {
        let scale: Float = self == .raw ? 1 : 1 / 255
        switch self {
        case .raw, .unit:
            return InputTransform(scale: scale, mean: [0], std: [1])
        case .meanImage, .standardize, .normalize:
            // Sums in Double: 60,000 × 255 overflows nothing, and Float would lose precision.
            var sum = [Double](repeating: 0, count: pixels), squares = [Double](repeating: 0, count: pixels)
            images.withUnsafeBufferPointer { bytes in
                for image in indices {
                    let base = image * pixels
                    for i in 0..<pixels {
                        let v = Double(bytes[base + i])
                        sum[i] += v
                        squares[i] += v * v
                    }
                }
            }
            let n = Double(Swift.max(indices.count, 1)), s = Double(scale)
            switch self {
            case .meanImage:
                return InputTransform(scale: scale, mean: sum.map { Float($0 / n * s) }, std: [1])
            case .normalize:
                let total = n * Double(pixels)
                let mean = sum.reduce(0, +) / total
                let variance = Swift.max(squares.reduce(0, +) / total - mean * mean, 0)
                let std = Swift.max(variance.squareRoot() * s, 1e-3)
                return InputTransform(scale: scale, mean: [Float(mean * s)], std: [Float(std)])
            default:
                var means = [Float](repeating: 0, count: pixels), stds = [Float](repeating: 1, count: pixels)
                for i in 0..<pixels {
                    let mean = sum[i] / n
                    let variance = Swift.max(squares[i] / n - mean * mean, 0)
                    means[i] = Float(mean * s)
                    stds[i] = Float(Swift.max(variance.squareRoot() * s, 0.1))
                }
                return InputTransform(scale: scale, mean: means, std: stds)
            }
        }
    }
}
