import Foundation
import Report

/// Appends a compact Markdown summary to a file such as `$GITHUB_STEP_SUMMARY`.
public enum GitHubSummary {
    /// GitHub refuses job summaries over 1 MiB; stay well under it.
    public static let limit = 1 << 20

    /// Appends `text` to `file`, creating it when missing (truncated to keep the file under ``limit``).
    public static func append(_ text: String, to file: URL) throws {
        let fm = FileManager.default
        let existing = (try? fm.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        var bytes = Array(text.utf8)
        let room = limit - 1024 - existing
        if bytes.count > room {
            guard room > 200 else {
                throw ReportError.cannotWrite(path: file.path, reason: "the job summary already holds \(existing) bytes, close to GitHub's 1 MiB limit")
            }
            let note = Array("\n\n… summary truncated to stay under GitHub's 1 MiB limit.\n".utf8)
            var cut = room - note.count
            // Do not split a UTF-8 sequence.
            while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            bytes = Array(bytes[0..<cut]) + note
        }
        if !fm.fileExists(atPath: file.path) {
            guard fm.createFile(atPath: file.path, contents: nil) else {
                throw ReportError.cannotWrite(path: file.path, reason: "cannot create the file")
            }
        }
        do {
            let handle = try FileHandle(forWritingTo: file)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(bytes))
        } catch {
            throw ReportError.cannotWrite(path: file.path, reason: "\(error.localizedDescription)")
        }
    }

    /// The folder relative to the current directory when inside it (as CI logs show paths).
    static func relativePath(_ folder: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = folder.standardizedFileURL.path
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}
