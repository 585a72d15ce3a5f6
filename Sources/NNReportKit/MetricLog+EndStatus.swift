import Foundation
import Metrics
import Report

extension MetricLog {
    /// The log with a status when nnreport's own metrics.jsonl has no `end` event: `killed`
    /// when the folder's `.nnreport` marker names a process that is gone (a killed run's staging
    /// folder), `running` when it is still writing; a warning says which and why.
    func withEndStatusFromMarker(now: Date = Date()) -> MetricLog {
        guard format == .nnreport, status == nil else { return self }
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder)
        let folder = isFolder.boolValue ? source : source.deletingLastPathComponent()
        guard let marker = ReportFolderMarker.read(in: folder) else { return self }
        let modified = StagingLeftover.lastChange(folder.appendingPathComponent(ReportFolderMarker.fileName))
        var log = self
        switch marker.writerIsGone(modified: modified, now: now) {
        case true?:
            log.status = "killed"
            var warning =
                "the run has no end event: process \(marker.pid) on \(marker.host.isEmpty ? "this machine" : marker.host), "
                + "which wrote it, is gone, so it was killed before it finished"
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(RunCheckpoint.fileName).path) {
                warning += " (its checkpoint lets `nnreport resume` continue it)"
            }
            log.warnings.append(warning)
        case false?:
            log.status = "running"
            log.warnings.append("the run has no end event yet: process \(marker.pid) is still writing it")
        case nil:
            log.warnings.append("the run has no end event: it was killed, or is still running on \(marker.host)")
        }
        return log
    }
}
