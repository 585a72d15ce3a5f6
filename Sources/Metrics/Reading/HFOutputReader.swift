import Foundation

/// Reads a Hugging Face `Trainer` output folder (`output_dir`): `trainer_state.json` at the top
/// (written by `save_state()`) or in each `checkpoint-N/`, `runs/<date_host>/` with the
/// TensorBoard logs of `report_to="tensorboard"`, and `*_results.json`.
///
/// One run: the most complete state (the top-level one, else the checkpoint with the highest
/// step) gives the values; the older checkpoints' states are earlier copies of the same
/// history, and the TensorBoard logs and results files hold the same values again, so they are
/// named and not drawn twice. The TensorBoard logs give the hyperparameters (the Trainer's
/// arguments as text); when they go further than every state (training went on after the last
/// checkpoint), they give the values instead.
enum HFOutputReader {
    static func isOutputFolder(_ folder: URL, files: Set<String>, folders: Set<String>) -> Bool {
        files.contains("trainer_state.json") || !checkpointStates(folder, folders: folders).isEmpty
    }

    /// `checkpoint-N/trainer_state.json` files, by N.
    static func checkpointStates(_ folder: URL, folders: Set<String>) -> [(step: Int, url: URL)] {
        folders.compactMap { name -> (Int, URL)? in
            guard let number = name.strippingPrefix("checkpoint-").flatMap({ Int($0) }) else { return nil }
            let state = folder.appendingPathComponent(name).appendingPathComponent("trainer_state.json")
            return FileManager.default.fileExists(atPath: state.path) ? (number, state) : nil
        }.sorted { $0.0 < $1.0 }
    }

    static func read(_ folder: URL) throws(MetricLogError) -> LogCollection {
        let entries = try LogReader.listing(folder)
        let folders = Set(entries.filter(\.isDirectory).map(\.name))
        let checkpoints = checkpointStates(folder, folders: folders)
        let top = folder.appendingPathComponent("trainer_state.json")
        let chosen = FileManager.default.fileExists(atPath: top.path) ? top : checkpoints.last!.url
        var collection = LogCollection()
        for (_, url) in checkpoints where url != chosen {
            collection.skipped.append(
                SkippedInput(
                    path: url.path,
                    reason: "an earlier state of the same run: \(relative(chosen, to: folder)) holds its values"))
        }
        var log = try TrainerStateReader.parse(try LogFile.read(chosen), source: folder).from(folder)
        log.notes.insert("Values from \(relative(chosen, to: folder)).", at: 0)

        // TensorBoard logs of the same run: runs/<name>/ (the Trainer's default logging_dir).
        var tensorBoardRuns: [URL] = []
        let runsFolder = folder.appendingPathComponent("runs")
        if folders.contains("runs") {
            for entry in try LogReader.listing(runsFolder) where entry.isDirectory {
                tensorBoardRuns.append(runsFolder.appendingPathComponent(entry.name))
            }
        }
        let lastStateStep = log.series.flatMap(\.points).compactMap(\.step).max() ?? 0
        for run in tensorBoardRuns {
            let files = try LogReader.tensorBoardFiles(in: run, entries: try LogReader.listing(run))
            guard !files.isEmpty else { continue }
            let board = try TensorBoardReader.read(files, source: run)
            let lastBoardStep = board.series.flatMap(\.points).compactMap(\.step).max() ?? 0
            if lastBoardStep > lastStateStep {
                var replaced = board.from(folder)
                replaced.hyperparameters = board.hyperparameters.isEmpty ? log.hyperparameters : board.hyperparameters
                replaced.notes.insert(
                    "Values from the TensorBoard logs in \(relative(run, to: folder)), which go on to step "
                        + "\(lastBoardStep); \(relative(chosen, to: folder)) stops at step \(lastStateStep).", at: 0)
                collection.skipped.append(
                    SkippedInput(path: chosen.path, reason: "the TensorBoard logs go further: drawn from them instead"))
                log = replaced
                continue
            }
            if !board.hyperparameters.isEmpty {
                log.hyperparameters =
                    board.hyperparameters
                    + log.hyperparameters.filter { own in
                        !board.hyperparameters.contains { $0.name == own.name }
                    }
                log.notes.append("Hyperparameters from the Trainer's arguments in \(relative(run, to: folder)).")
            }
            collection.skipped.append(
                SkippedInput(
                    path: run.path,
                    reason: "TensorBoard logs of the same run: the same values as \(relative(chosen, to: folder)), "
                        + "not drawn twice" + (board.hyperparameters.isEmpty ? "" : " (its hyperparameters are read)")))
        }
        for name in ["all_results.json", "train_results.json", "eval_results.json", "test_results.json"]
        where entries.contains(where: { $0.name == name }) {
            collection.skipped.append(
                SkippedInput(
                    path: folder.appendingPathComponent(name).path,
                    reason: "final figures that the state's log_history also holds"))
        }
        collection.logs.append(log)
        return collection
    }

    static func relative(_ url: URL, to folder: URL) -> String {
        let base = folder.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
