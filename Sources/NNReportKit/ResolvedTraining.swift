import Engine

/// The preset a training command names and its configuration after the command-line overrides,
/// checked: resolved once, when the command's options are validated, and trained as is.
public struct ResolvedTraining: Sendable {
    public var preset: Preset
    public var configuration: TrainingConfiguration
}
