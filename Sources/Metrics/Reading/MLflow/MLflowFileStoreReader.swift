import Foundation

/// Reads an MLflow file store (`mlruns/`, written with a `file:` tracking URI and by MLflow 2's
/// default): `<experiment id>/meta.yaml` names each experiment; each run folder
/// `<experiment id>/<run id>/` holds `meta.yaml` (`run_name`, `status`, `lifecycle_stage`),
/// `metrics/<key>` (one `timestamp value step` line per logged value; a key with `/` is a
/// nested path), `params/<key>` (the value as text) and `tags/` (`mlflow.runName`).
///
/// Given the store, an experiment folder or a run folder, every active run found becomes a
/// run of the report. Deleted runs and the `.trash` folder are passed over and named.
enum MLflowFileStoreReader {
    /// What a folder is in a file store.
    enum Layout: Equatable {
        /// The store (`mlruns/`): experiment folders inside.
        case store
        /// One experiment: run folders inside, `meta.yaml` naming it.
        case experiment
        /// One run: `meta.yaml` with `run_id` and a `metrics/` folder.
        case run
    }

    /// The layout of `folder`, or nil when it is no part of an MLflow file store.
    static func layout(of folder: URL) -> Layout? {
        if isRun(folder) { return .run }
        if isExperiment(folder) { return .experiment }
        let children = (try? LogReader.listing(folder)) ?? []
        if children.contains(where: { $0.isDirectory && isExperiment(folder.appendingPathComponent($0.name)) }) {
            return .store
        }
        return nil
    }

    static func isRun(_ folder: URL) -> Bool {
        guard LogReader.isFolder(folder.appendingPathComponent("metrics")) else { return false }
        let meta = folder.appendingPathComponent("meta.yaml")
        guard let text = try? String(contentsOf: meta, encoding: .utf8) else { return false }
        return text.contains("run_id:") || text.contains("run_uuid:")
    }

    static func isExperiment(_ folder: URL) -> Bool {
        let meta = folder.appendingPathComponent("meta.yaml")
        guard let text = try? String(contentsOf: meta, encoding: .utf8), text.contains("experiment_id:"),
            !text.contains("run_id:")
        else { return false }
        let children = (try? LogReader.listing(folder)) ?? []
        return children.contains { $0.isDirectory && isRun(folder.appendingPathComponent($0.name)) }
            || children.allSatisfy { !$0.isDirectory || $0.name == "tags" }
    }

