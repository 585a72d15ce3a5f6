import Foundation
import ArgumentParser
import Engine
import NNReportKit

/// The training options (README, "Commands, options and presets"); each overrides one value of the chosen preset.
struct TrainingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Start from a named preset.", valueName: "name"))
    var preset: PresetName?

    @Option(help: ArgumentHelp("Hidden layer widths, comma-separated, e.g. 256,128,64.", valueName: "widths"))
    var hidden: LayerWidths?

    @Option(help: ArgumentHelp("Hidden activation.", valueName: "name"))
    var activation: Activation?

    @Option(help: ArgumentHelp("Optimizer.", valueName: "name"))
    var optimizer: OptimizerKind?

    @Option(name: .customLong("lr"), help: ArgumentHelp("Learning rate, e.g. 0.001.", valueName: "rate"))
    var learningRate: Double?

    @Option(help: ArgumentHelp("Momentum coefficient for --optimizer momentum, in [0, 1).", valueName: "mu"))
    var momentum: Double?

    @Option(
        name: .customLong("lr-schedule"),
        help: ArgumentHelp("Learning-rate schedule.", valueName: "name"))
    var lrSchedule: ScheduleKind?

    @Option(
        name: .customLong("lr-decay"),
        help: ArgumentHelp(
            "Learning-rate factor: per epoch for exponential (implied when no schedule is named), per step of --lr-step-epochs for step.",
            valueName: "factor"))
    var lrDecay: Double?

    @Option(
        name: .customLong("lr-step-epochs"),
        help: ArgumentHelp("Epochs between decays of the step schedule.", valueName: "n"))
    var lrStepEpochs: Int?

    @Option(
        name: .customLong("batch-size"),
        help: ArgumentHelp("Mini-batch size (1 = one sample at a time).", valueName: "n"))
    var batchSize: Int?

    @Option(help: ArgumentHelp("Number of passes over the training split.", valueName: "n"))
    var epochs: Int?

    @Option(
        name: .customLong("max-iterations"),
        help: ArgumentHelp("Stop after this many optimisation steps, even mid-epoch.", valueName: "n"))
    var maxIterations: Int?

    @Option(help: ArgumentHelp("Dropout rate after each hidden layer, in [0, 1).", valueName: "rate"))
    var dropout: Double?

    @Option(
        name: .customLong("weight-decay"),
        help: ArgumentHelp("L2 coefficient λ: adds λ·ΣW² over the weights to the loss.", valueName: "lambda"))
    var weightDecay: Double?

    @Option(
        name: .customLong("init"),
        help: ArgumentHelp("Weight initialiser: he, xavier, pytorch, homework or gaussian:STD.", valueName: "name"))
    var initializer: String?

    @Option(help: ArgumentHelp("Seed of every random choice (initialisation, shuffling, dropout).", valueName: "n"))
    var seed: UInt64?

    @Option(
        help: ArgumentHelp(
            "Early stopping: stop after this many epochs without a lower validation loss and restore the best weights.",
            valueName: "epochs"))
    var patience: Int?

    @Flag(name: .customLong("no-early-stopping"), help: "Turn off early stopping even when the preset uses it.")
    var noEarlyStopping = false

    @Option(
        help: ArgumentHelp(
            "Images held out of the training set for validation (the last ones of the file).", valueName: "n"))
    var validation: Int?

    @Option(
        name: .customLong("train-limit"),
        help: ArgumentHelp("Train on at most this many images (for quick runs).", valueName: "n"))
    var trainLimit: Int?

    @Option(
        name: .customLong("input-transform"),
        help: ArgumentHelp("How pixels become inputs.", valueName: "name"))
    var inputTransform: InputTransformKind?

    @Flag(inversion: .prefixedNo, help: "Shuffle the training images every epoch (seeded).")
    var shuffle: Bool?

    // One text for `nnreport mnist` and `nnreport sweep`, which share these options: a sweep's
    // trials default to SweepPlan.defaultThreads, not the preset's count.
    @Option(
        help: ArgumentHelp(
            "BLAS threads (default: the preset's, 2; in a sweep, 1 per trial whatever --jobs is).", valueName: "n"))
    var threads: Int?

    var overrides: TrainingOverrides {
        var o = TrainingOverrides()
        o.hidden = hidden?.widths
        o.activation = activation?.rawValue
        o.optimizer = optimizer?.rawValue
        o.learningRate = learningRate
        o.momentum = momentum
        o.lrSchedule = lrSchedule?.rawValue
        o.lrDecay = lrDecay
        o.lrStepEpochs = lrStepEpochs
        o.batchSize = batchSize
        o.epochs = epochs
        o.maxIterations = maxIterations
        o.dropout = dropout
        o.weightDecay = weightDecay
        o.initializer = initializer
        o.seed = seed
        o.patience = patience
        o.noEarlyStopping = noEarlyStopping
        o.validation = validation
        o.trainLimit = trainLimit
        o.inputTransform = inputTransform?.rawValue
        o.shuffle = shuffle
        o.threads = threads
        return o
    }
}

/// `--hidden 256,128,64`.
struct LayerWidths: ExpressibleByArgument {
    var widths: [Int]

    init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap { Int($0) }
        guard !parts.isEmpty, values.count == parts.count else { return nil }
        widths = values
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
