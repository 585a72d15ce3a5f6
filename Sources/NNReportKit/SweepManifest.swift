import Foundation
import Metrics

/// `sweep.json`: what a sweep or shard folder holds and how it was made.
///
/// ```
/// {"format": "nnreport-sweep", "format_version": 1, "nnreport": "0.1.0",
///  "sweep": {"dataset": "mnist", "preset": "default", "vary": ["lr=0.001,0.01"], "seeds": [1, 2, 3],
///            "trials": [{"key": "lr=0.001,seed=1", "folder": "lr=0.001,seed=1", "seed": 1,
///                        "shard_position": 0, "config": {...}}, ...]},
///  "shard": {"index": 0, "count": 3, "trials": ["lr=0.001,seed=1", ...]},
///  "command": "nnreport sweep mnist --vary lr=0.001,0.01 --shard 0/3",
///  "sweep_command": "nnreport sweep mnist --vary lr=0.001,0.01"}
/// ```
///
/// A merged folder's `command` is the merge; `shard_commands` lists the commands that wrote its
/// shards, in shard order, as the report's Command section does.
///
/// `sweep` is the whole plan with every trial's full configuration: shards merge only when
/// theirs are equal. `shard` says which trials this folder was asked to run (the whole sweep
/// is shard 0 of 1). A finished sweep folder adds `results`, which reading ignores.
public struct SweepManifest: Sendable {
    public static let fileName = "sweep.json"
    static let format = "nnreport-sweep"
    static let formatVersion = 1

    public var plan: SweepPlan
    /// Each trial's full configuration (summary.json's `config`), in plan order.
    public var configurations: [JSONValue]
    public var shard: SweepShard
    /// The exact command that wrote the folder.
    public var command: String
    /// The single-machine command of the same sweep (without `--shard`, `--jobs` or `--out`).
    public var sweepCommand: String
    /// For a merged folder, the commands that wrote the shards (empty otherwise).
    public var shardCommands: [String]
    public var version: String

    public init(
        plan: SweepPlan, configurations: [JSONValue], shard: SweepShard, command: String, sweepCommand: String,
        shardCommands: [String] = [], version: String = NNReportVersion.string
    ) {
        precondition(
            configurations.count == plan.trials.count,
            "\(plan.trials.count) trials but \(configurations.count) configurations")
        self.plan = plan
        self.configurations = configurations
        self.shard = shard
        self.command = command
        self.sweepCommand = sweepCommand
        self.shardCommands = shardCommands
        self.version = version
    }

    /// The trials this folder was asked to run.
    public var shardTrials: [SweepTrial] { shard.trials(of: plan) }

    /// The part two shards of one sweep share exactly.
    var sweepJSON: JSONValue {
        [
            "dataset": .string(plan.dataset),
            "preset": .string(plan.preset),
            "vary": .array(plan.axes.map { .string($0.canonicalArgument) }),
            "seeds": .array(plan.seeds.map { .number(Double($0)) }),
            "trials": .array(
                zip(plan.trials, configurations).enumerated().map { position, pair in
                    [
                        "key": .string(pair.0.key), "folder": .string(pair.0.folderName),
                        "seed": .number(Double(pair.0.seed)), "shard_position": .int(position), "config": pair.1,
                    ]
                }),
        ]
    }

    /// The manifest, with `results` appended when given.
    public func json(results: JSONValue? = nil) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("format", .string(Self.format)),
            ("format_version", .int(Self.formatVersion)),
            ("nnreport", .string(version)),
            ("sweep", sweepJSON),
            (
                "shard",
                [
                    "index": .int(shard.index), "count": .int(shard.count),
                    "trials": .array(shardTrials.map { .string($0.key) }),
                ]
            ),
            ("command", .string(command)),
            ("sweep_command", .string(sweepCommand)),
        ]
        if !shardCommands.isEmpty { members.append(("shard_commands", .array(shardCommands.map { .string($0) }))) }
        if let results { members.append(("results", results)) }
        return .object(members)
    }
}
