/// Which logged series are run bookkeeping rather than measures of learning: wall-clock times,
/// throughput, FLOP counts, memory, and counters that other tools log as values (`epoch`,
/// `step`). Hugging Face's Trainer alone logs six of them (`train_runtime`, `total_flos`,
/// `*_samples_per_second`, `*_steps_per_second`, `epoch`); drawing a chart of each would bury
/// the loss curves, so reports list them in a table with their last value instead.
public enum Bookkeeping {
    /// Whole quantities that are bookkeeping.
    static let names: Set<String> = [
        "epoch", "epochs", "step", "steps", "global_step", "iteration", "iter", "iterations",
        "flos", "total_flos", "flops", "total_flops", "runtime", "time", "data_time", "iter_time", "batch_time",
        "epoch_time", "step_time", "eta", "eta_seconds", "seconds", "timestamp", "wall_time", "duration",
        "memory", "max_memory", "gpu_mem", "gpu_memory", "mem", "throughput", "samples", "num_samples",
        "num_tokens", "num_input_tokens_seen", "tokens_seen",
    ]

    /// Endings of bookkeeping quantities (`train_runtime`, `eval_samples_per_second`).
    static let suffixes = ["_runtime", "per_second", "per_sec", "_flos", "_flops", "_time", "_seconds", "/time"]

    /// True when `name` is bookkeeping.
    public static func matches(_ name: MetricName) -> Bool {
        let quantity = name.quantity
        if names.contains(quantity) { return true }
        let last = quantity.split(separator: "/").last.map(String.init) ?? quantity
        if names.contains(last) { return true }
        return suffixes.contains { quantity.hasSuffix($0) }
    }
}
