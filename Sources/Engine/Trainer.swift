import Datasets
import Foundation
import LinearAlgebra
import Metrics
import Randomness

/// Trains a network on a training set, validates on the held-out split, evaluates on the test
/// set, and streams metric events to a sink.
///
/// Splits: the last ``TrainingConfiguration/validationCount`` images of `train` are the
/// validation split; training uses the images before them (the first
/// ``TrainingConfiguration/trainLimit`` of those). Input transforms are computed from the
/// training split alone.
///
/// Determinism: with the same configuration, data and thread count, every event is identical
/// apart from its time fields (`time`, `seconds`).
public final class Trainer {
    public let configuration: TrainingConfiguration
    let train: LabeledImages
    let test: LabeledImages
    let classCount: Int
    let sink: any MetricSink
    let shouldStop: @Sendable () -> Bool
    /// The state to continue from: a ``TrainingCheckpoint`` an earlier run with the same
    /// configuration, data and thread count handed to its ``checkpointHandler``. The run then
    /// emits a `resume` event instead of `run`, and its results are those of the earlier run
    /// had it never stopped.
    public var resumeFrom: TrainingCheckpoint?
    /// Called on the training thread at the end of every epoch (after its `epoch` event) with
    /// the state to continue from; what it throws ends the run with that error.
    public var checkpointHandler: ((TrainingCheckpoint) throws -> Void)?

    /// - Parameters:
    ///   - shouldStop: polled before every step; returning true ends the run with status
    ///     `interrupted` (the pipeline's Ctrl-C handler sets a flag this reads).
    public init(
        configuration: TrainingConfiguration, train: LabeledImages, test: LabeledImages, classCount: Int = 10,
        sink: any MetricSink, shouldStop: @escaping @Sendable () -> Bool = { false }
    ) {
        self.configuration = configuration
        self.train = train
        self.test = test
        self.classCount = classCount
        self.sink = sink
        self.shouldStop = shouldStop
    }

    /// Image ranges of the three splits.
    public struct Splits: Equatable, Sendable {
        public var train: Range<Int>
        public var validation: Range<Int>
    }

    /// Optimisation steps in one epoch: the training split in batches, the last one possibly short.
    public static func stepsPerEpoch(for configuration: TrainingConfiguration, count: Int) -> Int {
        let split = splits(for: configuration, count: count).train.count
        let batch = Swift.max(1, Swift.min(configuration.batchSize, split))
        return (split + batch - 1) / batch
    }

    /// The training and validation ranges `configuration` gives for a training file of `count` images.
    public static func splits(for configuration: TrainingConfiguration, count: Int) -> Splits {
        let validation = Swift.min(configuration.validationCount, count)
        let available = count - validation
        let trainCount = Swift.min(configuration.trainLimit ?? available, available)
        return Splits(train: 0..<trainCount, validation: available..<count)
    }

    /// Runs the whole training and returns the result; metric events go to the sink as they happen.
    ///
    /// - Throws: ``TrainingError`` for unusable data or options; ``CheckpointError`` for a
    ///   ``resumeFrom`` that does not fit the run; whatever the sink or the checkpoint handler throws.
    public func run() throws -> TrainingResult {
        let config = configuration
        do {
            try config.validate(trainingImages: train.count)
        } catch {
            throw TrainingError.invalidConfiguration(error)
        }
        guard train.imageSize == test.imageSize else {
            throw TrainingError.imageSizeMismatch(train: train.imageSize, test: test.imageSize)
        }
        try Self.checkLabels(train, split: "training", classCount: classCount)
        try Self.checkLabels(test, split: "test", classCount: classCount)
        let splits = Self.splits(for: config, count: train.count)
        guard !splits.train.isEmpty else {
            throw TrainingError.noTrainingImages(available: train.count, validation: config.validationCount)
        }
        BLAS.setThreads(config.threads)
        let transform = config.inputTransform.transform(
            images: train.pixels, pixels: train.imageSize, indices: splits.train)
        var initGenerator = SplitMix64(seed: config.seed, stream: 1)
        if let specs = config.layers {
            let architecture: ConvArchitecture
            do {
                architecture = try ConvArchitecture(
                    specs: specs, input: TensorShape(channels: 1, height: train.rows, width: train.columns),
                    classes: classCount, activation: config.activation, dropout: config.dropout)
            } catch {
                throw TrainingError.invalidConfiguration(error)
            }
            let network = ConvNetwork.random(
                architecture: architecture, initializer: config.initializer, inputTransform: transform,
                generator: &initGenerator)
            let model = ConvModel(network: network)
            model.threads = config.threads
            return try run(
                splits: splits, transform: transform, model: model,
                best: splits.validation.isEmpty ? nil : ConvModel(network: network))
        }
        let network = Network.random(
            sizes: [train.imageSize] + config.hidden + [classCount], activation: config.activation,
            initializer: config.initializer, inputTransform: transform, generator: &initGenerator)
        let model = Model(network: network), best = splits.validation.isEmpty ? nil : Model(network: network)
        model.dropoutRate = Float(config.dropout)
        best?.dropoutRate = Float(config.dropout)
        return try run(splits: splits, transform: transform, model: model, best: best)
    }

    private func run<M: TrainableModel>(splits: Splits, transform: InputTransform, model: M, best: M?) throws
        -> TrainingResult
    {
        var session = TrainingSession(
            config: configuration, train: train, test: test, classCount: classCount, splits: splits, sink: sink,
            shouldStop: shouldStop, transform: transform, model: model, best: best)
        session.resumeFrom = resumeFrom
        session.onCheckpoint = checkpointHandler
        return try session.run()
    }

    static func checkLabels(_ images: LabeledImages, split: String, classCount: Int) throws {
        if let index = images.labels.firstIndex(where: { Int($0) >= classCount }) {
            throw TrainingError.labelOutOfRange(
                split: split, index: index, label: Int(images.labels[index]), classCount: classCount)
        }
    }
}
