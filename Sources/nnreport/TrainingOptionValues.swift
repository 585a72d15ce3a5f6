import ArgumentParser
import Engine

// The closed sets among the training options, parsed as the engine's own enums so that
// `--help` and shell completion list their values and the parser names them on a typo. Case
// is ignored, as it is for the same values in a sweep's `--vary` (TrainingOverrides).

extension Activation: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension OptimizerKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension ScheduleKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension InputTransformKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `--preset NAME`: one of the engine's presets (``Preset/all``).
struct PresetName: ExpressibleByArgument {
    var name: String

    init?(argument: String) {
        guard (try? Preset.named(argument)) != nil else { return nil }
        name = argument.lowercased()
    }

    static var allValueStrings: [String] { Preset.all.map(\.name) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
