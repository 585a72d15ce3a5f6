import Foundation

/// What tells a process apart from a later one with the same number: its start time since the
/// machine booted, and which boot that was.
///
/// A container restarted by Kubernetes (or a machine rebooted) may give the new nnreport the
/// same process ID as the one that was killed; the start time differs, so a staging folder of
/// the killed run is not mistaken for one still being written. Linux only (from /proc); nil
/// elsewhere, where the process ID alone decides.
public enum ProcessIdentity {
    /// When process `pid` started, in clock ticks since boot (field 22 of /proc/PID/stat).
    public static func startTime(of pid: Int32) -> UInt64? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // Fields after the name start at field 3 (state); the start time is field 22.
        guard fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }

    /// This process's start time (``startTime(of:)``).
    public static let currentStartTime: UInt64? = startTime(of: getpid())

    /// The kernel's identifier of this boot, nil where there is none.
    public static let bootID: String? = {
        guard let data = FileManager.default.contents(atPath: "/proc/sys/kernel/random/boot_id") else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }()
}
