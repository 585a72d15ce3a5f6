import Foundation

/// Reads a Hugging Face transformers `trainer_state.json`: the `TrainerState` the `Trainer`
/// saves in every `checkpoint-N/` folder (and at the top of its output folder on
/// `save_state()`).
///
/// Its `log_history` is a list of the dictionaries the Trainer logged, each with `step` (the
/// global step, counting completed optimisation steps) and `epoch` (a fraction: 0.25 is a
/// quarter of the first epoch). Three kinds appear:
/// - training logs every `logging_steps`: `loss`, `grad_norm`, `learning_rate` (and
///   `num_input_tokens_seen`): per-step series at their fractional epoch;
/// - evaluations: `eval_*` members: per-epoch series when every evaluation fell on a whole
///   epoch (`eval_strategy="epoch"`), per-step series at their fractional epoch otherwise;
/// - the final summary (`train_runtime`, `train_loss`, `total_flos`, `*_per_second`): final values.
/// The state's own settings (`train_batch_size`, `num_train_epochs`, `logging_steps`, ...) are
/// the hyperparameters. Python writes NaN and Infinity for diverged values: they become gaps.
enum TrainerStateReader {
    /// Nil when `value` is a TrainerState document, else why not.
    static func mismatch(_ value: JSONValue) -> String? {
        guard value.objectValue != nil else { return "it is not a JSON object" }
        guard value["log_history"]?.arrayValue != nil else { return "it has no \"log_history\" list" }
        return nil
    }

    /// Members of the final summary entry.
    static let finalKeys: Set<String> = [
        "train_runtime", "train_samples_per_second", "train_steps_per_second", "total_flos", "train_loss",
    ]

    /// State members worth showing as hyperparameters.
    static let settingKeys = [
        "train_batch_size", "num_train_epochs", "max_steps", "logging_steps", "eval_steps", "save_steps",
        "trial_name", "trial_params",
    ]

    static func parse(_ bytes: [UInt8], source: URL) throws(MetricLogError) -> MetricLog {
        let path = source.path
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes, allowsNonFinite: true)
        } catch {
            throw .malformed(
                path: path, location: .line(error.line, column: error.column),
                expected: "a trainer_state.json document",
                found: error.reason)
        }
        if let reason = mismatch(document) {
            throw .malformed(
                path: path, location: .line(1, column: nil), expected: "a trainer_state.json with a log_history list",
                found: reason)
        }
        let history = document["log_history"]?.arrayValue ?? []
        var builder = MetricLogBuilder()
        var finals: [NamedValue] = []
        // Evaluations are per epoch when every one of them fell on a whole epoch.
        let evalEpochs = history.filter(isEvaluation).compactMap { $0["epoch"]?.doubleValue }
        let evalPerEpoch = !evalEpochs.isEmpty && evalEpochs.allSatisfy { $0 == $0.rounded() && $0 >= 1 }
        for (index, entry) in history.enumerated() {
            guard let members = entry.objectValue else {
                throw .malformed(
                    path: path, location: .line(1, column: nil), expected: "an object in log_history",
                    found: "entry \(index) is \(JSONWriter.compact(entry).prefix(40))")
            }
            let step = entry["step"]?.intValue
            let epoch = entry["epoch"]?.doubleValue
            if members.contains(where: { finalKeys.contains($0.key) }) {
                for member in members where member.key != "step" && member.key != "epoch" {
                    if let number = member.value.doubleValue {
                        finals.append(NamedValue(name: member.key, value: number))
                    }
                }
                continue
            }
            let evaluation = isEvaluation(entry)
            for member in members where member.key != "step" && member.key != "epoch" {
                let value: Double
                switch member.value {
                case .number(let number): value = number
                case .null: value = .nan
                default: continue  // text members are not metrics
                }
                let cadence: MetricCadence = evaluation && evalPerEpoch ? .epoch : .step
                builder.add(member.key, cadence: cadence, step: step, epoch: epoch, value: value)
                builder.markEpochPositions(member.key)
            }
        }
        // The Trainer's `loss` is the training loss: say so, so that it is labelled as such.
        if builder.contains("loss") {
            builder.name("loss", as: MetricName(split: .train, quantity: "loss", label: "loss"))
        }
        let series = builder.buildSeries()
        guard !series.isEmpty || !finals.isEmpty else {
            throw .noMetrics(path: path, format: .huggingFace, reason: "log_history holds no numeric value")
        }
        var hyperparameters: [Hyperparameter] = []
        for key in settingKeys {
            guard let value = document[key], value != .null else { continue }
            hyperparameters += Hyperparameter.flatten(value, prefix: key)
        }
        var notes = [
            "Epochs as the Trainer logs them: fractions of an epoch (0.25 is a quarter of the first), "
                + "so the axis counts epochs completed; steps count completed optimisation steps."
        ]
        if let global = document["global_step"]?.intValue, let last = series.flatMap(\.points).compactMap(\.step).max(),
            last < global
        {
            notes.append("The state was saved at step \(global); its last logged value is at step \(last).")
        }
        return MetricLog(
            source: source, format: .huggingFace, runName: LogReader.runName(for: source),
            hyperparameters: hyperparameters, series: series, warnings: builder.tally.messages, finalValues: finals,
            notes: notes)
    }

    /// True for an evaluation entry (`eval_loss`, `eval_accuracy`, ...).
    static func isEvaluation(_ entry: JSONValue) -> Bool {
        entry.objectValue?.contains { $0.key.hasPrefix("eval_") } ?? false
    }
}
