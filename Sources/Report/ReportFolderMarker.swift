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
    /// The command's arguments (without the program name), for `nnreport resume` to run it again.
    public var arguments: [String]?
    /// The folder the command ran in, for its relative paths.
    public var directory: String?
    /// When `pid` started and in which boot (``ProcessIdentity``): a later process with the same
    /// number is not the writer.
    public var processStart: UInt64?
    public var bootID: String?
    /// Seconds between two touches of this file while the folder is being written (its
    /// modification time is the writer's heartbeat, see ``StagingHeartbeat``); nil when the
    /// writer does not touch it.
    public var heartbeat: Int?

    public init(
        version: String, command: String, host: String = Self.currentHost, pid: Int32 = getpid(),
        arguments: [String]? = nil, directory: String? = nil, processStart: UInt64? = nil, bootID: String? = nil,
        heartbeat: Int? = nil
    ) {
        self.version = version
        self.command = command
        self.host = host
        self.pid = pid
        self.arguments = arguments
        self.directory = directory
        self.processStart = processStart
        self.bootID = bootID
        self.heartbeat = heartbeat
    }

    /// A marker for this process with its identity and heartbeat: what a staging folder gets.
    public static func current(
        version: String, command: String, arguments: [String]? = nil,
        directory: String? = FileManager.default.currentDirectoryPath
    ) -> ReportFolderMarker {
        ReportFolderMarker(
            version: version, command: command, arguments: arguments, directory: directory,
            processStart: ProcessIdentity.currentStartTime, bootID: ProcessIdentity.bootID,
            heartbeat: StagingHeartbeat.interval)
    }

    /// The file's content: one line of JSON.
    public var line: String {
        var members: [(key: String, value: JSONValue)] = [
            ("written_by", .string("nnreport")), ("version", .string(version)), ("command", .string(command)),
            ("host", .string(host)), ("pid", .int(Int(pid))),
        ]
        if let arguments { members.append(("arguments", .array(arguments.map { .string($0) }))) }
        if let directory { members.append(("directory", .string(directory))) }
        if let processStart { members.append(("process_start", .exact(processStart))) }
        if let bootID { members.append(("boot_id", .string(bootID))) }
        if let heartbeat { members.append(("heartbeat", .int(heartbeat))) }
        return JSONWriter.compact(.object(members)) + "\n"
    }

    /// The marker in `folder`, or nil when there is none or it is not one nnreport wrote.
    public static func read(in folder: URL) -> ReportFolderMarker? {
        guard let json = smallJSON(folder.appendingPathComponent(fileName)),
            json["written_by"]?.stringValue == "nnreport", let version = json["version"]?.stringValue,
            let command = json["command"]?.stringValue, let host = json["host"]?.stringValue,
            let pid = json["pid"]?.intValue.flatMap(Int32.init(exactly:))
        else { return nil }
        return ReportFolderMarker(
            version: version, command: command, host: host, pid: pid,
            arguments: json["arguments"]?.arrayValue?.compactMap(\.stringValue),
            directory: json["directory"]?.stringValue, processStart: json["process_start"]?.exactUInt64,
            bootID: json["boot_id"]?.stringValue, heartbeat: json["heartbeat"]?.intValue)
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
