/// A metric file that could not be written: the path, what was being done, and the system's reason.
public enum MetricWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be created or opened for writing (missing folder, no permission).
    case cannotOpen(path: String, reason: String)
    /// A write failed part-way (for example "No space left on device").
    case writeFailed(path: String, reason: String)
    /// Closing the file reported an error (data may not have reached the disk).
    case closeFailed(path: String, reason: String)
    /// The writer was used after ``JSONLWriter/close()``.
    case closed(path: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open \(path) for writing: \(reason). Check that the folder exists and is writable."
        case .writeFailed(let path, let reason):
            return "writing \(path) failed: \(reason). Free some space or choose another output folder."
        case .closeFailed(let path, let reason):
            return "closing \(path) failed: \(reason); the file may be incomplete."
        case .closed(let path):
            return "\(path) was already closed; no more events can be written to it."
        }
    }
}
