/// A deterministic slice of a sweep's trials: `--shard INDEX/COUNT`.
///
/// INDEX is 0-based (0 ≤ INDEX < COUNT), as Slurm's `$SLURM_ARRAY_TASK_ID` (with
/// `--array=0-N`), Kubernetes' `$JOB_COMPLETION_INDEX` and a GitHub Actions matrix over
/// `[0, 1, 2]` count, so a scheduler's index is passed as it is. Shard INDEX runs the trials
/// whose position in the plan's canonical order is INDEX modulo COUNT: round robin, so every
/// shard gets a share of each setting and of each seed, and the slices are disjoint and cover
/// the plan whatever order the command's arguments were typed in.
public struct SweepShard: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        precondition(count >= 1 && (0..<count).contains(index), "shard \(index)/\(count): expected 0 ≤ index < count")
        self.index = index
        self.count = count
    }

    /// The whole sweep: shard 0 of 1.
    public static let all = SweepShard(index: 0, count: 1)

    /// Parses `INDEX/COUNT`.
    ///
    /// - Throws: ``SweepError/badShard(argument:reason:)``; a 1-based `3/3` is told to count from 0.
    public init(parsing argument: String) throws(SweepError) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0].trimmingCharacters(in: .whitespaces)),
            let count = Int(parts[1].trimmingCharacters(in: .whitespaces))
        else {
            throw .badShard(argument: argument, reason: "not two whole numbers separated by '/'")
        }
        guard count >= 1 else { throw .badShard(argument: argument, reason: "the shard count must be at least 1") }
        guard index >= 0 else { throw .badShard(argument: argument, reason: "the index must not be negative") }
        guard index < count else {
            throw .badShard(
                argument: argument,
                reason: "index \(index) is out of range for \(count) shard\(count == 1 ? "" : "s") "
                    + "(indices count from 0, so the last shard is \(count - 1)/\(count))")
        }
        self.init(index: index, count: count)
    }

    /// Whether the trial at `position` of the plan's canonical order belongs to this shard.
    public func contains(position: Int) -> Bool {
        position % count == index
    }

    /// The trials of `plan` this shard runs, in canonical order.
    public func trials(of plan: SweepPlan) -> [SweepTrial] {
        plan.trials.enumerated().filter { contains(position: $0.offset) }.map(\.element)
    }

    /// `1/3`.
    public var description: String { "\(index)/\(count)" }
}
