/// Why a report could not be written. Every case names the path involved.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    /// `--out` points at a folder that already has files in it.
    case outputExists(path: String)
    /// A folder or file could not be created or written.
    case cannotWrite(path: String, reason: String)
    /// A file of the report being built could not be written (disk full, quota, I/O error).
    case cannotWriteFile(name: String, report: String, reason: String)
    /// The final rename of the finished report failed.
    case cannotFinish(staging: String, destination: String, reason: String)
    /// A template could not be parsed: `file:line:column: message`.
    case template(file: String, line: Int, column: Int, message: String)
    /// The templates folder lacks a template the report needs.
    case missingTemplate(name: String, directory: String)
    /// A figure could not be drawn or written.
    case figure(name: String, reason: String)

    public var description: String {
        switch self {
        case .outputExists(let path):
            return "The output folder '\(path)' already exists and is not empty. "
                + "Choose another --out, remove it, or pass --force to replace it."
        case .cannotWrite(let path, let reason):
            return "Cannot write '\(path)': \(reason). Check that the folder is writable and the disk has space."
        case .cannotWriteFile(let name, let report, let reason):
            return "Cannot write \(name) of the report '\(report)': \(reason). "
                + "Free some disk space or choose another --out; nothing was left under that name."
        case .cannotFinish(let staging, let destination, let reason):
            return "Cannot move the finished report from '\(staging)' to '\(destination)': \(reason)."
        case .template(let file, let line, let column, let message):
            return "\(file):\(line):\(column): \(message)"
        case .missingTemplate(let name, let directory):
            return "The templates folder '\(directory)' has no '\(name).mustache'. "
                + "Copy it from the templates/ folder of nnreport, or drop --templates to use the built-in one."
        case .figure(let name, let reason):
            return "While drawing \(name): \(reason)"
        }
    }
}
