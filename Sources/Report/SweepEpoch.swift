/// The per-epoch figures of one trial.
public struct SweepEpoch: Sendable, Equatable {
    public var epoch: Int
    public var loss: Double
    public var accuracy: Double
    public var valLoss: Double?
    public var valAccuracy: Double?

    public init(epoch: Int, loss: Double, accuracy: Double, valLoss: Double?, valAccuracy: Double?) {
        self.epoch = epoch
        self.loss = loss
        self.accuracy = accuracy
        self.valLoss = valLoss
        self.valAccuracy = valAccuracy
    }

    /// The value of `metric` at this epoch, nil when not logged or not finite.
    public func value(_ metric: SweepMetric) -> Double? {
        let v: Double?
        switch metric {
        case .loss: v = loss
        case .accuracy: v = accuracy
        case .validationLoss: v = valLoss
        case .validationAccuracy: v = valAccuracy
        }
        guard let v, v.isFinite else { return nil }
        return v
    }
}
