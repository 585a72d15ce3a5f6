/// Why an unfinished run cannot be continued.
public enum ResumeError: Error, CustomStringConvertible {
    /// The unfinished run at `folder` was started with other options, data or nnreport version
    /// than the command that would continue it; nothing was changed.
    case mismatch(folder: String, command: String?, differences: [String])
    /// The checkpoint cannot be read back (damaged, or not an nnreport checkpoint).
    case unreadableCheckpoint(path: String, reason: String)
    /// `nnreport resume` found nothing to continue.
    case nothingToResume(searched: String)
    /// `nnreport resume FOLDER` was given a folder that holds no unfinished run.
    case notUnfinished(path: String)
    /// The unfinished run's folder does not say how it was started (an older nnreport).
    case unknownCommand(path: String, command: String?)
    /// A process on another machine still writes the run (its heartbeat is recent).
    case busy(folder: String, host: String, pid: Int32)

    public var description: String {
        switch self {
        case .mismatch(let folder, let command, let differences):
            var text =
                "The unfinished run in '\(folder)' was started with other settings than this command, "
                + "so continuing it would not give that run's results:\n"
                + differences.map { "  - \($0)" }.joined(separator: "\n")
            if let command { text += "\nIt was started with: \(command)" }
            return text + "\nRun that command again (or `nnreport resume`) to continue it, or pass --restart to "
                + "start over (the unfinished run is then discarded). Nothing was changed."
        case .unreadableCheckpoint(let path, let reason):
            return "Cannot continue from the checkpoint '\(path)': \(reason). Pass --restart to start over "
                + "(the unfinished run is then discarded)."
        case .nothingToResume(let searched):
            return "There is no unfinished run in '\(searched)' to continue: no staging folder of a killed run with "
                + "a checkpoint, and no interrupted report that kept one. Name the folder: nnreport resume FOLDER."
        case .notUnfinished(let path):
            return "'\(path)' holds no unfinished run to continue: it is neither the staging folder of a killed run "
                + "with a checkpoint, nor a report interrupted with one, nor the name such a folder was meant for."
        case .unknownCommand(let path, let command):
            return "The unfinished run in '\(path)' does not record the arguments it was started with (an older "
                + "nnreport wrote it)"
                + (command.map { ". Continue it by running its command again with --out set to that folder: \($0)" }
                    ?? ".")
        case .busy(let folder, let host, let pid):
            return "The unfinished run in '\(folder)' is being written by process \(pid) on \(host), which still shows "
                + "signs of life; wait for it to end, or stop it, before continuing the run here."
        }
    }
}
