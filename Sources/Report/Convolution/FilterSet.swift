/// A convolution's filters as the report draws them: weights `[out, in, kh, kw]` (PyTorch's
/// `Conv2d` layout).
public struct FilterSet: Sendable, Equatable {
    /// The tensor's name in model.safetensors without `.weight`, e.g. "layers.0".
    public var name: String
    public var outputChannels: Int
    public var inputChannels: Int
    public var kernelHeight: Int
    public var kernelWidth: Int
    /// `outputChannels × inputChannels × kernelHeight × kernelWidth` values.
    public var weights: [Float]

    public init(
        name: String, outputChannels: Int, inputChannels: Int, kernelHeight: Int, kernelWidth: Int, weights: [Float]
    ) {
        precondition(
            weights.count == outputChannels * inputChannels * kernelHeight * kernelWidth,
            "\(outputChannels)x\(inputChannels)x\(kernelHeight)x\(kernelWidth) filters need that many weights, got \(weights.count)"
        )
        self.name = name
        self.outputChannels = outputChannels
        self.inputChannels = inputChannels
        self.kernelHeight = kernelHeight
        self.kernelWidth = kernelWidth
        self.weights = weights
    }

    /// Values per kernel (one input channel of one filter).
    public var kernelSize: Int { kernelHeight * kernelWidth }

    /// The kernel of filter `output` on input channel `input`, row after row.
    public func kernel(output: Int, input: Int) -> ArraySlice<Float> {
        let start = (output * inputChannels + input) * kernelSize
        return weights[start..<(start + kernelSize)]
    }
}
