import Foundation
import Metrics

/// The `.nnreport` file in every folder nnreport writes: one line of JSON saying which program
/// wrote the folder, with which command, and which process on which host staged it.
///
/// `--force` replaces only folders that nnreport wrote; this file is how it tells. Folders
/// written before the marker existed are recognised by their summary.json or sweep.json, which
/// name nnreport's version and command. The host and process let a later run tell a staging
/// folder whose writer died from one that is still being written (``StagingLeftover``).
public struct ReportFolderMarker: Equatable, Sendable {
    public static let fileName = ".nnreport"

    /// nnreport's version.
    public var version: String
    /// The command line that wrote the folder.
    public var command: String
    /// The host name of the machine whose process staged the folder.
    public var host: String
    /// The process that staged the folder.
    public var pid: Int32

    public init(version: String, command: String, host: String = Self.currentHost, pid: Int32 = getpid()) {
        self.version = version
        self.command = command
        self.host = host
        self.pid = pid
    }

    /// The file's content: one line of JSON.
    public var line: String {
        JSONWriter.compact(
            .object([
                ("written_by", .string("nnreport")), ("version", .string(version)), ("command", .string(command)),
                ("host", .string(host)), ("pid", .int(Int(pid))),
            ])) + "\n"
    }

    /// The marker in `folder`, or nil when there is none or it is not one nnreport wrote.
    public static func read(in folder: URL) -> ReportFolderMarker? {
        guard let json = smallJSON(folder.appendingPathComponent(fileName)),
            json["written_by"]?.stringValue == "nnreport", let version = json["version"]?.stringValue,
            let command = json["command"]?.stringValue, let host = json["host"]?.stringValue,
            let pid = json["pid"]?.intValue.flatMap(Int32.init(exactly:))
        else { return nil }
        return ReportFolderMarker(version: version, command: command, host: host, pid: pid)
    }

    /// Whether nnreport wrote `folder`: it has a marker, or (folders from before the marker) a
    /// summary.json or sweep.json naming nnreport's version and an `nnreport ...` command.
    public static func isReportFolder(_ folder: URL) -> Bool {
        if read(in: folder) != nil { return true }
        for name in ["summary.json", "sweep.json"] {
            guard let json = smallJSON(folder.appendingPathComponent(name)) else { continue }
            let version = json["version"]?.stringValue ?? json["nnreport"]?.stringValue
            if version != nil, json["command"]?.stringValue?.hasPrefix("nnreport ") == true { return true }
        }
        return false
    }

    /// This machine's host name ("" when it cannot be read).
    public static var currentHost: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A JSON object from a regular file of at most 16 MiB (a summary.json is a few KB; anything
    /// else at that name is not nnreport's).
    static func smallJSON(_ url: URL) -> JSONValue? {
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= 16 << 20,
            let data = FileManager.default.contents(atPath: url.path),
            let json = try? JSONParser.parse([UInt8](data)), case .object = json
        else { return nil }
        return json
    }
}
