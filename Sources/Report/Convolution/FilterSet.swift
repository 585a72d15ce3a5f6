import Datasets

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

/// The activations of one test image after each convolution, for the feature-map figure.
public struct FeatureMapSet: Sendable, Equatable {
    /// One convolution's output for the image.
    public struct Layer: Sendable, Equatable {
        /// What produced the maps, e.g. "layers.3: conv 5×5, 64 channels, relu".
        public var title: String
        public var channels: Int
        public var height: Int
        public var width: Int
        /// `channels × height × width` values, one map after another.
        public var values: [Float]

        public init(title: String, channels: Int, height: Int, width: Int, values: [Float]) {
            precondition(
                values.count == channels * height * width,
                "\(channels)x\(height)x\(width) feature maps need that many values, got \(values.count)")
            self.title = title
            self.channels = channels
            self.height = height
            self.width = width
            self.values = values
        }

        /// Map `channel`, row after row.
        public func map(_ channel: Int) -> ArraySlice<Float> {
            values[(channel * height * width)..<((channel + 1) * height * width)]
        }
    }

    /// The image's index in the test set.
    public var imageIndex: Int
    public var label: Int
    /// The predicted class, when known.
    public var predicted: Int?
    /// The image as it was fed (before the input transform).
    public var image: LabeledImages
    public var layers: [Layer]

    public init(imageIndex: Int, label: Int, predicted: Int?, image: LabeledImages, layers: [Layer]) {
        precondition(image.count == 1, "feature maps are of one image, got \(image.count)")
        self.imageIndex = imageIndex
        self.label = label
        self.predicted = predicted
        self.image = image
        self.layers = layers
    }
}
