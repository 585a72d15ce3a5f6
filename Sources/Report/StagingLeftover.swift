import Foundation

/// A hidden folder that a ``StagingDirectory`` of a process that is no longer running left
/// beside a report: `.NAME.partial-PID-N` (a report being written) or `.NAME.replaced-PID-N` (the
/// report it was replacing, renamed aside).
///
/// A folder counts as left behind only when its writer is known to be gone: the staging marker
/// names this host and a process that no longer exists here (with the same start time), or
/// another host whose heartbeat stopped (``ReportFolderMarker/writerIsGone(modified:now:)``).
/// Folders without a marker (written by nnreport before the marker existed) also need their
/// process gone and an hour without any change, since they may belong to a run on another
/// machine that shares the folder.
public struct StagingLeftover: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// An unfinished report.
        case partial
        /// A finished report that was being replaced.
        case replaced
    }

    /// The hidden folder.
    public var url: URL
    public var kind: Kind
    /// The (possibly shortened) name of the report it belonged to.
    public var reportName: String
    /// The process that made it.
    public var pid: Int32

    /// How long a folder without a marker must be untouched before it counts as left behind.
    static let unmarkedQuietPeriod: TimeInterval = 3600

    /// Parses `.NAME.partial-PID-N` and `.NAME.replaced-PID-N`.
    public init?(url: URL) {
        let name = url.lastPathComponent
        guard name.hasPrefix("."), let dot = name.dropFirst().lastIndex(of: ".") else { return nil }
        let tail = name[name.index(after: dot)...].split(separator: "-")
        guard tail.count == 3, let kind = Kind(rawValue: String(tail[0])), let pid = Int32(tail[1]), pid > 0,
            UInt64(tail[2]) != nil
        else { return nil }
        self.url = url
        self.kind = kind
        self.pid = pid
        reportName = String(name[name.index(after: name.startIndex)..<dot])
    }

    /// The leftovers of dead processes in `folder` (none when it cannot be listed).
    public static func find(in folder: URL, now: Date = Date()) -> [StagingLeftover] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { name -> StagingLeftover? in
            guard name.hasPrefix("."), let leftover = StagingLeftover(url: folder.appendingPathComponent(name)) else {
                return nil
            }
            return leftover.isAbandoned(now: now) ? leftover : nil
        }
    }

    /// The report folder it belongs to (meaningful when the name was not shortened).
    public var destination: URL { url.deletingLastPathComponent().appendingPathComponent(reportName) }

    /// Whether the writer is gone (see the type's description).
    public func isAbandoned(now: Date = Date()) -> Bool {
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        switch kind {
        case .partial:
            if let marker = ReportFolderMarker.read(in: url) {
                let modified = Self.modified(url.appendingPathComponent(ReportFolderMarker.fileName).path)
                return marker.writerIsGone(modified: modified, now: now) ?? false
            }
        case .replaced:
            // The new report landed: its marker names the process that moved this one aside.
            guard !Self.isRunning(pid) else { return false }
            if let marker = ReportFolderMarker.read(in: destination), marker.pid == pid,
                marker.host == ReportFolderMarker.currentHost
            {
                return true
            }
        }
        guard !Self.isRunning(pid) else { return false }
        return now.timeIntervalSince(Self.lastChange(url)) >= Self.unmarkedQuietPeriod
    }

    /// Removes the leftover or, for a report moved aside whose replacement never landed, moves
    /// it back; returns one line saying what was done, with the paths.
    public func cleanUp() -> String {
        let fm = FileManager.default
        var info = stat()
        let destinationExists = lstat(destination.path, &info) == 0
        switch kind {
        case .partial:
            do {
                try fm.removeItem(at: url)
                return "removed \(url.path): an unfinished report of process \(pid), which is no longer running"
            } catch {
                return
                    "could not remove \(url.path), an unfinished report of process \(pid): \(StagingDirectory.reason(error))"
            }
        case .replaced where destinationExists || ReportFileName.isShortened(reportName):
            guard destinationExists else {
                return "left \(url.path) in place: the report process \(pid) was replacing when it stopped; "
                    + "rename it to keep it"
            }
            do {
                try fm.removeItem(at: url)
                return "removed \(url.path): the old report that process \(pid) replaced with \(destination.path)"
            } catch {
                return
                    "could not remove \(url.path), a report replaced by process \(pid): \(StagingDirectory.reason(error))"
            }
        case .replaced:
            guard rename(url.path, destination.path) == 0 else {
                return "could not move \(url.path) back to \(destination.path): \(String(cString: strerror(errno)))"
            }
            return "restored \(destination.path) from \(url.path), where process \(pid) had moved it before it stopped"
        }
    }

    /// Whether process `pid` exists on this machine (this process counts as running).
    static func isRunning(_ pid: Int32) -> Bool {
        if pid == getpid() { return true }
        // kill(pid, 0) checks existence without sending anything; EPERM means it exists but
        // belongs to another user.
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// The latest modification time of the folder and the files directly in it.
    public static func lastChange(_ folder: URL) -> Date {
        var latest = modified(folder.path)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            latest = max(latest, modified(folder.appendingPathComponent(name).path))
        }
        return latest
    }

    static func modified(_ path: String) -> Date {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .distantPast }
        return Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }
}
