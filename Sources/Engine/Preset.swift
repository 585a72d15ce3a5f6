/// A named starting configuration: a course write-up's experiment, or nnreport's default.
///
/// Every value stays overridable: the command line starts from ``configuration`` and changes
/// the fields the user names.
public struct Preset: Sendable {
    public var name: String
    /// Where the experiment comes from (course, write-up, framework).
    public var origin: String
    /// The dataset the write-up used: "mnist" or "fashion".
    public var dataset: String
    public var published: PublishedResult
    public var configuration: TrainingConfiguration
    /// Why the preset behaves as it does, for the report (e.g. saturated sigmoids).
    public var notes: String

    /// Every preset, in the order `--help` lists them.
    public static let all: [Preset] = [.default, .homework, .cs231n, .keras, .pytorch, .lenet, .cnn]

    /// The preset called `name` (case-insensitive).
    public static func named(_ name: String) throws(PresetError) -> Preset {
        guard let preset = all.first(where: { $0.name == name.lowercased() }) else {
            throw PresetError.unknown(name: name, known: all.map(\.name))
        }
        return preset
    }
}

/// The figures a write-up published, to print beside a run's own.
public struct PublishedResult: Sendable, Equatable {
    /// One sentence, e.g. "97.85% test accuracy (98.06% validation) after 10,000 iterations".
    public var text: String
    /// Test accuracy as a fraction; for several runs, the range's ends.
    public var testAccuracy: ClosedRange<Double>?
    public var validationAccuracy: Double?
    public var testLoss: Double?
}

/// An unknown preset name.
public enum PresetError: Error, Equatable, CustomStringConvertible {
    case unknown(name: String, known: [String])

    public var description: String {
        switch self {
        case .unknown(let name, let known):
            "unknown preset '\(name)': choose one of \(known.joined(separator: ", "))"
        }
    }
}
