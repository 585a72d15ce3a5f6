import Foundation

/// Joins the two halves of a Lightning run whose loggers landed in different version folders.
///
/// With `version=None`, a CSVLogger and a TensorBoardLogger each take the next free
/// `version_N`: the first logger creates `version_0`, the second then finds it taken and
/// writes `version_1`. Each folder gets the same hparams.yaml. A TensorBoard-only version and a
/// metrics.csv-only version of the same parent folder whose hyperparameters are equal are one
/// run: the CSV gives the values, the event file only what the CSV lacks; the nearest version
/// numbers pair first. Both folders are named in the run's notes.
enum LightningPairing {
    static func pair(_ collection: inout LogCollection) {
        var logs = collection.logs
        var removed = Set<Int>()
        let boards = logs.indices.filter { isLightningBoard(logs[$0]) }
        for board in boards {
            let parent = logs[board].source.deletingLastPathComponent().standardizedFileURL
            let candidates = logs.indices.filter { index in
                !removed.contains(index) && logs[index].format == .lightningCSV
                    && logs[index].source.deletingLastPathComponent().standardizedFileURL == parent
                    && !logs[index].hyperparameters.isEmpty
                    && logs[index].hyperparameters == logs[board].hyperparameters
                    && !logs[index].notes.contains { $0.hasPrefix("Joined with") }
            }
            guard
                let partner = candidates.min(by: {
                    abs(version(logs[$0].source) - version(logs[board].source))
                        < abs(version(logs[$1].source) - version(logs[board].source))
                })
            else { continue }
            let known = Set(logs[partner].series.map(\.originalName))
            let extras = logs[board].series.filter { !known.contains($0.originalName) && $0.originalName != "epoch" }
            logs[partner].series += extras
            logs[partner].notes.append(
                "Joined with \(logs[board].source.lastPathComponent) (TensorBoard), written by the same run: "
                    + "both folders hold the same hparams.yaml. Values from metrics.csv"
                    + (extras.isEmpty ? "." : "; from the event file only what metrics.csv lacks."))
            collection.skipped.append(
                SkippedInput(
                    path: logs[board].source.path,
                    reason: "the TensorBoard half of \(logs[partner].source.lastPathComponent) (same hparams.yaml): "
                        + "joined with it"))
            removed.insert(board)
        }
        collection.logs = logs.indices.filter { !removed.contains($0) }.map { logs[$0] }
    }

    /// A TensorBoard log read from a Lightning version folder with hparams.yaml.
    static func isLightningBoard(_ log: MetricLog) -> Bool {
        log.format == .tensorBoard && log.source.lastPathComponent.hasPrefix("version_")
            && FileManager.default.fileExists(atPath: log.source.appendingPathComponent("hparams.yaml").path)
    }

    /// N of version_N (or a large number when it has none).
    static func version(_ url: URL) -> Int {
        Int(url.lastPathComponent.dropFirst("version_".count)) ?? Int(Int32.max)
    }
}
