#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Raw bytes read in chunks: a file on disk or, for fuzzing and tests, bytes in memory.
protocol ByteSource {
    /// Names the source in error messages.
    var path: String { get }
    /// Total bytes when known up front (regular files, memory); nil for pipes.
    var size: Int? { get }
    /// Reads up to `buffer.count` bytes; 0 means the end.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(DatasetError) -> Int
}

/// A file read with POSIX `read(2)` straight into the caller's buffer (no intermediate copies).
final class FileSource: ByteSource {
    let path: String
    let size: Int?
    private let descriptor: Int32

    /// Opens `path` for reading.
    ///
    /// - Throws: ``DatasetError/unreadable(path:reason:)`` with the system's reason.
    init(path: String) throws(DatasetError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DatasetError.unreadable(path: path, reason: FileSource.lastError()) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = FileSource.lastError()
            close(descriptor)
            throw DatasetError.unreadable(path: path, reason: reason)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw DatasetError.unreadable(path: path, reason: "it is a folder, not a file")
        }
        self.path = path
        self.descriptor = descriptor
        self.size = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
    }

    deinit { close(descriptor) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(DatasetError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = systemRead(descriptor, base, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw DatasetError.unreadable(path: path, reason: FileSource.lastError())
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// `read(2)`, named apart from ``FileSource/read(into:)``.
@inline(__always) private func systemRead(_ fd: Int32, _ base: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, base, count)
}

/// Bytes held in memory (fuzzing, tests, streams assembled by the caller).
struct MemorySource: ByteSource {
    let path: String
    let bytes: [UInt8]
    /// The most one read returns, to imitate sockets and pipes that deliver data in pieces.
    let pieceSize: Int
    private var offset = 0

    init(bytes: [UInt8], path: String, pieceSize: Int = .max) {
        precondition(pieceSize > 0, "pieceSize \(pieceSize) must be positive")
        self.bytes = bytes
        self.path = path
        self.pieceSize = pieceSize
    }

    var size: Int? { bytes.count }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(DatasetError) -> Int {
        let count = min(buffer.count, pieceSize, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { all in
            buffer.baseAddress!.copyMemory(from: all.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}