    static func read(_ folder: URL) throws(MetricLogError) -> LogCollection {
        guard let layout = layout(of: folder) else {
            throw .unrecognised(
                path: folder.path,
                attempts: [
                    FormatAttempt(
                        format: .mlflow,
                        reason: "no meta.yaml of an experiment or run here, nor experiment folders inside")
                ])
        }
        var collection = LogCollection()
        var experimentFolders: [URL] = []
        switch layout {
        case .run:
            let experiment = try experimentName(folder.deletingLastPathComponent())
            try readRun(folder, experiment: experiment, prefix: false, into: &collection)
            return collection
        case .experiment:
            experimentFolders = [folder]
        case .store:
            for entry in try LogReader.listing(folder) where entry.isDirectory {
                let child = folder.appendingPathComponent(entry.name)
                if isExperiment(child) {
                    experimentFolders.append(child)
                } else if entry.name != "models" {
                    collection.skipped.append(SkippedInput(path: child.path, reason: "not an MLflow experiment folder"))
                }
            }
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".trash").path) {
                collection.skipped.append(
                    SkippedInput(
                        path: folder.appendingPathComponent(".trash").path, reason: "MLflow's deleted runs: not read"))
            }
        }
        let prefix = experimentFolders.count > 1
        for experimentFolder in experimentFolders {
            let meta = try readMeta(experimentFolder.appendingPathComponent("meta.yaml"))
            let name = meta["name"]?.stringValue ?? experimentFolder.lastPathComponent
            if meta["lifecycle_stage"]?.stringValue == "deleted" {
                collection.skipped.append(
                    SkippedInput(
                        path: experimentFolder.path, reason: "experiment '\(name)' is deleted in MLflow: not read"))
                continue
            }
            for entry in try LogReader.listing(experimentFolder) where entry.isDirectory {
                let runFolder = experimentFolder.appendingPathComponent(entry.name)
                guard isRun(runFolder) else {
                    if entry.name != "tags" {
                        collection.skipped.append(
                            SkippedInput(path: runFolder.path, reason: "not an MLflow run folder"))
                    }
                    continue
                }
                try readRun(runFolder, experiment: name, prefix: prefix, into: &collection)
            }
        }
        guard !collection.logs.isEmpty else {
            throw .noMetrics(path: folder.path, format: .mlflow, reason: "no active run with a logged metric")
        }
        return collection
    }

    private static func experimentName(_ folder: URL) throws(MetricLogError) -> String {
        let meta = folder.appendingPathComponent("meta.yaml")
        guard FileManager.default.fileExists(atPath: meta.path) else { return folder.lastPathComponent }
        return try readMeta(meta)["name"]?.stringValue ?? folder.lastPathComponent
    }

    private static func readRun(_ folder: URL, experiment: String, prefix: Bool, into collection: inout LogCollection)
        throws(MetricLogError)
    {
        let meta = try readMeta(folder.appendingPathComponent("meta.yaml"))
        let id = meta["run_id"]?.stringValue ?? meta["run_uuid"]?.stringValue ?? folder.lastPathComponent
        var name = meta["run_name"]?.stringValue ?? ""
        if let tag = try? LogFile.read(folder.appendingPathComponent("tags/mlflow.runName")) {
            name = String(decoding: tag, as: UTF8.self)
        }
        if name.isEmpty { name = id }
        if meta["lifecycle_stage"]?.stringValue == "deleted" {
            collection.skipped.append(
                SkippedInput(path: folder.path, reason: "run '\(name)' is deleted in MLflow: not read"))
            return
        }
        var run = MLflowRun(
            id: id, name: prefix ? "\(experiment)/\(name)" : name, experiment: experiment,
            status: meta["status"]?.intValue.flatMap(MLflowRun.statusName) ?? meta["status"]?.stringValue)
        for key in try files(under: folder.appendingPathComponent("params")) {
            let bytes = try LogFile.read(folder.appendingPathComponent("params").appendingPathComponent(key))
            run.params.append((key, String(decoding: bytes, as: UTF8.self)))
        }
        let metricsFolder = folder.appendingPathComponent("metrics")
        for key in try files(under: metricsFolder) {
            let url = metricsFolder.appendingPathComponent(key)
            run.metrics.append((key, try values(of: url)))
        }
        let log = run.log(source: folder)
        if log.series.isEmpty {
            collection.skipped.append(SkippedInput(path: folder.path, reason: "run '\(name)' logged no metric"))
            return
        }
        collection.logs.append(log)
    }

    /// The `timestamp value step` lines of one metric file.
    static func values(of url: URL) throws(MetricLogError) -> [MLflowRun.Value] {
        var cursor = ByteCursor(try ByteSource(file: url))
        var result: [MLflowRun.Value] = []
        var lineNumber = 0
        while let (line, _) = try cursor.nextLine(maximumLength: 1 << 16, lineNumber: lineNumber + 1) {
            lineNumber += 1
            let fields = line.split(separator: UInt8(ascii: " "))
            if fields.isEmpty { continue }
            let text = fields.map { String(decoding: $0, as: UTF8.self) }
            guard text.count == 3 || text.count == 2, let timestamp = Int(text[0]),
                case .number(let value) = NumberCell(text[1]), let step = text.count == 3 ? Int(text[2]) : 0
            else {
                throw .malformed(
                    path: url.path, location: .line(lineNumber, column: nil),
                    expected: "an MLflow metric line \"timestamp value step\"", found: LogFile.excerpt(Array(line)))
            }
            result.append(MLflowRun.Value(step: step, timestamp: timestamp, value: value))
        }
        return result
    }

    /// Relative paths of the files below `folder` (keys with `/` are nested), sorted.
    static func files(under folder: URL) throws(MetricLogError) -> [String] {
        guard LogReader.isFolder(folder) else { return [] }
        var result: [String] = []
        func walk(_ url: URL, _ relative: String, depth: Int) throws(MetricLogError) {
            guard depth < 16 else { return }
            for entry in try LogReader.listing(url) {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isDirectory {
                    try walk(url.appendingPathComponent(entry.name), path, depth: depth + 1)
                } else {
                    result.append(path)
                }
            }
        }
        try walk(folder, "", depth: 0)
        return result
    }

    private static func readMeta(_ url: URL) throws(MetricLogError) -> JSONValue {
        let bytes = try LogFile.read(url)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .malformed(
                path: url.path, location: .line(1, column: nil), expected: "UTF-8 text", found: "other bytes")
        }
        do {
            return try YAMLDocument.parse(text)
        } catch {
            throw .malformed(
                path: url.path, location: .line(error.line, column: nil), expected: "MLflow's meta.yaml",
                found: error.message)
        }
    }
}
