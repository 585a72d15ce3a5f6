import Foundation

/// Searches a folder tree for runs, recognising the layouts the tools write, and names
/// everything it passes over.
///
/// In each folder, in order: an nnreport run folder (metrics.jsonl), an MLflow file store (or
/// one of its experiments or runs), a Hugging Face Trainer output folder (trainer_state.json,
/// top level or in checkpoint-N/), a Lightning version folder (metrics.csv, hparams.yaml, event
/// files), a DVCLive folder (plots/metrics), a TensorBoard run (event files here or in split
/// subfolders). A folder that is one of these is one run (or, for MLflow, the runs it holds)
/// and is not searched further. Otherwise each file whose name suggests a log (.csv, .tsv,
/// .json, .jsonl, .log, .txt, .db, .sqlite) is read when its content is a log and named as
/// passed over when not; files of other kinds are counted; subfolders are searched in turn, up
/// to ``maximumDepth`` levels (deeper folders are named), following each linked folder once.
struct LogDiscovery {
    static let maximumDepth = 16
    static let logExtensions: Set<String> = [
        "csv", "tsv", "json", "jsonl", "ndjson", "log", "txt", "db", "sqlite", "sqlite3",
    ]

    let format: LogFormat?
    let x: String?
    private var collection = LogCollection()
    private var visited: Set<String> = []
    /// Files that are not logs by their names, by extension.
    private var otherFiles: [String: Int] = [:]
    private var root: URL?

    init(format: LogFormat?, x: String?) {
        self.format = format
        self.x = x
    }

    /// Whether the search may consider `candidate`.
    private func wants(_ candidate: LogFormat) -> Bool { format == nil || format == candidate }

