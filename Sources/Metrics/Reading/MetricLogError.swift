/// Where in a log file something was found.
public enum LogLocation: Sendable, Equatable, CustomStringConvertible {
    /// A 1-based line, and a 1-based column (or field) when known.
    case line(Int, column: Int?)
    /// A 0-based byte offset in a binary file.
    case byteOffset(Int)
    /// A 0-based record index of a TFRecord file and the byte offset where the record starts.
    case record(Int, byteOffset: Int)

    public var description: String {
        switch self {
        case .line(let line, let column?): return "line \(line), column \(column)"
        case .line(let line, nil): return "line \(line)"
        case .byteOffset(let offset): return "byte \(offset)"
        case .record(let index, let offset): return "record \(index) (byte \(offset))"
        }
    }
}

/// One format that was tried on a log and why it did not fit.
public struct FormatAttempt: Sendable, Equatable {
    public var format: LogFormat
    public var reason: String

    public init(format: LogFormat, reason: String) {
        self.format = format
        self.reason = reason
    }
}

/// A training log that could not be read: which file, where in it, and what was expected.
public enum MetricLogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or folder does not exist or cannot be read.
    case cannotRead(path: String, reason: String)
    /// Content that breaks the format at `location`.
    case malformed(path: String, location: LogLocation, expected: String, found: String)
    /// A TensorBoard record whose length field fails its CRC: the framing is lost.
    case corruptRecord(path: String, record: Int, byteOffset: Int, reason: String)
    /// The file has the format's shape but holds no metric values.
    case noMetrics(path: String, format: LogFormat, reason: String)
    /// The file is empty or matches none of the formats; each attempt says why.
    case unrecognised(path: String, attempts: [FormatAttempt])
    /// `--x NAME` names a column the table does not have, or one that is not numeric.
    case badXColumn(path: String, name: String, available: [String])

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .malformed(let path, let location, let expected, let found):
            return "\(path):\(Self.compact(location)): expected \(expected), found \(found)"
        case .corruptRecord(let path, let record, let offset, let reason):
            return "\(path): record \(record) at byte \(offset) is corrupt: \(reason). "
                + "The records after it cannot be located; the file is damaged."
        case .noMetrics(let path, let format, let reason):
            return "\(path): no metric values in this \(format.displayName): \(reason)"
        case .unrecognised(let path, let attempts):
            let tried = attempts.map { "  --format-in \($0.format.rawValue) (\($0.format.displayName)): \($0.reason)" }
            return "\(path) is not a training log nnreport can read. Formats tried:\n" + tried.joined(separator: "\n")
                + "\nIf you know the format, force it with --format-in."
        case .badXColumn(let path, let name, let available):
            return "\(path): --x \(name) is not a numeric column of this table; columns: "
                + available.joined(separator: ", ")
        }
    }

    /// `12:5` for a line and column, `12` for a line, `byte 40`, `record 3 (byte 40)`.
    static func compact(_ location: LogLocation) -> String {
        switch location {
        case .line(let line, let column?): return "\(line):\(column)"
        case .line(let line, nil): return "\(line)"
        default: return location.description
        }
    }
}
