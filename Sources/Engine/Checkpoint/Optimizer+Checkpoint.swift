/// An update rule whose state a checkpoint can save and restore: its per-parameter buffers by
/// slot name and its step counter.
protocol CheckpointableOptimizer: Optimizer {
    /// Per-parameter state buffers, by the slot name checkpoints use (`m`, `v`, `velocity`).
    var stateSlots: [(name: String, state: OptimizerState)] { get }
    /// Steps taken, for rules whose update depends on it (Adam's bias correction).
    var stepCounter: Int { get set }
}

extension SGDOptimizer: CheckpointableOptimizer {
    var stateSlots: [(name: String, state: OptimizerState)] { [] }
    var stepCounter: Int {
        get { 0 }
        set {}
    }
}

extension MomentumOptimizer: CheckpointableOptimizer {
    var stateSlots: [(name: String, state: OptimizerState)] { [("velocity", velocity)] }
    var stepCounter: Int {
        get { 0 }
        set {}
    }
}

extension AdamOptimizer: CheckpointableOptimizer {
    var stateSlots: [(name: String, state: OptimizerState)] { [("m", first), ("v", second)] }
    var stepCounter: Int {
        get { stepCount }
        set { stepCount = newValue }
    }
}
