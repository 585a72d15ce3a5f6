/// One combination of the varied options' values: what a sweep compares across seeds.
public struct SweepSetting: Sendable, Equatable {
    /// One value per axis, in the order of the plan's axes (alphabetical by option name).
    public var assignments: [(option: String, value: SweepValue)]

    public init(assignments: [(option: String, value: SweepValue)]) {
        self.assignments = assignments
    }

    /// `hidden=100,lr=0.003`: the options alphabetically with their canonical values; empty when nothing is varied.
    public var key: String {
        assignments.map { "\($0.option)=\($0.value.text)" }.joined(separator: ",")
    }

    /// The options as `nnreport mnist` arguments: `["--hidden", "100", "--lr", "0.003"]`.
    public var arguments: [String] {
        assignments.flatMap { a -> [String] in
            if case .flag(let on) = a.value { return [on ? "--\(a.option)" : "--no-\(a.option)"] }
            return ["--\(a.option)", a.value.argument]
        }
    }

    /// `base` with every varied option set.
    func apply(to base: TrainingOverrides) -> TrainingOverrides {
        var overrides = base
        for a in assignments {
            guard let option = SweepOption.named(a.option) else {
                preconditionFailure("setting \(key) varies \(a.option), which is not in SweepOption.all")
            }
            option.apply(a.value, to: &overrides)
        }
        return overrides
    }

    public static func == (lhs: SweepSetting, rhs: SweepSetting) -> Bool {
        lhs.key == rhs.key
    }
}