    mutating func search(_ folder: URL, depth: Int) throws(MetricLogError) {
        if root == nil { root = folder }
        let real = folder.resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            skip(folder, "a link to a folder already searched")
            return
        }
        let entries = try LogReader.listing(folder)
        // A run folder named on the command line that cannot be read is an error; one found
        // while searching below it is passed over with the reason, and the search goes on.
        do {
            if try readLayout(folder, entries: entries) { return }
        } catch {
            if depth == 0 { throw error }
            skip(folder, "cannot be read: \(error.description)")
            return
        }
        var consumed = Set<String>()
        var found: [MetricLog] = []
        var unread: [(url: URL, reason: String)] = []
        for entry in entries where !entry.isDirectory {
            let url = folder.appendingPathComponent(entry.name)
            guard Self.logExtensions.contains(url.pathExtension.lowercased()) else { continue }
            do {
                if let forced = format {
                    // A forced format reads every file that could hold it.
                    let logs = try LogReader.readFile(url, format: forced, x: x)
                    collection.skipped += logs.skipped
                    found += logs.logs
                    consumed.insert(entry.name)
                    for log in logs.logs { consumed.formUnion(LogReader.sidecarNames(log.format)) }
                    continue
                }
                if SQLiteDatabase.hasHeader(try LogFile.head(url, count: 16)) {
                    let logs = try MLflowDatabaseReader.read(url)
                    collection.skipped += logs.skipped
                    found += logs.logs
                    consumed.insert(entry.name)
                    continue
                }
                let input = try ByteSource(file: url)
                let head = try input.head(LogReader.headBytes)
                switch LogReader.detect(head, fileName: entry.name, wholeFile: head.count == input.size) {
                case .success(let format):
                    var log = try LogReader.parse(input, format: format, source: url, x: x)
                    LogReader.addSidecars(to: &log, folder: folder)
                    consumed.insert(entry.name)
                    consumed.formUnion(LogReader.sidecarNames(format))
                    found.append(log)
                case .failure(let error):
                    unread.append((url, Self.reason(error, fileExtension: url.pathExtension.lowercased())))
                }
            } catch {
                consumed.insert(entry.name)
                skip(url, "cannot be read: \(error.description)")
            }
        }
        for (url, reason) in unread where !consumed.contains(url.lastPathComponent) { skip(url, reason) }
        for entry in entries where !entry.isDirectory && !consumed.contains(entry.name) {
            let ext = (entry.name as NSString).pathExtension.lowercased()
            if !Self.logExtensions.contains(ext) { otherFiles[ext.isEmpty ? "(none)" : ext, default: 0] += 1 }
        }
        collection.logs += withoutDuplicates(found)
        for entry in entries where entry.isDirectory {
            let sub = folder.appendingPathComponent(entry.name)
            if depth + 1 > Self.maximumDepth {
                skip(sub, "deeper than \(Self.maximumDepth) levels below \(root?.path ?? folder.path): not searched")
                continue
            }
            try search(sub, depth: depth + 1)
        }
    }

    /// Reads `folder` when it is a run layout of some tool; false when it is none.
    private mutating func readLayout(_ folder: URL, entries: [LogReader.Entry]) throws(MetricLogError) -> Bool {
        let files = Set(entries.filter { !$0.isDirectory }.map(\.name))
        let folders = Set(entries.filter(\.isDirectory).map(\.name))
        if wants(.nnreport), files.contains("metrics.jsonl") {
            var log = try LogReader.readFile(folder.appendingPathComponent("metrics.jsonl"), format: .nnreport, x: x)
            for i in log.logs.indices { log.logs[i] = log.logs[i].from(folder) }
            collection += log
            return true
        }
        if wants(.mlflow), MLflowFileStoreReader.layout(of: folder) != nil {
            collection += try MLflowFileStoreReader.read(folder)
            return true
        }
        if wants(.huggingFace), HFOutputReader.isOutputFolder(folder, files: files, folders: folders) {
            collection += try HFOutputReader.read(folder)
            return true
        }
        if format == nil || format == .lightningCSV || format == .tensorBoard,
            let lightning = try LightningFolderReader.read(folder, files: files, format: format)
        {
            collection += lightning
            return true
        }
        if wants(.dvclive) {
            for root in [folder, folder.appendingPathComponent("dvclive")]
            where LogReader.isFolder(root.appendingPathComponent("plots/metrics")) {
                collection.logs.append(try LogReader.readDVCLive(root, source: folder))
                return true
            }
        }
        if wants(.tensorBoard) {
            let eventFiles = try LogReader.tensorBoardFiles(in: folder, entries: entries)
            if !eventFiles.isEmpty {
                collection.logs.append(try TensorBoardReader.read(eventFiles, source: folder))
                return true
            }
        }
        return false
    }

    /// The logs of one folder without those that repeat another's values (mmengine writes its
    /// scalars to both vis_data/scalars.json and vis_data/<timestamp>.json): the one with the
    /// tool's standard name is kept, the other named.
    private mutating func withoutDuplicates(_ logs: [MetricLog]) -> [MetricLog] {
        let standard: Set<String> = ["scalars.json", "metrics.json", "metrics.csv", "results.csv", "metrics.jsonl"]
        let ordered = logs.enumerated().sorted { a, b in
            let ka = (standard.contains(a.element.source.lastPathComponent) ? 0 : 1, a.offset)
            let kb = (standard.contains(b.element.source.lastPathComponent) ? 0 : 1, b.offset)
            return ka < kb
        }.map(\.element)
        var kept: [MetricLog] = []
        for log in ordered {
            if let same = kept.first(where: { $0.series == log.series && $0.format == log.format }) {
                skip(log.source, "the same values as \(same.source.lastPathComponent): not drawn twice")
            } else {
                kept.append(log)
            }
        }
        return logs.filter { log in kept.contains { $0.source == log.source } }
    }

    private mutating func skip(_ url: URL, _ reason: String) {
        collection.skipped.append(SkippedInput(path: url.path, reason: reason))
    }

    /// A one-line reason from a detection failure: the complaint of the format the file's name
    /// suggests (JSON lines for .json, a table for .csv).
    static func reason(_ error: MetricLogError, fileExtension: String = "") -> String {
        guard case .unrecognised(_, let attempts) = error else { return error.description }
        if attempts.allSatisfy({ $0.reason == "the file is empty" }) { return "the file is empty" }
        let preferred: LogFormat
        switch fileExtension {
        case "json": preferred = .huggingFace
        case "jsonl", "ndjson": preferred = .jsonLines
        case "db", "sqlite", "sqlite3": preferred = .mlflow
        default: preferred = .table
        }
        let attempt = attempts.first { $0.format == preferred } ?? attempts.last
        return "not a training log nnreport reads (as \(attempt?.format.displayName ?? "a table"): "
            + "\(attempt?.reason ?? "unrecognised"))"
    }

    /// The collection found, with the count of files passed over for their names.
    mutating func finish() -> LogCollection {
        if !otherFiles.isEmpty, let root {
            let total = otherFiles.values.reduce(0, +)
            let kinds = otherFiles.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(6).map { ".\($0.key)" }
            collection.skipped.append(
                SkippedInput(
                    path: root.path,
                    reason: "\(total) file\(total == 1 ? "" : "s") that are not logs by their names ("
                        + kinds.joined(separator: ", ") + (otherFiles.count > 6 ? ", ..." : "") + ")"))
        }
        return collection
    }

    /// Why a folder with no run in it is not a log, format by format.
    func attemptsWhenEmpty(_ folder: URL) -> [FormatAttempt] {
        let all: [(LogFormat, String)] = [
            (.nnreport, "no metrics.jsonl"),
            (.mlflow, "no MLflow store (meta.yaml of experiments and runs) and no mlflow.db"),
            (.huggingFace, "no trainer_state.json (top level or in checkpoint-N/)"),
            (.lightningCSV, "no metrics.csv with Lightning's step and epoch columns"),
            (.dvclive, "no plots/metrics or dvclive/plots/metrics folder"),
            (.tensorBoard, "no events.out.tfevents.* files"),
            (.jsonLines, "no JSON-lines file of metrics"),
            (.ultralytics, "no results.csv"),
            (.kerasCSV, "no CSV with an epoch column first"),
            (.table, "no CSV or TSV table with a header"),
        ]
        var attempts = all.filter { wants($0.0) }.map { FormatAttempt(format: $0.0, reason: $0.1) }
        attempts.append(
            FormatAttempt(
                format: format ?? .nnreport,
                reason: "nothing in this folder or its subfolders (\(Self.maximumDepth) levels deep) is a log: "
                    + (collection.skipped.isEmpty
                        ? "it holds no log-like file"
                        : collection.skipped.prefix(5).map { "\($0.path) (\($0.reason))" }.joined(separator: "; ")
                            + (collection.skipped.count > 5 ? "; ..." : ""))))
        return attempts
    }
}
