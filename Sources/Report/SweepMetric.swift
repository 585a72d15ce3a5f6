/// A per-epoch quantity the sweep report draws.
public enum SweepMetric: String, Sendable, CaseIterable {
    case loss
    case accuracy
    case validationLoss = "val_loss"
    case validationAccuracy = "val_accuracy"

    /// "validation accuracy".
    public var words: String {
        switch self {
        case .loss: "training loss"
        case .accuracy: "training accuracy"
        case .validationLoss: "validation loss"
        case .validationAccuracy: "validation accuracy"
        }
    }

}
