/// Problems with the data handed to the trainer.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// The training and test images differ in size.
    case imageSizeMismatch(train: Int, test: Int)
    /// A label is not below the class count.
    case labelOutOfRange(split: String, index: Int, label: Int, classCount: Int)
    /// There are no images to train on.
    case noTrainingImages(available: Int, validation: Int)
    case invalidConfiguration(ConfigurationError)

    public var description: String {
        switch self {
        case .imageSizeMismatch(let train, let test):
            "training images have \(train) pixels but test images have \(test): use the training and test files of the same dataset"
        case .labelOutOfRange(let split, let index, let label, let classCount):
            "\(split) label \(label) at index \(index) is outside 0..<\(classCount): the label file does not match the dataset"
        case .noTrainingImages(let available, let validation):
            "no training images left: \(available) images with \(validation) held out for validation; lower --validation"
        case .invalidConfiguration(let error):
            error.description
        }
    }
}
