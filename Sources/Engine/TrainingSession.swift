import Randomness
import Datasets
import Foundation
import LinearAlgebra
import Metrics

/// One run's state: the model, its buffers, the optimizer and the bookkeeping of the loop.
/// Everything is allocated in `init`; the step loop allocates nothing.
struct TrainingSession {
    let config: TrainingConfiguration
    let train: LabeledImages
    let test: LabeledImages
    let classCount: Int
    let splits: Trainer.Splits
    let sink: any MetricSink
    let shouldStop: @Sendable () -> Bool

    let model: Model
    let best: Model?
    let optimizer: any Optimizer
    let trainSpace: Workspace
    let evalSpace: Workspace
    let loader: BatchLoader
    let transform: InputTransform
    var permutation: [Int]
    var shuffleGenerator: SplitMix64
    var dropoutGenerator: SplitMix64

    let stepsPerEpoch: Int
    let totalSteps: Int
    let plannedEpochs: Int
    /// Steps between two `step` events: about a thousand points per run.
    let stepInterval: Int

    /// The state to continue from (a resumed run); nil starts at epoch 1.
    var resumeFrom: TrainingCheckpoint? = nil
    /// Called at the end of every epoch with the state to continue from after it.
    var onCheckpoint: ((TrainingCheckpoint) throws -> Void)? = nil

    init(
        config: TrainingConfiguration, train: LabeledImages, test: LabeledImages, classCount: Int,
        splits: Trainer.Splits, sink: any MetricSink, shouldStop: @escaping @Sendable () -> Bool
    ) {
        self.config = config
        self.train = train
        self.test = test
        self.classCount = classCount
        self.splits = splits
        self.sink = sink
        self.shouldStop = shouldStop
        let pixels = train.imageSize
        transform = config.inputTransform.transform(images: train.pixels, pixels: pixels, indices: splits.train)
        var initGenerator = SplitMix64(seed: config.seed, stream: 1)
        let network = Network.random(
            sizes: [pixels] + config.hidden + [classCount], activation: config.activation,
            initializer: config.initializer, inputTransform: transform, generator: &initGenerator)
        model = Model(network: network)
        best = splits.validation.isEmpty ? nil : Model(network: network)
        let counts = model.parameters.map(\.values.count)
        switch config.optimizer {
        case .sgd: optimizer = SGDOptimizer()
        case .momentum: optimizer = MomentumOptimizer(parameterCounts: counts, momentum: Float(config.momentum))
        case .adam:
            optimizer = AdamOptimizer(
                parameterCounts: counts, beta1: Float(config.beta1), beta2: Float(config.beta2),
                epsilon: Float(config.epsilon), threads: config.threads)
        }
        let batch = Swift.min(config.batchSize, splits.train.count)
        trainSpace = Workspace(sizes: model.sizes, capacity: batch, dropout: config.dropout > 0)
        evalSpace = Workspace(sizes: model.sizes, capacity: 1000, dropout: false, training: false)
        loader = BatchLoader(transform: transform, pixels: pixels)
        permutation = Array(splits.train)
        shuffleGenerator = SplitMix64(seed: config.seed, stream: 2)
        dropoutGenerator = SplitMix64(seed: config.seed, stream: 3)
        stepsPerEpoch = (splits.train.count + batch - 1) / batch
        totalSteps = Swift.min(config.epochs * stepsPerEpoch, config.maxIterations ?? Int.max)
        plannedEpochs = (totalSteps + stepsPerEpoch - 1) / stepsPerEpoch
        stepInterval = Swift.max(1, totalSteps / 1000)
    }
}
