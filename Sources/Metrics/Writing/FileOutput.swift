#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An append-only file written with write(2), so every `write` reaches the kernel at once:
/// another process reading the file sees each record as soon as `write` returns.
///
/// This is the only file of the Metrics module that makes POSIX calls.
final class FileOutput {
    let path: String
    private var descriptor: Int32

    /// Opens `path` for writing, creating it with mode 0644; `append` keeps existing content,
    /// otherwise the file is truncated.
    init(path: String, append: Bool) throws(MetricWriteError) {
        self.path = path
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC)
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: Self.lastError()) }
        descriptor = fd
    }

    deinit {
        if descriptor >= 0 { _ = posixClose(descriptor) }
    }

    var isOpen: Bool { descriptor >= 0 }

    /// Writes all of `bytes`, retrying short writes and interrupted calls.
    func write(_ bytes: [UInt8]) throws(MetricWriteError) {
        guard descriptor >= 0 else { throw .closed(path: path) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                posixWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: path, reason: Self.lastError())
            }
            // A zero-byte write of a non-empty buffer would loop forever; treat it as a failure.
            guard written > 0 else { throw .writeFailed(path: path, reason: "the system wrote 0 bytes") }
            offset += written
        }
    }

    /// Flushes the file to the storage device (fsync).
    func synchronize() throws(MetricWriteError) {
        guard descriptor >= 0 else { throw .closed(path: path) }
        guard fsync(descriptor) == 0 else { throw .writeFailed(path: path, reason: Self.lastError()) }
    }

    func close() throws(MetricWriteError) {
        guard descriptor >= 0 else { return }
        let fd = descriptor
        descriptor = -1
        guard posixClose(fd) == 0 else { throw .closeFailed(path: path, reason: Self.lastError()) }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

// Free functions, because inside FileOutput the names `write` and `close` mean its methods.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}

private func posixClose(_ fd: Int32) -> Int32 {
    close(fd)
}
