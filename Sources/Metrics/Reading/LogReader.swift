import Foundation

/// Reads training logs of every supported format into ``MetricLog``s: the entry point of
/// `nnreport render`.
///
/// A file's format is detected from its content (``detect(_:fileName:)``) unless forced; a
/// folder is searched for the layouts the tools write (an nnreport run folder with
/// metrics.jsonl, a TensorBoard run with event files and `train/` / `validation/` subfolders,
/// a Lightning `version_N` folder, a DVCLive folder), and when it is none of those, its
/// subfolders (three levels deep) are read as separate runs.
public enum LogReader {
    /// Reads a log file or a run folder; one ``MetricLog`` per run found, in path order.
    ///
    /// - Parameters:
    ///   - format: forces a format (`--format-in`); nil detects it.
    ///   - x: the x column of a plain table (`--x step|epoch|NAME`); other formats ignore it.
    /// - Throws: ``MetricLogError`` naming the file and, for malformed content, the line or byte.
    public static func read(_ url: URL, format: LogFormat? = nil, x: String? = nil) throws(MetricLogError)
        -> [MetricLog]
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .cannotRead(path: url.path, reason: "no such file or folder")
        }
        if isDirectory.boolValue {
            return try readFolder(url, format: format, x: x, depth: 0)
        }
        return [try readFile(url, format: format, x: x)]
    }

    /// Parses the bytes of one log file in a known format, without looking at files beside it.
    public static func parse(_ bytes: [UInt8], format: LogFormat, source: URL, x: String? = nil) throws(MetricLogError)
        -> MetricLog
    {
        switch format {
        case .nnreport: return try JSONLLogReader.parse(bytes, source: source)
        case .kerasCSV: return try KerasCSVReader.parse(bytes, source: source)
        case .lightningCSV: return try LightningCSVReader.parse(bytes, source: source)
        case .tensorBoard: return try TensorBoardReader.parse(bytes, source: source)
        case .dvclive: return try DVCLiveReader.parse(bytes, source: source)
        case .table: return try TableReader.parse(bytes, source: source, x: x)
        }
    }

    /// Reads one file: detects or applies the format, then adds what lies beside it
    /// (summary.json for metrics.jsonl, hparams.yaml for a Lightning metrics.csv).
    static func readFile(_ url: URL, format: LogFormat?, x: String?) throws(MetricLogError) -> MetricLog {
        let bytes = try LogFile.read(url)
        let chosen: LogFormat
        if let format {
            chosen = format
        } else {
            switch detect(bytes, fileName: url.lastPathComponent) {
            case .success(let found): chosen = found
            case .failure(let error): throw error.withPath(url.path)
            }
        }
        let folder = url.deletingLastPathComponent()
        if chosen == .tensorBoard, MetricName.splitWords[folder.lastPathComponent.lowercased()] != nil {
            // validation/events.out.tfevents.* read alone: its tags are still validation metrics.
            return try TensorBoardReader.parse(bytes, source: url, tagPrefix: folder.lastPathComponent + "/")
        }
        var log = try parse(bytes, format: chosen, source: url, x: x)
        addSidecars(to: &log, folder: folder)
        return log
    }

    /// A short run name: the folder for a file with a tool's standard name (metrics.jsonl,
    /// metrics.csv, an event file), `lightning_logs/version_3` for Lightning, else the file's
    /// name without extension.
    static func runName(for url: URL) -> String {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        var name = url.lastPathComponent
        var folder = url
        if !exists || !isDirectory.boolValue {
            folder = url.deletingLastPathComponent()
            let standard = ["metrics.jsonl", "metrics.csv"].contains(name) || TensorBoardReader.isEventFileName(name)
            name = standard ? folder.lastPathComponent : url.deletingPathExtension().lastPathComponent
            if !standard { return name }
        }
        if MetricName.splitWords[name.lowercased()] != nil || name == "dvclive" {
            folder = folder.deletingLastPathComponent()
            name = folder.lastPathComponent
        }
        if name.hasPrefix("version_") {
            return folder.deletingLastPathComponent().lastPathComponent + "/" + name
        }
        return name
    }
}
