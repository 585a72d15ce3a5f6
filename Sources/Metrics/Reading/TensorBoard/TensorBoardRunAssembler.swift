import Foundation

/// Turns what the event files of one run held (``TensorBoardContents``) into a ``MetricLog``:
/// names from the writers' folder layouts, epochs from what the run logged, hyperparameters
/// from wherever the writer put them.
///
/// Steps are TensorBoard's `step` as written. Epochs come from the run itself:
/// - Keras's `epoch_*` tags are logged at step = the 0-based epoch: stored at epoch step + 1.
/// - A logged epoch counter (`epoch`, `train/epoch`) places every value logged at the same
///   step: whole numbers are the 0-based epoch in progress (Lightning logs `epoch` with every
///   metric), fractions are the position in epochs (Hugging Face's `train/epoch`).
/// Lightning's `hp_metric` placeholder (always -1 unless the user logs it) is listed, not drawn.
struct TensorBoardRunAssembler {
    var contents: TensorBoardContents
    var source: URL
    /// hparams.yaml beside the event files (Lightning's TensorBoardLogger writes one).
    var settingsFile: URL?

    init(contents: TensorBoardContents, source: URL) {
        self.contents = contents
        self.source = source
    }

    /// A tag's name in the report: the original name, and a parsed name when the layout says
    /// more than the tag (an `add_scalars` key).
    func naming(tag: String, subfolder: String) -> (original: String, parsed: MetricName?) {
        if subfolder.isEmpty { return (tag, nil) }
        if MetricName.splitWords[subfolder.lowercased()] != nil { return (subfolder + "/" + tag, nil) }
        // PyTorch's add_scalars: <main tag with / as _>_<key>/; tensorboardX's: <main tag>/<key>/.
        let keys = [
            subfolder.strippingPrefix(tag.replacingOccurrences(of: "/", with: "_") + "_"),
            subfolder.strippingPrefix(tag + "/"),
        ]
        if let key = keys.compactMap({ $0 }).first {
            var name = MetricName(parsing: tag)
            if let split = MetricName.splitWords[key.lowercased()] {
                name.split = split
                name.splitIsStated = true
            } else if let found = MetricName(parsing: key).splitIsStated ? MetricName(parsing: key).split : nil {
                // "val_epoch": a split and a cadence in the key.
                name.split = found
                name.splitIsStated = true
                name.cadence = MetricName(parsing: key).cadence ?? name.cadence
            } else {
                name.line = key
            }
            return (tag + "/" + key, name)
        }
        return (subfolder + "/" + tag, nil)
    }

    /// Hugging Face's TensorBoardCallback writes the Trainer's arguments as `args/text_summary`.
    static func isArguments(_ tag: String) -> Bool {
        tag == "args" || tag.hasPrefix("args/")
    }

