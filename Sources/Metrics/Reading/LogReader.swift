import Foundation

/// Reads training logs of every supported format into ``MetricLog``s: the entry point of
/// `nnreport render`.
///
/// A file's format is detected from its content (``detect(_:fileName:)``) unless forced. A
/// folder is searched for the layouts the tools write (see ``LogDiscovery``): an nnreport run
/// folder, an MLflow file store, a Hugging Face Trainer output folder, a Lightning `version_N`
/// folder, a DVCLive folder, a TensorBoard run; elsewhere each file that holds a log is a run,
/// and subfolders are searched in turn. What is passed over is named in the result.
public enum LogReader {
    /// Reads a log file or a folder of runs.
    ///
    /// - Parameters:
    ///   - format: forces a format (`--format-in`); nil detects it.
    ///   - x: the x column of a plain table or JSON-lines log (`--x step|epoch|NAME`).
    /// - Throws: ``MetricLogError`` naming the file and, for malformed content, the line or byte.
    public static func read(_ url: URL, format: LogFormat? = nil, x: String? = nil) throws(MetricLogError)
        -> LogCollection
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .cannotRead(path: url.path, reason: "no such file or folder")
        }
        if isDirectory.boolValue {
            var discovery = LogDiscovery(format: format, x: x)
            try discovery.search(url, depth: 0)
            var collection = discovery.finish()
            guard !collection.logs.isEmpty else {
                throw .unrecognised(path: url.path, attempts: discovery.attemptsWhenEmpty(url))
            }
            LightningPairing.pair(&collection)
            return collection
        }
        return try readFile(url, format: format, x: x)
    }

    /// Parses the bytes of one log file in a known format, without looking at files beside it.
    public static func parse(_ bytes: [UInt8], format: LogFormat, source: URL, x: String? = nil) throws(MetricLogError)
        -> MetricLog
    {
        try parse(ByteSource(bytes: bytes, path: source.path), format: format, source: source, x: x)
    }

    /// Parses one log file in a known format from a byte source, a chunk at a time.
    static func parse(_ input: ByteSource, format: LogFormat, source: URL, x: String? = nil) throws(MetricLogError)
        -> MetricLog
    {
        switch format {
        case .nnreport: return try JSONLLogReader.parse(input, source: source)
        case .kerasCSV: return try KerasCSVReader.parse(input, source: source)
        case .lightningCSV: return try LightningCSVReader.parse(input, source: source)
        case .tensorBoard: return try TensorBoardReader.parse(input, source: source)
        case .dvclive: return try DVCLiveReader.parse(input, source: source)
        case .table: return try TableReader.parse(input, source: source, x: x)
        case .huggingFace: return try TrainerStateReader.parse(try input.readAll(), source: source)
        case .jsonLines: return try JSONLinesReader.parse(input, source: source, x: x)
        case .ultralytics: return try UltralyticsCSVReader.parse(input, source: source)
        case .mlflow:
            throw .malformed(
                path: source.path, location: .byteOffset(0),
                expected: "an MLflow store: give the mlruns folder or the mlflow.db file itself",
                found: "the bytes of one file")
        }
    }

    /// Reads one file: detects or applies the format, then adds what lies beside it
    /// (summary.json for metrics.jsonl, hparams.yaml for a Lightning metrics.csv, ...). An
    /// MLflow database gives one log per run.
    static func readFile(_ url: URL, format: LogFormat?, x: String?) throws(MetricLogError) -> LogCollection {
        let input = try ByteSource(file: url)
        let head = try input.head(headBytes)
        if format == nil || format == .mlflow, SQLiteDatabase.hasHeader(head) {
            return try MLflowDatabaseReader.read(url)
        }
        let chosen: LogFormat
        if let format {
            chosen = format
        } else {
            switch detect(head, fileName: url.lastPathComponent, wholeFile: head.count == input.size) {
            case .success(let found): chosen = found
            case .failure(let error): throw error.withPath(url.path)
            }
        }
        let folder = url.deletingLastPathComponent()
        if chosen == .tensorBoard, MetricName.splitWords[folder.lastPathComponent.lowercased()] != nil {
            // validation/events.out.tfevents.* read alone: its tags are still validation metrics.
            return LogCollection(
                logs: [try TensorBoardReader.parse(input, source: url, subfolder: folder.lastPathComponent)])
        }
        var log = try parse(input, format: chosen, source: url, x: x)
        addSidecars(to: &log, folder: folder)
        return LogCollection(logs: [log])
    }

    /// How much of a file format detection looks at.
    static let headBytes = 1 << 20

    /// A short run name: the folder for a file with a tool's standard name (metrics.jsonl,
    /// metrics.csv, results.csv, trainer_state.json, an event file), `lightning_logs/version_3`
    /// for Lightning, else the file's name without extension.
    static func runName(for url: URL) -> String {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        var name = url.lastPathComponent
        var folder = url
        if !exists || !isDirectory.boolValue {
            folder = url.deletingLastPathComponent()
            let standard =
                ["metrics.jsonl", "metrics.csv", "results.csv", "trainer_state.json", "scalars.json", "metrics.json"]
                .contains(name) || TensorBoardReader.isEventFileName(name)
            name = standard ? folder.lastPathComponent : url.deletingPathExtension().lastPathComponent
            if !standard { return name }
        }
        // Keras's train/ and validation/ event-file folders are parts of the run above them.
        let splitFolder =
            MetricName.splitWords[name.lowercased()] != nil && TensorBoardReader.isEventFileName(url.lastPathComponent)
        if splitFolder || name == "dvclive" || name == "vis_data" {
            folder = folder.deletingLastPathComponent()
            name = folder.lastPathComponent
        }
        if name.hasPrefix("checkpoint-") {
            folder = folder.deletingLastPathComponent()
            name = folder.lastPathComponent
        }
        if name.hasPrefix("version_") {
            return folder.deletingLastPathComponent().lastPathComponent + "/" + name
        }
        return name
    }
}
