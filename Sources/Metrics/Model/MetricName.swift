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
/// `Loss/val` (PyTorch tutorials), `val_loss_epoch` (Lightning), `eval/loss` (DVCLive, Hugging
/// Face) and `val/box_loss` (Ultralytics) all name validation values; `acc` becomes `accuracy`,
/// `learning_rate` and `lr-Adam` become `lr`.
///
/// The split comes from the name wherever the name says it: `train`, `val`, `valid`,
/// `validation`, `eval`, `evaluation` or `test` (any case) as a path part (`Loss/val`), or as
/// a prefix or suffix joined by `_`, `-`, `.` or a space (`val_loss`, `Loss-Test`). A name that
/// states no split is read as training and says so (``splitIsStated``).
public struct MetricName: Sendable, Hashable, CustomStringConvertible {
    public var split: MetricSplit
    /// False when the name states no split (`loss`): the split is then `.train` by convention.
    public var splitIsStated: Bool
    /// The canonical lowercase quantity that groups series onto one chart: `loss`, `accuracy`,
    /// `lr`, `map50(b)`.
    public var quantity: String
    /// The quantity as the log spelled it, case kept: `mAP50(B)`, `Loss`, `lr`.
    public var label: String
    /// A line of a chart that holds several lines of one quantity and split: the key of a
    /// PyTorch `add_scalars` call (`grouped` with `a` and `b`), a parameter group (`lr/pg0`).
    public var line: String?
    /// The cadence the name itself states (`_step`, `_epoch`, `epoch_`, `batch_`), if any.
    public var cadence: MetricCadence?

    public init(
        split: MetricSplit, quantity: String, label: String? = nil, line: String? = nil,
        cadence: MetricCadence? = nil, splitIsStated: Bool = true
    ) {
        self.split = split
        self.splitIsStated = splitIsStated
        self.quantity = quantity
        self.label = label ?? quantity
        self.line = line
        self.cadence = cadence
    }

    /// The canonical spelling: `loss`, `val_loss`, `test_loss`; `lr/pg0` for a line of `lr`.
    public var canonical: String {
        let base = line.map { quantity + "/" + $0.lowercased() } ?? quantity
        switch split {
        case .train: return base
        case .validation: return "val_" + base
        case .test: return "test_" + base
        }
    }

    public var description: String { canonical }

    /// The canonical spelling with the quantity as logged, case kept: `val_mAP50(B)`.
    public var display: String {
        // Aliases (`acc`, `learning_rate`) and a capitalised first letter (`Loss`) give way to
        // the canonical quantity; other spellings (`mAP50(B)`) are kept.
        let shown = label.lowercased() != quantity || label.dropFirst() == quantity.dropFirst() ? quantity : label
        let base = line.map { shown + "/" + $0 } ?? shown
        switch split {
        case .train: return base
        case .validation: return "val_" + base
        case .test: return "test_" + base
        }
    }

    /// Parses a metric name as written by any supported tool.
    public init(parsing raw: String) {
        var components = raw.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if components.isEmpty { components = [raw] }
        var split: MetricSplit?
        var cadence: MetricCadence?

        // Cadence words on the last part: Keras's TensorBoard callback (epoch_loss, batch_loss,
        // evaluation_loss_vs_iterations) and Lightning's on_step / on_epoch suffixes.
        var last = components[components.count - 1]
        if let inner = last.strippingPrefix("evaluation_", caseSensitive: false)?
            .strippingSuffix("_vs_iterations", caseSensitive: false)
        {
            last = inner
            split = .validation
            cadence = .step
        } else if let inner = last.strippingPrefix("epoch_", caseSensitive: false) {
            last = inner
            cadence = .epoch
        } else if let inner = last.strippingPrefix("batch_", caseSensitive: false) {
            last = inner
            cadence = .step
        }
        if let inner = last.strippingSuffix("_step", caseSensitive: false) {
            last = inner
            cadence = .step
        } else if let inner = last.strippingSuffix("_epoch", caseSensitive: false) {
            last = inner
            cadence = .epoch
        }
        components[components.count - 1] = last

        // A split word as a whole path part: first part (train/loss), else last (Loss/val),
        // else any other. (Keras's validation/evaluation_loss_vs_iterations says it twice.)
        if components.count >= 2 {
            let order = [0, components.count - 1] + Array(1..<max(1, components.count - 1))
            for index in order {
                if let found = Self.splitWords[components[index].lowercased()] {
                    split = split ?? found
                    components.remove(at: index)
                    break
                }
            }
        }
        // A split word joined to a part: val_loss, loss_val, Val-Acc.
        if split == nil {
            search: for index in components.indices.reversed() {
                for (word, found) in Self.splitWordList {
                    if let (rest, _) = Self.strippingWord(word, from: components[index]) {
                        split = found
                        components[index] = rest
                        break search
                    }
                }
            }
        }
        var label = components.joined(separator: "/")
        var line: String?
        // A parameter group of a learning rate (Ultralytics lr/pg0, Lightning lr-SGD/pg1) is a
        // line of the learning-rate chart.
        if components.count >= 2, Self.canonicalQuantity(components[0].lowercased()) == "lr" {
            label = components[0]
            line = components.dropFirst().joined(separator: "/")
        }
        self.init(
            split: split ?? .train, quantity: Self.canonicalQuantity(label.lowercased()), label: label, line: line,
            cadence: cadence, splitIsStated: split != nil)
    }

    /// Split words, case-insensitively.
    static let splitWords: [String: MetricSplit] = [
        "train": .train, "training": .train,
        "val": .validation, "valid": .validation, "validation": .validation,
        "eval": .validation, "evaluation": .validation,
        "test": .test,
    ]

    /// The split words, longest first, so that `validation_loss` is not read as `valid` + `ation_loss`.
    static let splitWordList: [(String, MetricSplit)] = splitWords.sorted {
        ($0.key.count, $0.key) > ($1.key.count, $1.key)
    }.map { ($0.key, $0.value) }

    /// The part without a split word joined to it by `_`, `-`, `.` or a space, at its start or its
    /// end, and whether it was the start; nil when the part has no such word or is nothing more.
    static func strippingWord(_ word: String, from part: String) -> (String, Bool)? {
        let lower = part.lowercased()
        let separators: Set<Character> = ["_", "-", ".", " "]
        if lower.count > word.count + 1, lower.hasPrefix(word),
            separators.contains(lower[lower.index(lower.startIndex, offsetBy: word.count)])
        {
            return (String(part.dropFirst(word.count + 1)), true)
        }
        if lower.count > word.count + 1, lower.hasSuffix(word),
            separators.contains(lower[lower.index(lower.endIndex, offsetBy: -word.count - 1)])
        {
            return (String(part.dropLast(word.count + 1)), false)
        }
        return nil
    }

    /// Aliases between the tools' spellings of one quantity (lowercase in, lowercase out).
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
    func strippingPrefix(_ prefix: String, caseSensitive: Bool = true) -> String? {
        guard count > prefix.count else { return nil }
        let head = caseSensitive ? String(self.prefix(prefix.count)) : self.prefix(prefix.count).lowercased()
        guard head == prefix else { return nil }
        return String(dropFirst(prefix.count))
    }

    /// The string without `suffix`, or nil when it does not end with it or is nothing more.
    func strippingSuffix(_ suffix: String, caseSensitive: Bool = true) -> String? {
        guard count > suffix.count else { return nil }
        let tail = caseSensitive ? String(self.suffix(suffix.count)) : self.suffix(suffix.count).lowercased()
        guard tail == suffix else { return nil }
        return String(dropLast(suffix.count))
    }
}
