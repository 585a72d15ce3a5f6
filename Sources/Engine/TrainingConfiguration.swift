/// Every option of a training run, as a plain value the command line edits.
///
/// Presets (``Preset``) fill it; each option of `nnreport mnist` then overrides one field.
/// ``json`` lists every field for the `run` event and summary.json.
public struct TrainingConfiguration: Sendable, Equatable {
    /// Widths of the hidden layers, e.g. `[256, 128, 64]`. For a `layers` network, the widths of
    /// its fc items.
    public var hidden: [Int]
    /// A network with convolutions (`--layers conv5x5x32,pool2,fc512`); nil for a multilayer
    /// perceptron of `hidden` widths.
    public var layers: [LayerSpec]?
    public var activation: Activation
    public var optimizer: OptimizerKind
    public var learningRate: Double
    /// Momentum coefficient μ for `.momentum`.
    public var momentum: Double
    /// Adam's β1, β2 and ε.
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var schedule: LearningRateSchedule
    public var batchSize: Int
    public var epochs: Int
    /// Stop after this many optimisation steps even inside an epoch (cs231n counts iterations).
    public var maxIterations: Int?
    /// Dropout rate after each hidden layer, in [0, 1).
    public var dropout: Double
    /// L2 coefficient λ: the loss gains `λ Σ W²` over the weights (not the biases).
    public var weightDecay: Double
    public var initializer: Initializer
    public var seed: UInt64
    /// Early stopping: stop after this many epochs without a lower validation loss, and restore
    /// the weights of the best epoch. Needs a validation split.
    public var patience: Int?
    /// Images held out of the training set for validation: the last ones of the training file
    /// (as Keras's `validation_split` does), the same for every seed.
    public var validationCount: Int
    /// Train on at most this many images (the first ones after the validation split is removed).
    public var trainLimit: Int?
    public var inputTransform: InputTransformKind
    /// Shuffle the training images every epoch (seeded); false keeps file order.
    public var shuffle: Bool
    /// BLAS threads.
    public var threads: Int

    public init(
        hidden: [Int], activation: Activation = .relu, optimizer: OptimizerKind = .adam,
        learningRate: Double = 1e-3, momentum: Double = 0.9, beta1: Double = 0.9, beta2: Double = 0.999,
        epsilon: Double = 1e-8, schedule: LearningRateSchedule = .constant, batchSize: Int = 64, epochs: Int = 10,
        maxIterations: Int? = nil, dropout: Double = 0, weightDecay: Double = 0, initializer: Initializer = .he,
        seed: UInt64 = 42, patience: Int? = nil, validationCount: Int = 5000, trainLimit: Int? = nil,
        inputTransform: InputTransformKind = .unit, shuffle: Bool = true, threads: Int = 2, layers: [LayerSpec]? = nil
    ) {
        self.hidden = hidden
        self.layers = layers
        self.activation = activation
        self.optimizer = optimizer
        self.learningRate = learningRate
        self.momentum = momentum
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.schedule = schedule
        self.batchSize = batchSize
        self.epochs = epochs
        self.maxIterations = maxIterations
        self.dropout = dropout
        self.weightDecay = weightDecay
        self.initializer = initializer
        self.seed = seed
        self.patience = patience
        self.validationCount = validationCount
        self.trainLimit = trainLimit
        self.inputTransform = inputTransform
        self.shuffle = shuffle
        self.threads = threads
    }
}
