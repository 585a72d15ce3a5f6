/// Why a sweep cannot be planned, run or merged. Each case names the option, trial or folder
/// involved and says what was expected.
public enum SweepError: Error, Equatable, CustomStringConvertible {
    /// `--vary` text that is not `NAME=VALUE,VALUE,...`.
    case badVary(argument: String, reason: String)
    /// `--vary` of an option it does not take.
    case unknownOption(name: String, known: [String])
    /// The same option varied twice.
    case repeatedOption(name: String)
    /// A value that does not parse as the option's kind.
    case badValue(option: String, value: String, expected: String)
    /// The same value listed twice for one option (after canonicalisation: 1e-3 is 0.001).
    case repeatedValue(option: String, value: String)
    /// A setting whose configuration the engine refuses; `reason` carries the allowed range.
    case invalidSetting(setting: String, reason: String)
    /// `--seed` given to a sweep, or an unusable seed list.
    case badSeeds(reason: String)
    /// `--shard` text that is not `INDEX/COUNT` with 0 ≤ INDEX < COUNT.
    case badShard(argument: String, reason: String)
    /// A folder given to merge that is not a sweep shard.
    case notAShard(path: String, reason: String)
    /// A shard whose sweep differs from the first shard's.
    case differentSweep(path: String, reference: String, difference: String)
    /// Trials of the plan found in none of the shard folders.
    case missingTrials([String], shards: [String])
    /// Trials found in more than one shard folder, with the folders holding them.
    case duplicatedTrials([(trial: String, folders: [String])])
    /// A trial folder that does not hold what its shard's manifest says it should.
    case badTrial(path: String, reason: String)

    public var description: String {
        switch self {
        case .badVary(let argument, let reason):
            return "--vary '\(argument)': \(reason). Expected NAME=VALUE,VALUE,... such as lr=0.001,0.01 "
                + "or hidden=100,256-128 (or 'hidden=256,128|512,256' with '|' between values)"
        case .unknownOption(let name, let known):
            return
                "--vary \(name): not a training option a sweep can vary; expected one of \(known.joined(separator: ", "))"
                + (name.lowercased().hasSuffix("seed") ? " (seeds are set with --seeds N or --seed-list)" : "")
        case .repeatedOption(let name):
            return "--vary \(name) is given twice: list all of its values in one --vary \(name)=A,B,..."
        case .badValue(let option, let value, let expected):
            return "--vary \(option): '\(value)' is not a valid value: expected \(expected)"
        case .repeatedValue(let option, let value):
            return "--vary \(option) lists \(value) twice"
        case .invalidSetting(let setting, let reason):
            return setting.isEmpty ? reason : "--vary \(setting): \(reason)"
        case .badSeeds(let reason):
            return reason
        case .badShard(let argument, let reason):
            return "--shard '\(argument)': \(reason). Expected INDEX/COUNT with a 0-based INDEX from 0 to COUNT-1, "
                + "e.g. --shard 0/3, --shard 1/3 and --shard 2/3 (as $SLURM_ARRAY_TASK_ID and $JOB_COMPLETION_INDEX count)"
        case .notAShard(let path, let reason):
            return "'\(path)' is not a sweep shard folder: \(reason). Give the folders written by "
                + "nnreport sweep --shard i/n (each holds sweep.json and trials/)"
        case .differentSweep(let path, let reference, let difference):
            return "'\(path)' belongs to a different sweep than '\(reference)': \(difference). "
                + "Merge only shards of one sweep command (the same dataset, options, --vary and seeds)"
        case .missingTrials(let trials, let shards):
            let shardText = shards.isEmpty ? "" : " (run \(shards.joined(separator: ", ")) or add its folder)"
            return "\(trials.count) trial\(trials.count == 1 ? " is" : "s are") missing from the shards given: "
                + trials.joined(separator: "; ") + shardText
        case .duplicatedTrials(let pairs):
            return "\(pairs.count) trial\(pairs.count == 1 ? " is" : "s are") in more than one shard folder: "
                + pairs.map { "\($0.trial) in \($0.folders.joined(separator: " and "))" }.joined(separator: "; ")
                + ". Give each shard folder once"
        case .badTrial(let path, let reason):
            return "trial folder '\(path)': \(reason)"
        }
    }

    public static func == (lhs: SweepError, rhs: SweepError) -> Bool {
        lhs.description == rhs.description
    }
}
