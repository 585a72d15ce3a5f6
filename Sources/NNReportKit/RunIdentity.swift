import Datasets
import Engine
import Metrics
import Report

/// What a training run is, as far as continuing it goes: the dataset and its content, the
/// preset, every training option (the thread count among them) and nnreport's version. A run
/// continued with any of them different would not give the uninterrupted run's results, so
/// ``differences(from:)`` refuses it. The machine (CPU, BLAS) may differ, as when a requeued job
/// lands on another node; ``environmentNote(here:)`` says so.
struct RunIdentity: Sendable {
    var dataset: String
    var preset: String
    /// summary.json's `config`.
    var config: JSONValue
    /// The MD5 of each data file's content, by file name (``Dataset/contentChecksums(verified:)``).
    var data: [(file: String, md5: String)]
    var version: String
    var cpu: String
    var blas: String

    init(
        dataset: String, preset: String, config: JSONValue, data: [(file: String, md5: String)], version: String,
        cpu: String, blas: String
    ) {
        self.dataset = dataset
        self.preset = preset
        self.config = config
        self.data = data
        self.version = version
        self.cpu = cpu
        self.blas = blas
    }

    var json: JSONValue {
        [
            "dataset": .string(dataset), "preset": .string(preset), "config": config,
            "data": .object(data.map { ($0.file, .string($0.md5)) }), "nnreport": .string(version),
            "cpu": .string(cpu), "blas": .string(blas),
        ]
    }

    init(json: JSONValue) throws(CheckpointError) {
        guard let dataset = json["dataset"]?.stringValue, let preset = json["preset"]?.stringValue,
            let config = json["config"], let data = json["data"]?.objectValue,
            let version = json["nnreport"]?.stringValue
        else { throw .malformed(reason: "the run's description lacks its dataset, preset, config, data or version") }
        self.init(
            dataset: dataset, preset: preset, config: config,
            data: data.map { ($0.key, $0.value.stringValue ?? "") }, version: version,
            cpu: json["cpu"]?.stringValue ?? "", blas: json["blas"]?.stringValue ?? "")
    }

    /// What differs between the checkpoint's run (`self`) and the command's (`here`), one line
    /// each: "lr: 0.001 in the checkpoint, 0.01 here". Empty when the run may continue.
    func differences(from here: RunIdentity) -> [String] {
        var lines: [String] = []
        func compare(_ name: String, _ there: String, _ mine: String) {
            if there != mine { lines.append("\(name): \(there) in the checkpoint, \(mine) here") }
        }
        compare("dataset", dataset, here.dataset)
        compare("preset", preset, here.preset)
        let theirs = config.objectValue ?? [], mine = here.config.objectValue ?? []
        var keys = theirs.map(\.key)
        for key in mine.map(\.key) where !keys.contains(key) { keys.append(key) }
        for key in keys {
            let a = config[key], b = here.config[key]
            if a != b {
                let label = key == "threads" ? "threads (BLAS threads change the sums)" : key
                lines.append(
                    "\(label): \(a.map(JSONWriter.compact) ?? "absent") in the checkpoint, "
                        + "\(b.map(JSONWriter.compact) ?? "absent") here")
            }
        }
        var files = data.map(\.file)
        for file in here.data.map(\.file) where !files.contains(file) { files.append(file) }
        for file in files {
            let a = data.first { $0.file == file }?.md5, b = here.data.first { $0.file == file }?.md5
            if a != b { lines.append("data \(file): MD5 \(a ?? "absent") in the checkpoint, \(b ?? "absent") here") }
        }
        compare("nnreport version", version, here.version)
        return lines
    }

    /// A sentence when the machine differs (results may then differ in the last bits), else nil.
    func environmentNote(here: RunIdentity) -> String? {
        guard cpu != here.cpu || blas != here.blas else { return nil }
        return "the checkpoint was written on \(cpu) with \(blas), this machine is \(here.cpu) with \(here.blas): "
            + "BLAS kernels chosen for another CPU may round differently, so the results may differ in the "
            + "last bits from an uninterrupted run's"
    }
}

/// What a checkpoint says about its run at a glance: how far it got. Read without the tensors,
/// to name an unfinished run ("4 of 20 epochs done, last validation accuracy 97.12%").
struct CheckpointSummary: Sendable, Equatable {
    var epochsDone: Int
    var plannedEpochs: Int
    var lastValidationAccuracy: Double?
    /// Seconds since 1970 when it was written.
    var time: Double

    var json: JSONValue {
        [
            "epochs_done": .int(epochsDone), "planned_epochs": .int(plannedEpochs),
            "last_val_accuracy": .number(lastValidationAccuracy), "time": .number(time),
        ]
    }

    init(epochsDone: Int, plannedEpochs: Int, lastValidationAccuracy: Double?, time: Double) {
        self.epochsDone = epochsDone
        self.plannedEpochs = plannedEpochs
        self.lastValidationAccuracy = lastValidationAccuracy
        self.time = time
    }

    init(json: JSONValue) throws(CheckpointError) {
        guard let done = json["epochs_done"]?.intValue, let planned = json["planned_epochs"]?.intValue else {
            throw .malformed(reason: "its summary lacks the epochs done and planned")
        }
        self.init(
            epochsDone: done, plannedEpochs: planned, lastValidationAccuracy: json["last_val_accuracy"]?.doubleValue,
            time: json["time"]?.doubleValue ?? 0)
    }

    /// "4 of 20 epochs done, last validation accuracy 97.12%".
    var text: String {
        var text = "\(epochsDone) of \(plannedEpochs) epoch\(plannedEpochs == 1 ? "" : "s") done"
        if let accuracy = lastValidationAccuracy {
            text += ", last validation accuracy \(ReportNumberFormat.percent(accuracy))"
        }
        return text
    }
}
