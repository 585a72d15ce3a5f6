import Foundation
import Report

/// `nnreport clean`: removes what killed processes left beside reports: unfinished runs'
/// staging folders (`.NAME.partial-PID-N`, with their checkpoints) and reports moved aside by a
/// replacement that never finished (`.NAME.replaced-PID-N`, put back when nothing replaced them).
/// Folders still being written, here or on another machine, are left alone.
public enum LeftoverCleaning {
    /// What was (or, with `dryRun`, would be) done, one line per leftover, for the leftovers in
    /// each of `folders` (or the leftover a path names directly).
    ///
    /// - Throws: ``ResumeError/notUnfinished(path:)`` for a named staging folder that is still
    ///   being written.
    public static func run(folders: [URL], dryRun: Bool) throws -> [String] {
        var lines: [String] = []
        for folder in folders {
            let url = folder.standardizedFileURL
            var leftovers: [StagingLeftover]
            if let leftover = StagingLeftover(url: url) {
                guard leftover.isAbandoned() else {
                    lines.append("left \(url.path) alone: its process is still writing it")
                    continue
                }
                leftovers = [leftover]
            } else {
                leftovers = StagingLeftover.find(in: url)
            }
            for leftover in leftovers {
                lines.append(dryRun ? "would remove \(describe(leftover))" : clean(leftover))
            }
        }
        return lines
    }

    /// "reports/.x.partial-12-34 (8.6 MB): an unfinished run of process 12 (4 of 20 epochs done, ...)".
    static func describe(_ leftover: StagingLeftover) -> String {
        var text = "\(leftover.url.path) (\(ReportFileSize.text(size(of: leftover.url)))): "
        switch leftover.kind {
        case .partial:
            if let run = UnfinishedRun.inspect(leftover.url, leftover: leftover) {
                text +=
                    "an unfinished \(run.kind == .sweep ? "sweep" : "run") of process \(leftover.pid) (\(run.progress))"
                if let command = run.marker?.command { text += ", started by `\(command)`" }
            } else {
                text += "an unfinished report of process \(leftover.pid)"
            }
        case .replaced:
            text += "a report that process \(leftover.pid) moved aside to replace it"
        }
        return text
    }

    static func clean(_ leftover: StagingLeftover) -> String {
        guard leftover.kind == .partial else { return leftover.cleanUp() }
        let what = describe(leftover)
        do {
            try FileManager.default.removeItem(at: leftover.url)
            return "removed \(what)"
        } catch {
            return "could not remove \(what): \(error.localizedDescription)"
        }
    }

    /// Bytes of the regular files under `url`.
    static func size(of url: URL) -> Int64 {
        var total: Int64 = 0
        let enumerator = FileManager.default.enumerator(
            at: url, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey], options: [])
        while let file = enumerator?.nextObject() as? URL {
            let values = try? file.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
            if values?.isRegularFile == true { total += Int64(values?.fileSize ?? 0) }
        }
        return total
    }
}

/// Byte counts for people: "8.6 MB", "412 KB", "96 bytes".
enum ReportFileSize {
    static func text(_ bytes: Int64) -> String {
        if bytes < 1000 { return "\(bytes) bytes" }
        if bytes < 1_000_000 { return "\(Int((Double(bytes) / 1000).rounded())) KB" }
        return String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
