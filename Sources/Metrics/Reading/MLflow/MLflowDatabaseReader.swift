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
                    id: id, name: row.text(1).flatMap { $0.isEmpty ? nil : $0 } ?? id, experiment: experiment?.name ?? "",
                    status: row.text(3))
                runs.append((run, row.text(4) == "deleted" || experiment?.deleted == true))
            }
            var collection = LogCollection()
            let active = runs.filter { !$0.deleted }
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
                full.metrics = try metrics(of: run.id, in: db)
                if severalExperiments { full.name = "\(run.experiment)/\(run.name)" }
                var log = full.log(source: url)
                if log.series.isEmpty {
                    collection.skipped.append(
                        SkippedInput(path: "\(path) (run '\(run.name)', \(run.id))", reason: "the run logged no metric"))
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

    /// The metric values of one run, by key in key order, each key's values by step and time.
    static func metrics(of run: String, in db: SQLiteDatabase) throws(SQLiteDatabase.Failure)
        -> [(key: String, values: [MLflowRun.Value])]
    {
        var result: [(key: String, values: [MLflowRun.Value])] = []
        var lastKey: [UInt8] = []
        try db.query(
            "SELECT key, value, step, timestamp, is_nan FROM metrics WHERE run_uuid = ? ORDER BY key, step, timestamp",
            bind: [run]
        ) { row in
            // Compare the key's bytes with the previous row's before making a String: a run has
            // few keys and many values.
            let same = row.withTextBytes(0) { bytes in bytes.elementsEqual(lastKey) }
            if !same || result.isEmpty {
                lastKey = row.withTextBytes(0) { Array($0) }
                result.append((key: String(decoding: lastKey, as: UTF8.self), values: []))
            }
            let value = row.int(4) != 0 ? Double.nan : row.double(1)
            result[result.count - 1].values.append(
                MLflowRun.Value(step: row.int(2), timestamp: row.int(3), value: value))
        }
        return result
    }
}
