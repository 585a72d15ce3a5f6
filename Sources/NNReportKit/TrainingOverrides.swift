import Engine

/// Training options given on the command line; `nil` means "keep the preset's value".
///
/// The CLI fills this in; ``apply(to:)`` puts it on top of the chosen preset, so every preset
/// value can be overridden by its own option, and then the engine checks the ranges.
public struct TrainingOverrides: Sendable, Equatable {
    public var hidden: [Int]?
    public var activation: String?
    public var optimizer: String?
    public var learningRate: Double?
    public var momentum: Double?
    /// Per-epoch learning-rate factor; implies the exponential schedule unless one is named.
    public var lrDecay: Double?
    /// constant | step | exponential | cosine
    public var lrSchedule: String?
    /// Epochs between decays of the step schedule.
    public var lrStepEpochs: Int?
    public var batchSize: Int?
    public var epochs: Int?
    public var maxIterations: Int?
    public var dropout: Double?
    public var weightDecay: Double?
    public var initializer: String?
    public var seed: UInt64?
    public var patience: Int?
    /// Turns early stopping off even when the preset has it.
    public var noEarlyStopping: Bool = false
    public var validation: Int?
    public var trainLimit: Int?
    public var inputTransform: String?
    public var shuffle: Bool?
    public var threads: Int?

    public init() {}

    /// `configuration` with every given option replaced.
    ///
    /// - Throws: ``OptionError`` for a name that is not one of the allowed ones (the message lists them).
    public func apply(to configuration: TrainingConfiguration) throws(OptionError) -> TrainingConfiguration {
        var c = configuration
        if let hidden { c.hidden = hidden }
        if let activation {
            guard let value = Activation(rawValue: activation.lowercased()) else {
                throw OptionError(
                    option: "--activation", value: activation, allowed: Activation.allCases.map(\.rawValue))
            }
            c.activation = value
        }
        if let optimizer {
            guard let value = OptimizerKind(rawValue: optimizer.lowercased()) else {
                throw OptionError(
                    option: "--optimizer", value: optimizer, allowed: OptimizerKind.allCases.map(\.rawValue))
            }
            c.optimizer = value
        }
        if let learningRate { c.learningRate = learningRate }
        if let momentum { c.momentum = momentum }
        if let lrSchedule {
            guard let kind = ScheduleKind(name: lrSchedule) else {
                throw OptionError(
                    option: "--lr-schedule", value: lrSchedule, allowed: ScheduleKind.allCases.map(\.rawValue))
            }
            switch kind {
            case .constant: c.schedule = .constant
            case .step: c.schedule = .step(everyEpochs: lrStepEpochs ?? 10, factor: lrDecay ?? 0.1)
            case .exponential: c.schedule = .exponential(factor: lrDecay ?? 0.98)
            case .cosine: c.schedule = .cosine(minimum: 0)
            }
        } else if let lrDecay {
            switch c.schedule {
            case .step(let every, _): c.schedule = .step(everyEpochs: lrStepEpochs ?? every, factor: lrDecay)
            default: c.schedule = .exponential(factor: lrDecay)
            }
        } else if let lrStepEpochs, case .step(_, let factor) = c.schedule {
            c.schedule = .step(everyEpochs: lrStepEpochs, factor: factor)
        }
        if let batchSize { c.batchSize = batchSize }
        if let epochs { c.epochs = epochs }
        if let maxIterations { c.maxIterations = maxIterations }
        if let dropout { c.dropout = dropout }
        if let weightDecay { c.weightDecay = weightDecay }
        if let initializer {
            guard let value = Initializer(name: initializer) else {
                throw OptionError(option: "--init", value: initializer, allowed: Initializer.names)
            }
            c.initializer = value
        }
        if let seed { c.seed = seed }
        if let patience { c.patience = patience }
        if noEarlyStopping { c.patience = nil }
        if let validation { c.validationCount = validation }
        if let trainLimit { c.trainLimit = trainLimit }
        if let inputTransform {
            guard let value = InputTransformKind(rawValue: inputTransform.lowercased()) else {
                throw OptionError(
                    option: "--input-transform", value: inputTransform,
                    allowed: InputTransformKind.allCases.map(\.rawValue))
            }
            c.inputTransform = value
        }
        if let shuffle { c.shuffle = shuffle }
        if let threads { c.threads = threads }
        return c
    }
}

/// A command-line value that is not one of the allowed names.
public struct OptionError: Error, Equatable, CustomStringConvertible {
    public var option: String
    public var value: String
    public var allowed: [String]

    public init(option: String, value: String, allowed: [String]) {
        self.option = option
        self.value = value
        self.allowed = allowed
    }

    public var description: String {
        "invalid \(option) '\(value)': expected one of \(allowed.joined(separator: ", "))"
    }
}
