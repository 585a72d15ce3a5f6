/// Which part of the data a metric was measured on.
public enum MetricSplit: String, Sendable, Hashable, CaseIterable {
    case train, validation, test
}

/// How often a metric was recorded.
public enum MetricCadence: String, Sendable, Hashable {
    /// Once per optimisation step (or every few steps).
    case step
    /// Once per epoch.
    case epoch
}

/// A metric name taken apart into split, quantity and cadence, so that the naming conventions
/// of different tools meet: `val_loss`, `validation/epoch_loss` (Keras TensorBoard callback),
/// `Loss/val` (PyTorch tutorials), `val_loss_epoch` (Lightning) and `eval/loss` (DVCLive) all
/// become validation `loss`; `acc` becomes `accuracy`, `learning_rate` and `lr-Adam` become `lr`.
public struct MetricName: Sendable, Hashable, CustomStringConvertible {
    public var split: MetricSplit
    /// The canonical lowercase quantity: `loss`, `accuracy`, `lr`, or the name as given.
    public var quantity: String
    /// The cadence the name itself states (`_step`, `_epoch`, `epoch_`, `batch_`), if any.
    public var cadence: MetricCadence?

    public init(split: MetricSplit, quantity: String, cadence: MetricCadence? = nil) {
        self.split = split
        self.quantity = quantity
        self.cadence = cadence
    }

    /// The canonical spelling: `loss`, `val_loss`, `test_loss`.
    public var canonical: String {
        switch split {
        case .train: return quantity
        case .validation: return "val_" + quantity
        case .test: return "test_" + quantity
        }
    }

    public var description: String { canonical }

    /// Parses a metric name as written by any supported tool.
    public init(parsing raw: String) {
        var split: MetricSplit?
        var cadence: MetricCadence?
        var components = raw.lowercased().split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if components.count >= 2 {
            if let found = Self.splitWords[components[0]] {
                split = found
                components.removeFirst()
            } else if let found = Self.splitWords[components[components.count - 1]] {
                split = found
                components.removeLast()
            }
        }
        var name = components.joined(separator: "/")
        // Keras's TensorBoard callback: epoch_loss, batch_loss, evaluation_loss_vs_iterations.
        if let inner = name.strippingPrefix("evaluation_")?.strippingSuffix("_vs_iterations") {
            name = inner
            split = split ?? .validation
            cadence = .step
        } else if let inner = name.strippingPrefix("epoch_") {
            name = inner
            cadence = .epoch
        } else if let inner = name.strippingPrefix("batch_") {
            name = inner
            cadence = .step
        }
        // Lightning's on_step / on_epoch suffixes.
        if let inner = name.strippingSuffix("_step") {
            name = inner
            cadence = .step
        } else if let inner = name.strippingSuffix("_epoch") {
            name = inner
            cadence = .epoch
        }
        if split == nil {
            for (prefix, found) in Self.splitPrefixes {
                if let inner = name.strippingPrefix(prefix) {
                    name = inner
                    split = found
                    break
                }
            }
        }
        if split == nil {
            for (suffix, found) in Self.splitSuffixes {
                if let inner = name.strippingSuffix(suffix) {
                    name = inner
                    split = found
                    break
                }
            }
        }
        self.init(split: split ?? .train, quantity: Self.canonicalQuantity(name), cadence: cadence)
    }

    static let splitWords: [String: MetricSplit] = [
        "train": .train, "training": .train,
        "val": .validation, "valid": .validation, "validation": .validation,
        "eval": .validation, "evaluation": .validation,
        "test": .test,
    ]

    static let splitPrefixes: [(String, MetricSplit)] = [
        ("validation_", .validation), ("valid_", .validation), ("val_", .validation), ("eval_", .validation),
        ("training_", .train), ("train_", .train), ("test_", .test),
    ]

    static let splitSuffixes: [(String, MetricSplit)] = [
        ("_validation", .validation), ("_valid", .validation), ("_val", .validation), ("_eval", .validation),
        ("_training", .train), ("_train", .train), ("_test", .test),
    ]

    /// Aliases between the tools' spellings of one quantity.
    static func canonicalQuantity(_ name: String) -> String {
        switch name {
        case "acc": return "accuracy"
        case "learning_rate", "learning-rate", "learningrate": return "lr"
        default:
            // Lightning's LearningRateMonitor logs "lr-Adam", "lr-SGD/pg1".
            if name.hasPrefix("lr-") { return "lr" }
            return name
        }
    }
}

extension String {
    /// The rest of the string after `prefix`, or nil when it does not start with it or is nothing more.
    func strippingPrefix(_ prefix: String) -> String? {
        guard count > prefix.count, hasPrefix(prefix) else { return nil }
        return String(dropFirst(prefix.count))
    }

    /// The string without `suffix`, or nil when it does not end with it or is nothing more.
    func strippingSuffix(_ suffix: String) -> String? {
        guard count > suffix.count, hasSuffix(suffix) else { return nil }
        return String(dropLast(suffix.count))
    }
}
