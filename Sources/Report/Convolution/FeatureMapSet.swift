import Datasets

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
