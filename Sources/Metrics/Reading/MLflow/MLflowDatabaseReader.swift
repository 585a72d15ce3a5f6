import Foundation

/// Reads an MLflow SQLite tracking database (`mlflow.db`, MLflow 3's default store; any
/// `sqlite:///` tracking URI): every active run of every active experiment becomes a run of the
/// report, named by its `runs.name` (the `mlflow.runName` tag), prefixed with the experiment's
/// name when the database holds several experiments.
///
/// Tables read: `experiments(experiment_id, name, lifecycle_stage)`, `runs(run_uuid, name,
/// experiment_id, status, lifecycle_stage, start_time)`, `metrics(key, value, timestamp, step,
/// run_uuid, is_nan)` (a NaN is stored as 0 with `is_nan` 1) and `params(key, value, run_uuid)`.
/// Deleted runs and experiments are passed over and named. The database is opened read-only, so
/// a tracking server may keep writing it.
enum MLflowDatabaseReader {
    static let requiredTables = ["experiments", "runs", "metrics", "params"]

    static func read(_ url: URL) throws(MetricLogError) -> LogCollection {
        let path = url.path
        do {
            let db = try SQLiteDatabase(readOnly: path)
            let tables = try db.tableNames()
            let missing = requiredTables.filter { !tables.contains($0) }
            guard missing.isEmpty else {
                throw MetricLogError.malformed(
                    path: path, location: .byteOffset(0),
                    expected: "an MLflow tracking database (tables \(requiredTables.joined(separator: ", ")))",
                    found: "a SQLite database without the table\(missing.count == 1 ? "" : "s") "
                        + missing.joined(separator: ", "))
            }
            var experiments: [String: (name: String, deleted: Bool)] = [:]
            try db.query("SELECT experiment_id, name, lifecycle_stage FROM experiments") { row in
                experiments[row.text(0) ?? ""] = (row.text(1) ?? "", row.text(2) == "deleted")
            }
            var runs: [(run: MLflowRun, deleted: Bool)] = []
            try db.query(
                "SELECT run_uuid, name, experiment_id, status, lifecycle_stage FROM runs "
                    + "ORDER BY experiment_id, start_time, run_uuid"
            ) { row in
                let id = row.text(0) ?? ""
                let experiment = experiments[row.text(2) ?? ""]
                let run = MLflowRun(
                    id: id, name: row.text(1).flatMap { $0.isEmpty ? nil : $0 } ?? id,
                    experiment: experiment?.name ?? "",
                    status: row.text(3))
                runs.append((run, row.text(4) == "deleted" || experiment?.deleted == true))
            }
            var collection = LogCollection()
            let active = runs.filter { !$0.deleted }
            let metricsByRun = try metrics(of: Set(active.map(\.run.id)), in: db)
            let severalExperiments = Set(active.map(\.run.experiment)).count > 1
            for (run, deleted) in runs {
                if deleted {
                    collection.skipped.append(
                        SkippedInput(
                            path: "\(path) (run '\(run.name)', \(run.id))", reason: "deleted in MLflow: not read"))
                    continue
                }
                var full = run
                try db.query("SELECT key, value FROM params WHERE run_uuid = ? ORDER BY key", bind: [run.id]) { row in
                    full.params.append((row.text(0) ?? "", row.text(1) ?? ""))
                }
                full.metrics = metricsByRun[run.id] ?? []
                if severalExperiments { full.name = "\(run.experiment)/\(run.name)" }
                var log = full.log(source: url)
                if log.series.isEmpty {
                    collection.skipped.append(
                        SkippedInput(path: "\(path) (run '\(run.name)', \(run.id))", reason: "the run logged no metric")
                    )
                    continue
                }
                log.notes.insert("Read from the MLflow tracking database \(url.lastPathComponent).", at: 0)
                collection.logs.append(log)
            }
            guard !collection.logs.isEmpty else {
                throw MetricLogError.noMetrics(
                    path: path, format: .mlflow,
                    reason: runs.isEmpty ? "the database holds no run" : "no active run logged a metric")
            }
            return collection
        } catch let failure as SQLiteDatabase.Failure {
            throw .cannotRead(path: path, reason: failure.message)
        } catch let error as MetricLogError {
            throw error
        } catch {
            throw .cannotRead(path: path, reason: "\(error)")
        }
    }

    /// The metric values of the runs `ids`, by run, each run's keys in key order. One pass over
    /// the table in its stored order (sequential reads, no index lookups per row); the values of a
    /// key are ordered by step and time when the run is built.
    static func metrics(of ids: Set<String>, in db: SQLiteDatabase) throws(SQLiteDatabase.Failure)
        -> [String: [(key: String, values: [MLflowRun.Value])]]
    {
        var byRun: [String: [String: [MLflowRun.Value]]] = [:]
        var lastRun: [UInt8] = []
        var lastRunID = ""
        var lastKey: [UInt8] = []
        var lastKeyName = ""
        var wanted = false
        try db.query("SELECT run_uuid, key, value, step, timestamp, is_nan FROM metrics") { row in
            // Compare bytes with the previous row's before making Strings: rows of one run and
            // key mostly come together.
            if !row.withTextBytes(0, { $0.elementsEqual(lastRun) }) || lastRunID.isEmpty {
                lastRun = row.withTextBytes(0) { Array($0) }
                lastRunID = String(decoding: lastRun, as: UTF8.self)
                wanted = ids.contains(lastRunID)
                lastKey = []
            }
            guard wanted else { return }
            if !row.withTextBytes(1, { $0.elementsEqual(lastKey) }) || lastKey.isEmpty {
                lastKey = row.withTextBytes(1) { Array($0) }
                lastKeyName = String(decoding: lastKey, as: UTF8.self)
            }
            let value = row.int(5) != 0 ? Double.nan : row.double(2)
            byRun[lastRunID, default: [:]][lastKeyName, default: []].append(
                MLflowRun.Value(step: row.int(3), timestamp: row.int(4), value: value))
        }
        return byRun.mapValues { keys in keys.keys.sorted().map { (key: $0, values: keys[$0]!) } }
    }
}
