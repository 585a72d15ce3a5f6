/// A metric per epoch for training and (optionally) validation, as the trainer logs it.
public struct EpochSeries: Hashable, Sendable {
    /// Epoch numbers, usually 1...n.
    public var epochs: [Int]
    public var train: [Double]
    /// Nil where no validation value was logged (drawn as a gap).
    public var validation: [Double?]

    public init(epochs: [Int], train: [Double], validation: [Double?] = []) {
        precondition(train.count == epochs.count, "\(epochs.count) epochs but \(train.count) training values")
        precondition(
            validation.isEmpty || validation.count == epochs.count,
            "\(epochs.count) epochs but \(validation.count) validation values")
        self.epochs = epochs
        self.train = train
        self.validation = validation
    }

    var hasValidation: Bool { validation.contains { $0 != nil } }
}

/// A labelled vertical line on the epoch axis: the best epoch, an early stop, an LR change.
public struct EpochMarker: Hashable, Sendable {
    public var epoch: Double
    public var label: String

    public init(epoch: Double, label: String) {
        self.epoch = epoch
        self.label = label
    }

    /// "best epoch N".
    public static func best(_ epoch: Int) -> EpochMarker {
        EpochMarker(epoch: Double(epoch), label: "best epoch \(epoch)")
    }

    /// "early stop" at the epoch training stopped.
    public static func earlyStop(_ epoch: Int) -> EpochMarker { EpochMarker(epoch: Double(epoch), label: "early stop") }
}
