/// A training option of `nnreport mnist` that a sweep can vary: its `--vary` name (the
/// option's long name without dashes), how its values are read, and which override it sets.
public struct SweepOption: Sendable {
    public enum Kind: Sendable {
        case real, integer, widths, name, flag
    }

    /// As on the command line without `--`: `lr`, `hidden`, `batch-size`.
    public let name: String
    public let kind: Kind
    let set: @Sendable (SweepValue, inout TrainingOverrides) -> Void

    /// Every option `--vary` accepts, alphabetically. `--seed` is not among them (seeds are
    /// the sweep's other dimension: `--seeds`, `--seed-list`), nor `--preset` (it sets many
    /// options at once: run one sweep per preset).
    public static let all: [SweepOption] = [
        SweepOption(name: "activation", kind: .name) { $1.activation = $0.nameValue },
        SweepOption(name: "batch-size", kind: .integer) { $1.batchSize = $0.integerValue },
        SweepOption(name: "dropout", kind: .real) { $1.dropout = $0.realValue },
        SweepOption(name: "epochs", kind: .integer) { $1.epochs = $0.integerValue },
        SweepOption(name: "hidden", kind: .widths) { $1.hidden = $0.widthsValue },
        SweepOption(name: "init", kind: .name) { $1.initializer = $0.nameValue },
        SweepOption(name: "input-transform", kind: .name) { $1.inputTransform = $0.nameValue },
        SweepOption(name: "lr", kind: .real) { $1.learningRate = $0.realValue },
        SweepOption(name: "lr-decay", kind: .real) { $1.lrDecay = $0.realValue },
        SweepOption(name: "lr-schedule", kind: .name) { $1.lrSchedule = $0.nameValue },
        SweepOption(name: "lr-step-epochs", kind: .integer) { $1.lrStepEpochs = $0.integerValue },
        SweepOption(name: "max-iterations", kind: .integer) { $1.maxIterations = $0.integerValue },
        SweepOption(name: "momentum", kind: .real) { $1.momentum = $0.realValue },
        SweepOption(name: "optimizer", kind: .name) { $1.optimizer = $0.nameValue },
        SweepOption(name: "patience", kind: .integer) { $1.patience = $0.integerValue },
        SweepOption(name: "shuffle", kind: .flag) { $1.shuffle = $0.flagValue },
        SweepOption(name: "threads", kind: .integer) { $1.threads = $0.integerValue },
        SweepOption(name: "train-limit", kind: .integer) { $1.trainLimit = $0.integerValue },
        SweepOption(name: "validation", kind: .integer) { $1.validation = $0.integerValue },
        SweepOption(name: "weight-decay", kind: .real) { $1.weightDecay = $0.realValue },
    ]

    /// The option called `name` (with or without leading dashes), nil when `--vary` does not take it.
    public static func named(_ name: String) -> SweepOption? {
        let bare = name.drop { $0 == "-" }.lowercased()
        return all.first { $0.name == bare }
    }

    /// Sets this option to `value` in `overrides`.
    func apply(_ value: SweepValue, to overrides: inout TrainingOverrides) {
        set(value, &overrides)
    }

    /// Reads one value written on the command line.
    ///
    /// - Throws: ``SweepError/badValue(option:value:expected:)`` naming what was expected.
    func parse(_ text: String) throws(SweepError) -> SweepValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .real:
            guard let v = Double(trimmed), v.isFinite else {
                throw .badValue(option: name, value: text, expected: "a number such as 0.001 or 1e-3")
            }
            return .real(v)
        case .integer:
            guard let v = Int(trimmed) else { throw .badValue(option: name, value: text, expected: "a whole number") }
            return .integer(v)
        case .widths:
            let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
                .flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let widths = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !parts.isEmpty, widths.count == parts.count else {
                throw .badValue(
                    option: name, value: text,
                    expected: "layer widths such as 100 or 256-128 (or 256,128 between '|' separators)")
            }
            return .widths(widths)
        case .name:
            guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isLetter || $0.isNumber || ":.-_".contains($0) }) else {
                throw .badValue(option: name, value: text, expected: "a name such as relu or adam")
            }
            return .name(trimmed.lowercased())
        case .flag:
            switch trimmed.lowercased() {
            case "true", "yes", "on", "1": return .flag(true)
            case "false", "no", "off", "0": return .flag(false)
            default: throw .badValue(option: name, value: text, expected: "true or false")
            }
        }
    }
}

extension SweepValue {
    // Accessors for the option table: a value of the option's kind always reaches its setter.
    var realValue: Double? { if case .real(let v) = self { v } else { nil } }
    var integerValue: Int? { if case .integer(let v) = self { v } else { nil } }
    var widthsValue: [Int]? { if case .widths(let v) = self { v } else { nil } }
    var nameValue: String? { if case .name(let v) = self { v } else { nil } }
    var flagValue: Bool? { if case .flag(let v) = self { v } else { nil } }
}
