import Report

/// The report folders this process is still writing (hidden staging folders), for a signal
/// handler that must remove them before the process ends.
public enum UnfinishedReports {
    /// Whether any report is being written now.
    public static var isWritingAny: Bool { StagingDirectory.isWritingAny }

    /// Removes every report folder still being written; safe to call from any thread.
    public static func removeAll() { StagingDirectory.removeAllLive() }
}
