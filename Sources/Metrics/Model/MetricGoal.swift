import Foundation

/// Whether a smaller or a larger value of a metric is better.
public enum MetricGoal: Sendable, Equatable {
    case minimize, maximize
    /// Neither (a learning rate, a time).
    case none

    /// Guessed from the quantity's name: losses and errors fall, accuracies and scores rise.
    public init(quantity: String) {
        let lowerIsBetter = ["loss", "error", "err", "mse", "mae", "rmse", "perplexity", "ppl", "nll", "wer", "cer"]
        let higherIsBetter = [
            "acc", "accuracy", "f1", "auc", "auroc", "precision", "recall", "iou", "dice", "map", "bleu", "top",
        ]
        // "top5_acc" counts as "top" and "acc"; "f1" stays "f1".
        let words = quantity.split { !$0.isLetter && !$0.isNumber }.flatMap {
            [String($0), $0.trimmingCharacters(in: .decimalDigits)]
        }
        if words.contains(where: lowerIsBetter.contains) {
            self = .minimize
        } else if words.contains(where: higherIsBetter.contains) {
            self = .maximize
        } else {
            self = .none
        }
    }
}
