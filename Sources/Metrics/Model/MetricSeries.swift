import Foundation

/// One recorded value of a metric.
///
/// `step` is the global optimisation step as the log wrote it (nnreport counts from 1,
/// Lightning and TensorBoard as their writers did). `epoch` is 1-based: for an epoch-cadence
/// value, the epoch whose end it describes (Keras's and Lightning's 0-based numbers are shifted
/// on reading); for a step value, the epoch the step belongs to. A value that was NaN or
/// infinite in the log is stored as NaN: a gap in the line, not a point.
public struct MetricPoint: Sendable, Equatable {
    public var step: Int?
    public var epoch: Double?
    public var value: Double

    public init(step: Int? = nil, epoch: Double? = nil, value: Double) {
        self.step = step
        self.epoch = epoch
        self.value = value
    }

    /// False for a gap.
    public var isFinite: Bool { value.isFinite }

    public static func == (lhs: MetricPoint, rhs: MetricPoint) -> Bool {
        lhs.step == rhs.step && lhs.epoch == rhs.epoch
            && (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN))
    }
}

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

/// All recorded values of one metric at one cadence, in x order.
public struct MetricSeries: Sendable, Equatable {
    public var name: MetricName
    /// The name as the log spelled it (`val_acc`, `validation/epoch_loss`, `train_loss_step`).
    public var originalName: String
    public var cadence: MetricCadence
    public var points: [MetricPoint]

    public init(name: MetricName, originalName: String, cadence: MetricCadence, points: [MetricPoint]) {
        self.name = name
        self.originalName = originalName
        self.cadence = cadence
        self.points = points
    }

    /// `loss`, `val_loss`, ...
    public var canonicalName: String { name.canonical }

    public var goal: MetricGoal { MetricGoal(quantity: name.quantity) }

    /// The points that are not gaps.
    public var finitePoints: [MetricPoint] { points.filter(\.isFinite) }

    /// How many values were NaN or infinite in the log.
    public var gapCount: Int { points.count { !$0.isFinite } }

    /// The runs of consecutive finite points between gaps: draw each as one polyline.
    public var segments: [[MetricPoint]] {
        var result: [[MetricPoint]] = []
        var current: [MetricPoint] = []
        for point in points {
            if point.isFinite {
                current.append(point)
            } else if !current.isEmpty {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The last finite value.
    public var last: MetricPoint? { points.last(where: \.isFinite) }

    /// The best finite value by ``goal`` (the first of equal values), or nil when the goal is `.none`.
    public var best: MetricPoint? {
        let finite = finitePoints
        switch goal {
        case .minimize: return finite.min { $0.value < $1.value }
        case .maximize: return finite.max { $0.value < $1.value }
        case .none: return nil
        }
    }
}
