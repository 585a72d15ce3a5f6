import Foundation

/// File operations with errors that say what the operating system said (`File too large`,
/// `No space left on device`), which Foundation's generic write errors do not on Linux.
enum FileSystem {
    /// Writes `bytes` to a new file at `path` (replacing any), all or nothing from the caller's view:
    /// on failure the partial file is removed and the errno text is thrown.
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws(POSIXFailure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXFailure(errno) }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                close(fd)
                unlink(path)
                throw POSIXFailure(code)
            }
            offset += n
        }
        if close(fd) != 0 {
            let code = errno
            unlink(path)
            throw POSIXFailure(code)
        }
    }

    /// Creates `url` and any missing parents.
    static func makeDirectories(at url: URL) throws(POSIXFailure) {
        let path = url.standardizedFileURL.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw POSIXFailure(ENOTDIR)
        }
        let parent = url.standardizedFileURL.deletingLastPathComponent()
        if parent.path != path { try makeDirectories(at: parent) }
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw POSIXFailure(errno) }
    }
}

/// An errno value with its text.
struct POSIXFailure: Error, CustomStringConvertible {
    var code: Int32

    init(_ code: Int32) { self.code = code }

    var description: String { String(cString: strerror(code)) }
}
