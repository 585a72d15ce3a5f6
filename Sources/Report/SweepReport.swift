/// Everything a sweep report shows, as plain data: settings, their trials, and how they were run.
///
/// Numbers come only from the trials' recorded results (``SweepTrialRecord``), never from
/// timings or the order trials finished in, so the same trials give the same report whether
/// they ran in one process, with `--jobs`, or as shards merged later.
public struct SweepReport: Sendable {
    /// One `--vary` option and its values, in the canonical (ascending) order.
    public struct Axis: Sendable, Equatable {
        public var name: String
        public var values: [String]
        /// Numeric values in the same order, when every value is a number (for the tuning figure).
        public var numbers: [Double]?

        public init(name: String, values: [String], numbers: [Double]? = nil) {
            self.name = name
            self.values = values
            self.numbers = numbers
        }
    }

    /// One combination of the varied options with its trials (one per seed, by ascending seed).
    public struct Setting: Sendable, Equatable {
        /// `hidden=100,lr=0.003`; empty when nothing is varied.
        public var key: String
        /// Each varied option's value text, aligned with ``SweepReport/axes``.
        public var values: [String]
        public var trials: [SweepTrialRecord]

        public init(key: String, values: [String], trials: [SweepTrialRecord]) {
            self.key = key
            self.values = values
            self.trials = trials
        }

        /// The legend and table name: the key, or "all trials" when nothing is varied.
        public var label: String { key.isEmpty ? "all trials" : key.replacingOccurrences(of: ",", with: ", ") }
    }

    public var title: String
    /// "MNIST".
    public var datasetName: String
    public var preset: String
    public var axes: [Axis]
    public var seeds: [UInt64]
    public var settings: [Setting]
    /// The options every trial shares, as `--name` and value, in the order to list them.
    public var fixedOptions: [(name: String, value: String)]
    /// How the trials were produced: one command, or one per shard plus the merge.
    public var commands: [String]
    /// The single-machine command that runs the same sweep.
    public var reproduce: String
    /// Trials of the plan without a result (a sweep stopped by Ctrl-C), by name.
    public var notRun: [String]
    public var version: String

    public init(
        title: String, datasetName: String, preset: String, axes: [Axis], seeds: [UInt64], settings: [Setting],
        fixedOptions: [(name: String, value: String)], commands: [String], reproduce: String, notRun: [String] = [],
        version: String
    ) {
        precondition(
            settings.allSatisfy { $0.values.count == axes.count },
            "every setting needs one value per axis (\(axes.count))")
        self.title = title
        self.datasetName = datasetName
        self.preset = preset
        self.axes = axes
        self.seeds = seeds
        self.settings = settings
        self.fixedOptions = fixedOptions
        self.commands = commands
        self.reproduce = reproduce
        self.notRun = notRun
        self.version = version
    }

    /// Every trial, setting by setting.
    public var trials: [SweepTrialRecord] { settings.flatMap(\.trials) }
}
