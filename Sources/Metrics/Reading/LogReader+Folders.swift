import Foundation

extension LogReader {
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

    /// The event files of a TensorBoard run folder: its own, and those of its subfolders. With
    /// event files of its own, every subfolder (two levels deep) belongs to the run: PyTorch's
    /// `add_scalars` writes `<tag>_<key>/`, tensorboardX's `<tag>/<key>/`, `add_hparams` a
    /// timestamp folder. Without, only split-named subfolders do (Keras's `train/` and
    /// `validation/`); other subfolders are runs of their own.
    static func tensorBoardFiles(in folder: URL, entries: [Entry]) throws(MetricLogError) -> [TensorBoardReader
        .EventFile]
    {
        var result = entries.filter { !$0.isDirectory && TensorBoardReader.isEventFileName($0.name) }.map {
            TensorBoardReader.EventFile(url: folder.appendingPathComponent($0.name))
        }
        let ownFiles = !result.isEmpty
        func collect(_ sub: URL, relative: String, depth: Int) throws(MetricLogError) {
            for file in try listing(sub) {
                let url = sub.appendingPathComponent(file.name)
                if file.isDirectory {
                    if depth < 2 { try collect(url, relative: relative + "/" + file.name, depth: depth + 1) }
                } else if TensorBoardReader.isEventFileName(file.name) {
                    result.append(.init(url: url, subfolder: relative))
                }
            }
        }
        for entry in entries where entry.isDirectory {
            if ownFiles {
                try collect(folder.appendingPathComponent(entry.name), relative: entry.name, depth: 1)
            } else if MetricName.splitWords[entry.name.lowercased()] != nil {
                let sub = folder.appendingPathComponent(entry.name)
                for file in try listing(sub) where !file.isDirectory && TensorBoardReader.isEventFileName(file.name) {
                    result.append(.init(url: sub.appendingPathComponent(file.name), subfolder: entry.name))
                }
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
            try DVCLiveReader.parseMetric(try ByteSource(file: url), name: name, into: &builder)
        }
        let series = builder.buildSeries()
        guard !series.isEmpty else {
            throw .noMetrics(path: metricsFolder.path, format: .dvclive, reason: "no .tsv metric file with values")
        }
        var log = MetricLog(
            source: source, format: .dvclive, runName: runName(for: source), series: series,
            warnings: builder.tally.messages,
            notes: ["Steps as DVCLive counts them (Live.next_step): from 0."])
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
