/// The shape of one image's activations: channels × height × width, as PyTorch writes it.
///
/// The engine stores activations channels-last (height, width, channels: NHWC for a batch), so
/// that the im2col patches and the convolution outputs are plain row-major matrices for sgemm;
/// exported tensors and summary.json use PyTorch's channels-first order.
public struct TensorShape: Sendable, Hashable, CustomStringConvertible {
    public var channels: Int
    public var height: Int
    public var width: Int

    public init(channels: Int, height: Int, width: Int) {
        self.channels = channels
        self.height = height
        self.width = width
    }

    /// A flat vector of `count` values.
    public static func vector(_ count: Int) -> TensorShape { TensorShape(channels: count, height: 1, width: 1) }

    /// Values per image.
    public var count: Int { channels * height * width }
    /// Positions per channel.
    public var positions: Int { height * width }
    public var isVector: Bool { height == 1 && width == 1 }

    /// "32×24×24", or "512" for a vector.
    public var description: String { isVector ? "\(channels)" : "\(channels)×\(height)×\(width)" }

    /// `[channels, height, width]`, for JSON.
    public var array: [Int] { [channels, height, width] }
}

/// A 2-D convolution's sizes: input, kernel, stride, zero padding and the output they give.
public struct ConvolutionGeometry: Sendable, Hashable {
    public var input: TensorShape
    public var outputChannels: Int
    public var kernelHeight: Int
    public var kernelWidth: Int
    public var stride: Int
    public var padding: Int

    public init(input: TensorShape, outputChannels: Int, kernelHeight: Int, kernelWidth: Int, stride: Int, padding: Int)
    {
        self.input = input
        self.outputChannels = outputChannels
        self.kernelHeight = kernelHeight
        self.kernelWidth = kernelWidth
        self.stride = stride
        self.padding = padding
    }

    /// PyTorch's `Conv2d` output size: ⌊(n + 2p − k) / s⌋ + 1 in each direction.
    public var output: TensorShape {
        TensorShape(
            channels: outputChannels, height: (input.height + 2 * padding - kernelHeight) / stride + 1,
            width: (input.width + 2 * padding - kernelWidth) / stride + 1)
    }

    /// Values in one patch, and weights per output channel: kh × kw × input channels.
    public var patchSize: Int { kernelHeight * kernelWidth * input.channels }
    public var weightCount: Int { outputChannels * patchSize }
}

/// A max pooling's sizes (no padding, windows that do not fit are dropped: PyTorch's defaults).
public struct PoolingGeometry: Sendable, Hashable {
    public var input: TensorShape
    public var size: Int
    public var stride: Int

    public init(input: TensorShape, size: Int, stride: Int) {
        self.input = input
        self.size = size
        self.stride = stride
    }

    /// ⌊(n − k) / s⌋ + 1 in each direction, channels unchanged.
    public var output: TensorShape {
        TensorShape(
            channels: input.channels, height: (input.height - size) / stride + 1,
            width: (input.width - size) / stride + 1)
    }
}

/// A fully connected layer's sizes. `input` is the shape its inputs were flattened from
/// (a vector after another fc layer), which decides how its weight columns are ordered.
public struct DenseGeometry: Sendable, Hashable {
    public var input: TensorShape
    public var outputs: Int

    public init(input: TensorShape, outputs: Int) {
        self.input = input
        self.outputs = outputs
    }

    public var inputs: Int { input.count }
}
