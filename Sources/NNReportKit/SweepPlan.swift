import Engine

/// What a sweep runs: every combination of the varied options' values (a setting) times every
/// seed (a trial), in one canonical order.
///
/// Axes are sorted by option name and values ascending; settings vary the last axis fastest;
/// each setting's trials follow in ascending seed order. The order, the trial names and
/// therefore the shard a trial falls in depend only on what is varied, never on the order
/// of the command's arguments.
public struct SweepPlan: Sendable, Equatable {
    public var dataset: String
    /// The preset every trial starts from.
    public var preset: String
    public var axes: [SweepAxis]
    public var seeds: [UInt64]

    /// BLAS threads of each trial unless `--threads` is given. It is part of every trial's
    /// configuration and never derived from `--jobs` or the machine: OpenBLAS's thread count
    /// changes the order of float sums (1 and 2 threads give different losses from the first
    /// step), and a sweep must give the same numbers however it is scheduled.
    public static let defaultThreads = 1

    /// - Throws: ``SweepError`` for an option varied twice or an empty or repeated seed list.
    public init(dataset: String, preset: String = "default", axes: [SweepAxis], seeds: [UInt64]) throws(SweepError) {
        var seen: Set<String> = []
        for axis in axes where !seen.insert(axis.option).inserted {
            throw .repeatedOption(name: axis.option)
        }
        guard !seeds.isEmpty else { throw .badSeeds(reason: "a sweep needs at least one seed (--seeds N with N ≥ 1)") }
        if let repeated = seeds.first(where: { s in seeds.count { $0 == s } > 1 }) {
            throw .badSeeds(reason: "--seed-list lists seed \(repeated) twice")
        }
        self.dataset = dataset
        self.preset = preset.lowercased()
        self.axes = axes.sorted { $0.option < $1.option }
        self.seeds = seeds.sorted()
    }

    /// The seeds of `--seeds N` (1...N) or `--seed-list` (as given, sorted).
    public static func seeds(count: Int?, list: [UInt64]?) throws(SweepError) -> [UInt64] {
        switch (count, list) {
        case (.some, .some):
            throw .badSeeds(
                reason: "--seeds and --seed-list both given: use --seeds N for seeds 1...N, or --seed-list for others")
        case (_, .some(let list)):
            return list
        case (let count, nil):
            let n = count ?? 3
            guard (1...1000).contains(n) else {
                throw .badSeeds(reason: "--seeds \(n): expected 1 to 1000 seeds (3 to 5 are usual for mean ± std)")
            }
            return (1...UInt64(n)).map { $0 }
        }
    }

    /// Every combination of the axes' values, the last axis varying fastest.
    public var settings: [SweepSetting] {
        var combinations: [[(option: String, value: SweepValue)]] = [[]]
        for axis in axes {
            combinations = combinations.flatMap { prefix in axis.values.map { prefix + [(axis.option, $0)] } }
        }
        return combinations.map(SweepSetting.init)
    }

    /// Every trial in canonical order: setting by setting, seeds ascending within each.
    public var trials: [SweepTrial] {
        settings.flatMap { setting in seeds.map { SweepTrial(setting: setting, seed: $0) } }
    }

    /// The overrides of `trial`: `base`, then the setting's values, the seed, and
    /// ``defaultThreads`` unless `base` names a thread count.
    public func overrides(for trial: SweepTrial, base: TrainingOverrides) -> TrainingOverrides {
        var overrides = trial.setting.apply(to: base)
        overrides.seed = trial.seed
        if overrides.threads == nil { overrides.threads = Self.defaultThreads }
        return overrides
    }

    /// The configuration of every trial, checked before anything runs.
    ///
    /// Each varied value is checked alone on top of `base` first, so a bad value is named as
    /// `--vary lr=-1`; then every combination, named by its setting.
    ///
    /// - Throws: ``SweepError/invalidSetting(setting:reason:)`` with the engine's allowed range.
    public func configurations(base: TrainingOverrides) throws(SweepError) -> [TrainingConfiguration] {
        let start: Preset
        do {
            start = try Preset.named(preset)
        } catch {
            throw .invalidSetting(setting: "", reason: "\(error)")
        }
        func resolve(_ overrides: TrainingOverrides, _ name: String) throws(SweepError) -> TrainingConfiguration {
            do {
                let configuration = try overrides.apply(to: start.configuration)
                try configuration.validate()
                return configuration
            } catch {
                throw .invalidSetting(setting: name, reason: "\(error)")
            }
        }
        let probe = SweepTrial(setting: SweepSetting(assignments: []), seed: seeds[0])
        _ = try resolve(overrides(for: probe, base: base), "")
        for axis in axes {
            for value in axis.values {
                let single = SweepTrial(setting: SweepSetting(assignments: [(axis.option, value)]), seed: seeds[0])
                _ = try resolve(overrides(for: single, base: base), "\(axis.option)=\(value.text)")
            }
        }
        var configurations: [TrainingConfiguration] = []
        for trial in trials {
            configurations.append(try resolve(overrides(for: trial, base: base), trial.setting.key))
        }
        return configurations
    }
}
