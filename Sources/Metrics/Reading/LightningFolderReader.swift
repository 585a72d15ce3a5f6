import Foundation

/// Reads a PyTorch Lightning version folder (`lightning_logs/version_N/`) as one run, whatever
/// its loggers left in it: `metrics.csv` (CSVLogger), the event file (TensorBoardLogger) and
/// `hparams.yaml` (either).
///
/// With metrics.csv, its values are the run's: its `epoch` and `step` columns give the axes and
/// hparams.yaml the hyperparameters. The event file then holds the same values again; only the
/// tags metrics.csv lacks are taken from it (and named), so nothing is drawn twice. Without
/// metrics.csv the event file is read with hparams.yaml, its logged `epoch` giving the epochs.
/// Versions whose loggers landed in different folders are joined by ``LightningPairing``.
enum LightningFolderReader {
    /// The run of `folder`, or nil when it is not a Lightning version folder.
    static func read(_ folder: URL, files: Set<String>, format: LogFormat?) throws(MetricLogError) -> LogCollection? {
        let hasSettings = files.contains("hparams.yaml")
        let eventNames = files.filter(TensorBoardReader.isEventFileName).sorted()
        var csvLog: MetricLog?
        if files.contains("metrics.csv"), format == nil || format == .lightningCSV {
            let url = folder.appendingPathComponent("metrics.csv")
            let input = try ByteSource(file: url)
            let head = try input.head(1 << 16)
            let delimiter = CSVTable.guessDelimiter(head) ?? UInt8(ascii: ",")
            if LightningCSVReader.mismatch(header: CSVTable.header(of: head, delimiter: delimiter)) == nil
                || format == .lightningCSV
            {
                var log = try LightningCSVReader.parse(input, source: url)
                LogReader.addSidecars(to: &log, folder: folder)
                csvLog = log.from(folder)
            }
        }
        let isVersionFolder = folder.lastPathComponent.hasPrefix("version_")
        guard csvLog != nil || (hasSettings && !eventNames.isEmpty && (isVersionFolder || format == .tensorBoard))
        else {
            return nil
        }
        var collection = LogCollection()
        let eventFiles = eventNames.map { TensorBoardReader.EventFile(url: folder.appendingPathComponent($0)) }
        let settings = hasSettings ? folder.appendingPathComponent("hparams.yaml") : nil
        guard var log = csvLog else {
            guard format == nil || format == .tensorBoard else { return nil }
            var board = try TensorBoardReader.read(eventFiles, source: folder, settingsFile: settings)
            board.notes.insert(
                "Lightning TensorBoardLogger folder: values from the event file, settings from hparams.yaml.", at: 0)
            collection.logs.append(board)
            return collection
        }
        if !eventFiles.isEmpty, format == nil {
            let board = try TensorBoardReader.read(eventFiles, source: folder, settingsFile: settings)
            let known = Set(log.series.map(\.originalName))
            let extras = board.series.filter { !known.contains($0.originalName) && $0.originalName != "epoch" }
            log.series += extras
            let names = extras.filter { $0.exclusion == nil }.map { "'\($0.originalName)'" }
            if !names.isEmpty {
                log.notes.append(
                    "From the event file, which holds what metrics.csv lacks: \(names.joined(separator: ", ")).")
            }
            for file in eventFiles {
                collection.skipped.append(
                    SkippedInput(
                        path: file.url.path,
                        reason: "the same values as metrics.csv beside it, not drawn twice"
                            + (extras.isEmpty ? "" : " (only the tags metrics.csv lacks are read from it)")))
            }
        }
        collection.logs.append(log)
        return collection
    }
}