    /// Keras's TensorBoard callback logs `evaluation_<metric>_vs_iterations` once per epoch, at
    /// step = the optimizer's iterations at that epoch's end: the steps that end epochs 1, 2,
    /// ..., or nil when the run has no such tag.
    func kerasEpochEndSteps(_ tags: [(String, TensorBoardContents.TagValues)]) -> [Int]? {
        guard
            let evaluation = tags.first(where: { original, _ in
                let last = original.split(separator: "/").last.map(String.init) ?? original
                return last.hasPrefix("evaluation_") && last.hasSuffix("_vs_iterations")
            })
        else { return nil }
        let steps = evaluation.1.steps
        guard !steps.isEmpty, zip(steps, steps.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        return steps
    }

    func build() throws(MetricLogError) -> MetricLog {
        let tally = contents.tally
        guard contents.scalars > 0 || !contents.hyperparameters.isEmpty else {
            let skipped = tally.messages
            throw .noMetrics(
                path: source.path, format: .tensorBoard,
                reason: "\(contents.records) records, no scalar summaries"
                    + (skipped.isEmpty ? "" : " (" + skipped.joined(separator: "; ") + ")"))
        }
        var notes: [String] = []
        var finals: [NamedValue] = []
        // Name every tag; add_hparams' metrics are final values.
        var named: [(original: String, parsed: MetricName?, values: TensorBoardContents.TagValues)] = []
        for values in contents.tags {
            // add_hparams writes its metrics to a folder of their own; Lightning writes the
            // hparams data into the run's own event file, whose scalars stay metrics.
            if contents.hparamsFiles.contains(values.file), !contents.files[values.file].subfolder.isEmpty {
                let name = values.tag.strippingPrefix("hparam/") ?? values.tag
                if let last = values.values.last { finals.append(NamedValue(name: name, value: last)) }
                continue
            }
            let (original, parsed) = naming(tag: values.tag, subfolder: contents.files[values.file].subfolder)
            named.append((original, parsed, values))
        }
        if !finals.isEmpty {
            notes.append("The add_hparams metrics (hparam/*) are final values: listed, not drawn.")
        }
        if contents.files.contains(where: { file in
            let sub = file.subfolder
            return !sub.isEmpty && MetricName.splitWords[sub.lowercased()] == nil
                && named.contains { $0.parsed != nil && contents.files[$0.values.file].subfolder == sub }
        }) {
            notes.append("Subfolders written by add_scalars are lines of their main tag's chart.")
        }

        // The epoch counter, if the run logged one.
        let counter = named.first { entry in
            let last = entry.original.split(separator: "/").last.map { $0.lowercased() }
            return last == "epoch" && !entry.values.values.isEmpty
        }
        var epochAtStep: [Int: Double] = [:]
        var counterIsPosition = false
        if let counter {
            for (step, value) in zip(counter.values.steps, counter.values.values) where value.isFinite {
                epochAtStep[step] = value
            }
            counterIsPosition = epochAtStep.values.contains { $0 != $0.rounded() }
        }
        let lightning = named.contains { $0.original == "hp_metric" } || settingsFile != nil

        var builder = MetricLogBuilder()
        builder.tally = tally
        var kerasEpochTags = false
        let kerasEpochEnds = kerasEpochEndSteps(named.map { ($0.original, $0.values) })
        for (original, parsed, values) in named {
            if let parsed { builder.name(original, as: parsed) }
            let last = original.split(separator: "/").last.map(String.init) ?? original
            let kerasEpoch = last.lowercased().hasPrefix("epoch_") && last.count > 6
            if kerasEpoch { kerasEpochTags = true }
            for (step, value) in zip(values.steps, values.values) {
                if kerasEpoch {
                    builder.add(original, cadence: .epoch, epoch: Double(step) + 1, value: value)
                } else if let epoch = epochAtStep[step], counter.map({ $0.original != original }) ?? true {
                    builder.add(original, step: step, epoch: counterIsPosition ? epoch : epoch + 1, value: value)
                } else if let ends = kerasEpochEnds, let index = ends.firstIndex(where: { step <= $0 }) {
                    // Keras: the epoch a batch or evaluation step belongs to, from the
                    // iterations count at each epoch's end.
                    builder.add(original, step: step, epoch: Double(index + 1), value: value)
                } else {
                    builder.add(original, step: step, value: value)
                }
            }
            if counterIsPosition, !kerasEpoch, values.steps.allSatisfy({ epochAtStep[$0] != nil }) {
                builder.markEpochPositions(original)
            }
            if original == "hp_metric", values.values.allSatisfy({ $0 == -1 }) {
                builder.exclude(
                    original,
                    reason: "Lightning's placeholder for TensorBoard's hparams view (-1 unless the run logs hp_metric)")
            }
        }
        if named.contains(where: { ($0.original.split(separator: "/").last ?? "").hasPrefix("batch_") }) {
            notes.append(
                "Keras's batch_* values are running means since the start of each epoch, logged at step = "
                    + "iterations so far; the last of an epoch equals its epoch_* value.")
        }
        if kerasEpochTags {
            notes.append(
                "Per-epoch values (Keras's epoch_* tags) are counted from 1 here: epoch 1 is the log's step 0.")
        }
        if let counter {
            notes.append(
                counterIsPosition
                    ? "Epochs from the logged '\(counter.original)': fractions of an epoch, as the writer logs them."
                    : "Epochs from the logged '\(counter.original)', which counts from 0; shown from 1 (epoch 1 is its 0)."
            )
        }
        var hyperparameters = contents.hyperparameters
        var hyperparameterSource =
            hyperparameters.isEmpty ? nil : "the hparams plugin data (add_hparams, or a logger's log_hyperparams)"
        var settingsWarnings: [String] = []
        if let settingsFile, let settings = LogReader.readSettings(settingsFile, warnings: &settingsWarnings) {
            hyperparameters = Hyperparameter.flatten(settings)
            hyperparameterSource = settingsFile.lastPathComponent
        }
        if hyperparameters.isEmpty, let args = contents.texts.first(where: { Self.isArguments($0.tag) }),
            let value = try? JSONParser.parse(Array(args.text.utf8), allowsNonFinite: true), value.objectValue != nil
        {
            hyperparameters = Hyperparameter.flatten(value)
            hyperparameterSource = "the '\(args.tag)' text summary (the Trainer's arguments)"
        }
        if let hyperparameterSource { notes.append("Hyperparameters from \(hyperparameterSource).") }
        let otherTexts = contents.texts.count { !Self.isArguments($0.tag) }
        if otherTexts > 0 { builder.tally.add("text summaries skipped", count: otherTexts) }
        let series = builder.buildSeries()
        return MetricLog(
            source: source, format: .tensorBoard, runName: LogReader.runName(for: source),
            hyperparameters: hyperparameters, series: series, warnings: builder.tally.messages + settingsWarnings,
            finalValues: finals, notes: notes, stepOffset: lightning && !counterIsPosition ? 1 : 0)
    }
}
