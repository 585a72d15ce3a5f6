import Foundation

extension LogReader {
    /// How deep subfolders are searched for runs.
    static let maximumFolderDepth = 3

    static func readFolder(_ folder: URL, format: LogFormat?, x: String?, depth: Int) throws(MetricLogError)
        -> [MetricLog]
    {
        let entries = try listing(folder)
        let files = Set(entries.filter { !$0.isDirectory }.map(\.name))
        func wants(_ candidate: LogFormat) -> Bool { format == nil || format == candidate }
        var attempts: [FormatAttempt] = []

        if wants(.nnreport) {
            if files.contains("metrics.jsonl") {
                return [
                    try readFile(folder.appendingPathComponent("metrics.jsonl"), format: .nnreport, x: x).from(folder)
                ]
            }
            attempts.append(FormatAttempt(format: .nnreport, reason: "no metrics.jsonl"))
        }
        if wants(.tensorBoard) {
            let eventFiles = try tensorBoardFiles(in: folder, entries: entries)
            if !eventFiles.isEmpty { return [try TensorBoardReader.read(eventFiles, source: folder)] }
            attempts.append(
                FormatAttempt(
                    format: .tensorBoard, reason: "no events.out.tfevents.* files here or in train/ or validation/"))
        }
        if wants(.dvclive) {
            for root in [folder, folder.appendingPathComponent("dvclive")] {
                if isFolder(root.appendingPathComponent("plots/metrics")) {
                    return [try readDVCLive(root, source: folder)]
                }
            }
            attempts.append(FormatAttempt(format: .dvclive, reason: "no plots/metrics or dvclive/plots/metrics folder"))
        }
        // Lightning's version_N folder, a Keras CSV, or a table in the folder.
        let csvFormats: [LogFormat] = [.lightningCSV, .kerasCSV, .table]
        if format == nil || csvFormats.contains(format!) {
            if files.contains("metrics.csv") {
                return [try readFile(folder.appendingPathComponent("metrics.csv"), format: format, x: x).from(folder)]
            }
            var logs: [MetricLog] = []
            for name in files.sorted() where [".csv", ".tsv", ".log"].contains(where: name.hasSuffix) {
                let url = folder.appendingPathComponent(name)
                let bytes = try LogFile.read(url)
                // Without a forced format, only files that look like a training tool's log count:
                // a folder of arbitrary tables is not a run.
                guard let chosen = format ?? (try? detect(bytes, fileName: name).get()),
                    chosen != .table || format == .table,
                    chosen != .dvclive || format == .dvclive
                else { continue }
                var log = try parse(bytes, format: chosen, source: url, x: x)
                addSidecars(to: &log, folder: folder)
                logs.append(log)
            }
            if !logs.isEmpty { return logs }
            for candidate in csvFormats where wants(candidate) {
                attempts.append(
                    FormatAttempt(format: candidate, reason: "no metrics.csv or .csv/.tsv/.log file in this format"))
            }
        }
        // Not a run itself: its subfolders may be runs (lightning_logs/version_*, runs/*).
        var runs: [MetricLog] = []
        if depth < maximumFolderDepth {
            for entry in entries where entry.isDirectory {
                do {
                    runs += try readFolder(
                        folder.appendingPathComponent(entry.name), format: format, x: x, depth: depth + 1)
                } catch .unrecognised {
                    continue  // that subfolder is not a run
                }
            }
        }
        if runs.isEmpty {
            throw .unrecognised(
                path: folder.path,
                attempts: attempts + [
                    FormatAttempt(
                        format: format ?? .nnreport,
                        reason: "no subfolder (searched \(maximumFolderDepth) levels deep) holds a run either")
                ])
        }
        return runs
    }

    struct Entry {
        var name: String
        var isDirectory: Bool
    }

    /// A folder's entries sorted by name, hidden ones left out.
    static func listing(_ folder: URL) throws(MetricLogError) -> [Entry] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw .cannotRead(path: folder.path, reason: LogFile.reason(error))
        }
        return names.filter { !$0.hasPrefix(".") }.sorted().map { name in
            Entry(name: name, isDirectory: isFolder(folder.appendingPathComponent(name)))
        }
    }

    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The event files of a TensorBoard run folder: its own, and those of its `train/`,
    /// `validation/` (and other split-named) subfolders with that name as tag prefix. When
    /// the folder has event files itself, all its subfolders' files belong to it too
    /// (PyTorch's `add_scalars` writes one subfolder per line); otherwise other subfolders are
    /// separate runs.
    static func tensorBoardFiles(in folder: URL, entries: [Entry]) throws(MetricLogError) -> [TensorBoardReader
        .EventFile]
    {
        var result = entries.filter { !$0.isDirectory && TensorBoardReader.isEventFileName($0.name) }.map {
            TensorBoardReader.EventFile(url: folder.appendingPathComponent($0.name), tagPrefix: "")
        }
        let ownFiles = !result.isEmpty
        for entry in entries where entry.isDirectory {
            guard ownFiles || MetricName.splitWords[entry.name.lowercased()] != nil else { continue }
            let sub = folder.appendingPathComponent(entry.name)
            for file in try listing(sub) where !file.isDirectory && TensorBoardReader.isEventFileName(file.name) {
                result.append(.init(url: sub.appendingPathComponent(file.name), tagPrefix: entry.name + "/"))
            }
        }
        return result
    }

    /// A DVCLive folder: every metric file under plots/metrics, params.yaml, metrics.json.
    static func readDVCLive(_ root: URL, source: URL) throws(MetricLogError) -> MetricLog {
        let metricsFolder = root.appendingPathComponent("plots/metrics")
        var builder = MetricLogBuilder()
        var files: [String] = []
        try collectFiles(metricsFolder, relative: "", depth: 0, into: &files)
        for relative in files {
            let url = metricsFolder.appendingPathComponent(relative)
            let name = String(relative.dropLast(4))  // ".tsv" / ".csv"
            try DVCLiveReader.parseMetric(try LogFile.read(url), path: url.path, name: name, into: &builder)
        }
        let series = builder.buildSeries()
        guard !series.isEmpty else {
            throw .noMetrics(path: metricsFolder.path, format: .dvclive, reason: "no .tsv metric file with values")
        }
        var log = MetricLog(
            source: source, format: .dvclive, runName: runName(for: source), series: series,
            warnings: builder.tally.messages)
        addSidecars(to: &log, folder: root)
        return log
    }

    /// Metric files below `folder` (relative paths, sorted), at most 8 levels deep.
    static func collectFiles(_ folder: URL, relative: String, depth: Int, into files: inout [String])
        throws(MetricLogError)
    {
        guard depth < 8 else { return }
        for entry in try listing(folder) {
            let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
            if entry.isDirectory {
                try collectFiles(
                    folder.appendingPathComponent(entry.name), relative: path, depth: depth + 1, into: &files)
            } else if entry.name.hasSuffix(".tsv") || entry.name.hasSuffix(".csv") {
                files.append(path)
            }
        }
    }
}

extension MetricLog {
    /// The same log with a folder as its source and run name.
    func from(_ folder: URL) -> MetricLog {
        var log = self
        log.source = folder
        log.runName = LogReader.runName(for: folder)
        return log
    }
}
