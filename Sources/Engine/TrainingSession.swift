import Randomness
import Datasets
import Foundation
import LinearAlgebra
import Metrics

/// One run's state: the model, its buffers, the optimizer and the bookkeeping of the loop.
/// Everything is allocated in `init`; the step loop allocates nothing.
///
/// Generic over the model, so multilayer perceptrons (``Model``) and `--layers` networks
/// (``ConvModel``) run through the same loop.
struct TrainingSession<M: TrainableModel> {
    let config: TrainingConfiguration
    let train: LabeledImages
    let test: LabeledImages
    let classCount: Int
    let splits: Trainer.Splits
    let sink: any MetricSink
    let shouldStop: @Sendable () -> Bool

    let model: M
    let best: M?
    let optimizer: any Optimizer
    let trainSpace: M.Buffers
    let evalSpace: M.Buffers
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

    /// - Parameters:
    ///   - transform: the input transform, computed from the training split.
    ///   - model: the initialised model; `best` an equal copy (the best epoch's weights go
    ///     there), nil without a validation split.
    init(
        config: TrainingConfiguration, train: LabeledImages, test: LabeledImages, classCount: Int,
        splits: Trainer.Splits, sink: any MetricSink, shouldStop: @escaping @Sendable () -> Bool,
        transform: InputTransform, model: M, best: M?
    ) {
        self.config = config
        self.train = train
        self.test = test
        self.classCount = classCount
        self.splits = splits
        self.sink = sink
        self.shouldStop = shouldStop
        let pixels = train.imageSize
        self.transform = transform
        self.model = model
        self.best = best
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
        trainSpace = model.makeBuffers(capacity: batch, training: true)
        evalSpace = model.makeBuffers(capacity: model.evaluationBatch, training: false)
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
