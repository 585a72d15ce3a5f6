import Foundation

extension ReportFolderMarker {
    /// Whether the process that wrote this marker is known to be gone.
    ///
    /// On this host: no process with its number runs, or one does but started at another time
    /// (a restarted container reusing the number), or the machine rebooted since. On another
    /// host: its heartbeat (the marker's modification time, `modified`) stopped more than
    /// ``StagingHeartbeat/staleAfter`` seconds ago. Nil when it cannot be told: another host and
    /// a marker from before heartbeats.
    public func writerIsGone(modified: Date, now: Date = Date()) -> Bool? {
        guard host == Self.currentHost else {
            guard heartbeat != nil else { return nil }
            return now.timeIntervalSince(modified) > StagingHeartbeat.staleAfter
        }
        if let bootID, let current = ProcessIdentity.bootID, bootID != current { return true }
        if pid == getpid() {
            // This process, unless an earlier one had the same number (a restarted container).
            guard let processStart, let current = ProcessIdentity.currentStartTime else { return false }
            return processStart != current
        }
        guard StagingLeftover.isRunning(pid) else { return true }
        if let processStart, let actual = ProcessIdentity.startTime(of: pid) { return processStart != actual }
        return false
    }

    /// When a writer on another host counts as gone if its heartbeat does not come back (nil on
    /// this host, or without heartbeats).
    public func heartbeatDeadline(modified: Date) -> Date? {
        guard host != Self.currentHost, heartbeat != nil else { return nil }
        return modified.addingTimeInterval(StagingHeartbeat.staleAfter)
    }
}
