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
    /// `--force` was given, but the folder is not one nnreport may replace.
    case refusedReplacement(path: String, reason: String)
    /// `--out` is a symbolic link, and `--force` was not given to replace it.
    case symbolicLink(path: String, target: String, targetExists: Bool)
    /// A file name of the report is longer than the file system allows.
    case fileNameTooLong(name: String, report: String)
    /// A signal stopped the run before the report was complete; the unfinished report was removed.
    case interrupted(report: String)

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
        case .refusedReplacement(let path, let reason):
            return "Refusing to replace '\(path)': \(reason). --force replaces only a report folder that nnreport "
                + "wrote, and never the current folder, a folder holding it, a repository, or a file or folder the "
                + "command reads. Choose another --out."
        case .symbolicLink(let path, let target, let targetExists):
            return "The output folder '\(path)' is a symbolic link to '\(target)'"
                + (targetExists ? "" : ", which does not exist") + ". "
                + "Give the folder's own path as --out, or pass --force to replace the link itself "
                + "(what it points to is left alone)."
        case .fileNameTooLong(let name, let report):
            return "Cannot write \(name) of the report '\(report)': the file name is longer than the file system "
                + "allows. Choose a shorter --out; nothing was left under that name."
        case .interrupted(let report):
            return "Stopped by a signal before the report '\(report)' was complete; nothing was left under that name."
        }
    }
}
