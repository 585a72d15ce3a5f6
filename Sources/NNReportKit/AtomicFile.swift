import Foundation

/// Writes a file so that a reader, or a process started after a crash, sees either the old
/// content or the new one: the bytes go to `NAME.tmp`, are forced to the storage device
/// (fsync), then renamed over `NAME`, and the folder is synced so the rename itself survives a
/// power cut.
enum AtomicFile {
    /// - Throws: the errno text of the failing call; the temporary file is then removed.
    static func write(_ bytes: [UInt8], to url: URL) throws(AtomicFileError) {
        try write(parts: [bytes], to: url)
    }

    /// Writes the concatenation of `parts`.
    static func write(parts: [[UInt8]], to url: URL) throws(AtomicFileError) {
        let path = url.path, temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AtomicFileError(errno) }
        var failure: Int32? = nil
        for part in parts where failure == nil {
            part.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    offset += n
                }
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == nil { failure = errno }
        if failure == nil, rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw AtomicFileError(failure)
        }
        // The rename is durable once the folder's entry is; a failure here loses nothing written.
        let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
    }
}

/// An errno value from ``AtomicFile``, with its text.
struct AtomicFileError: Error, CustomStringConvertible {
    var code: Int32

    init(_ code: Int32) { self.code = code }

    var description: String { String(cString: strerror(code)) }
}
