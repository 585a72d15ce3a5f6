import Datasets
import Metrics

/// Everything a run report shows, as plain data: what the pipeline hands to ``ReportWriter``.
///
/// The Report module knows nothing about the training engine; the pipeline fills this in from
/// the run's metric stream, its configuration and its predictions on the test set.
public struct RunReport {
    public var title: String
    public var dataset: DatasetSummary
    public var preset: PresetSummary?
    public var status: RunStatus
    /// Why the run ended this way, e.g. "loss became NaN at step 1234".
    public var statusMessage: String?

    public var epochs: [EpochRecord]
    public var steps: [StepRecord]
    public var test: TestRecord?
    /// The epoch with the lowest validation loss, when there is a validation split.
    public var bestEpoch: Int?
    /// Whether the weights of ``bestEpoch`` were restored before testing.
    public var restoredBestWeights: Bool
    public var plannedEpochs: Int
    /// Optimisation steps per epoch, to place per-step losses on the epoch axis.
    public var stepsPerEpoch: Int?
    public var trainSeconds: Double
    public var samplesPerSecond: Double

    /// Option name and value, in the order they should be listed.
    public var hyperparameters: [(name: String, value: String)]
    /// Layer sizes and activations, e.g. 784 → 256 (relu) → 10 (softmax).
    public var layers: [LayerSummary]
    /// How raw pixel bytes become network inputs, in words.
    public var inputTransform: String
    public var environment: [(name: String, value: String)]
    /// The exact command line that reproduces the run.
    public var command: String
    public var version: String
    /// Extra explanations shown under the preset (e.g. why a preset saturates).
    public var notes: [ReportNote]

    /// First-layer weights, `units x (rows*columns)` row-major, for the weight tiles.
    public var firstLayerWeights: [Float]?
    /// Training images for the samples grid.
    public var samples: LabeledImages?
    /// The test images in evaluation order, with their true labels.
    public var testImages: LabeledImages?
    /// `testImages.count x classCount` predicted probabilities.
    public var testProbabilities: [Float]?

    public init(
        title: String, dataset: DatasetSummary, preset: PresetSummary? = nil, status: RunStatus,
        statusMessage: String? = nil, epochs: [EpochRecord], steps: [StepRecord], test: TestRecord?,
        bestEpoch: Int? = nil, restoredBestWeights: Bool = false, plannedEpochs: Int, stepsPerEpoch: Int? = nil,
        trainSeconds: Double,
        samplesPerSecond: Double, hyperparameters: [(name: String, value: String)], layers: [LayerSummary],
        inputTransform: String, environment: [(name: String, value: String)], command: String, version: String,
        notes: [ReportNote] = [], firstLayerWeights: [Float]? = nil, samples: LabeledImages? = nil,
        testImages: LabeledImages? = nil, testProbabilities: [Float]? = nil
    ) {
        self.title = title
        self.dataset = dataset
        self.preset = preset
        self.status = status
        self.statusMessage = statusMessage
        self.epochs = epochs
        self.steps = steps
        self.test = test
        self.bestEpoch = bestEpoch
        self.restoredBestWeights = restoredBestWeights
        self.plannedEpochs = plannedEpochs
        self.stepsPerEpoch = stepsPerEpoch
        self.trainSeconds = trainSeconds
        self.samplesPerSecond = samplesPerSecond
        self.hyperparameters = hyperparameters
        self.layers = layers
        self.inputTransform = inputTransform
        self.environment = environment
        self.command = command
        self.version = version
        self.notes = notes
        self.firstLayerWeights = firstLayerWeights
        self.samples = samples
        self.testImages = testImages
        self.testProbabilities = testProbabilities
    }

    /// Test-set statistics, when the run produced predictions.
    public var statistics: ClassificationStatistics? {
        guard let testImages, let testProbabilities,
            testProbabilities.count == testImages.count * dataset.classNames.count
        else { return nil }
        return ClassificationStatistics(
            labels: testImages.labels.map(Int.init), probabilities: testProbabilities,
            classCount: dataset.classNames.count)
    }
}

/// The data set a run used.
public struct DatasetSummary: Sendable, Equatable {
    /// Short name: "mnist", "fashion".
    public var name: String
    /// Name for people: "MNIST", "Fashion-MNIST".
    public var displayName: String
    public var classNames: [String]
    public var trainCount: Int
    public var validationCount: Int
    public var testCount: Int
    /// Where the files were read from.
    public var source: String

    public init(
        name: String, displayName: String, classNames: [String], trainCount: Int, validationCount: Int,
        testCount: Int, source: String
    ) {
        self.name = name
        self.displayName = displayName
        self.classNames = classNames
        self.trainCount = trainCount
        self.validationCount = validationCount
        self.testCount = testCount
        self.source = source
    }
}

/// A named preset, where it comes from, and what its write-up published.
public struct PresetSummary: Sendable, Equatable {
    public var name: String
    /// One or two sentences: which write-up or course the preset reproduces.
    public var origin: String
    /// Published figures beside this run's own: (what, published value, this run's value).
    public var comparisons: [(name: String, published: String, measured: String)]

    public init(name: String, origin: String, comparisons: [(name: String, published: String, measured: String)]) {
        self.name = name
        self.origin = origin
        self.comparisons = comparisons
    }

    public static func == (a: PresetSummary, b: PresetSummary) -> Bool {
        a.name == b.name && a.origin == b.origin && a.comparisons.count == b.comparisons.count
            && zip(a.comparisons, b.comparisons).allSatisfy { $0 == $1 }
    }
}

/// One dense layer as the report lists it.
public struct LayerSummary: Sendable, Equatable {
    public var inputs: Int
    public var outputs: Int
    public var activation: String

    public init(inputs: Int, outputs: Int, activation: String) {
        self.inputs = inputs
        self.outputs = outputs
        self.activation = activation
    }
}

/// A titled paragraph in the report.
public struct ReportNote: Sendable, Equatable {
    public var title: String
    public var text: String

    public init(title: String, text: String) {
        self.title = title
        self.text = text
    }
}
