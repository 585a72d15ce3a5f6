import Foundation

/// The bytes of a log, read from a file in chunks (or held in memory, for tests and fuzzers), so
/// that a reader's memory grows with what it keeps, not with the size of the file: a 200 MB
/// log costs one chunk of buffer at a time.
///
/// Files are opened only when they are regular files (``LogFile/openRegular(_:)``: a FIFO or a
/// device such as /dev/zero is refused before a byte is read) and read up to
/// ``LogFile/maximumSize`` bytes; a file that grows beyond that while being read is an error.
final class ByteSource {
    let path: String
    private let descriptor: Int32
    /// Bytes read ahead (by ``head(_:)``) and not yet handed out.
    private var pending: [UInt8]
    private var offset = 0
    private var ended = false
    /// The file's size when opened (the length of the bytes for a memory source).
    let size: Int
    static let chunkSize = 1 << 20

    /// A source over bytes in memory.
    init(bytes: [UInt8], path: String) {
        self.path = path
        descriptor = -1
        pending = bytes
        size = bytes.count
        ended = true
    }

    /// A source over a regular file.
    init(file url: URL) throws(MetricLogError) {
        path = url.path
        descriptor = try LogFile.openRegular(path)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .cannotRead(path: url.path, reason: reason)
        }
        size = Int(info.st_size)
        pending = []
        guard size <= LogFile.maximumSize else {
            close(descriptor)
            throw .cannotRead(
                path: url.path,
                reason: "the file is \(size) bytes; logs over \(LogFile.maximumSize) bytes are not supported")
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Bytes handed out so far (the offset of the next chunk in the file).
    var position: Int { offset }

    /// The next chunk of bytes, or nil at the end of the file.
    func nextChunk() throws(MetricLogError) -> [UInt8]? {
        if !pending.isEmpty {
            let chunk = pending
            pending = []
            offset += chunk.count
            return chunk
        }
        guard let chunk = try readChunk() else { return nil }
        offset += chunk.count
        return chunk
    }

    /// The first `count` bytes (fewer when the file is shorter), without consuming them: the
    /// next chunk still starts at the beginning. Only valid before the first ``nextChunk()``.
    func head(_ count: Int) throws(MetricLogError) -> [UInt8] {
        precondition(offset == 0, "ByteSource.head(_:) called after reading began in \(path)")
        while pending.count < count, let chunk = try readChunk() { pending += chunk }
        return Array(pending.prefix(count))
    }

    /// Every remaining byte (for formats that are one document, such as a Trainer state).
    func readAll() throws(MetricLogError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, size - offset))
        while let chunk = try nextChunk() { bytes += chunk }
        return bytes
    }

    private func readChunk() throws(MetricLogError) -> [UInt8]? {
        guard !ended else { return nil }
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        var filled = 0
        while filled < chunk.count {
            let n = chunk.withUnsafeMutableBytes { raw in
                Glibc.read(descriptor, raw.baseAddress! + filled, raw.count - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { continue }
                throw .cannotRead(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 {
                ended = true
                break
            }
            filled += n
        }
        guard offset + pending.count + filled <= LogFile.maximumSize else {
            throw .cannotRead(path: path, reason: "the file grew beyond \(LogFile.maximumSize) bytes while being read")
        }
        if filled == 0 { return nil }
        chunk.removeSubrange(filled...)
        return chunk
    }
}

/// Reads a ``ByteSource`` one byte or one line at a time: the cursor readers scan with.
struct ByteCursor {
    let source: ByteSource
    private var chunk: [UInt8] = []
    private var index = 0
    /// 0-based offset of the next byte in the whole input.
    private(set) var offset = 0

    init(_ source: ByteSource) {
        self.source = source
    }

    /// The next byte, or nil at the end.
    @inline(__always)
    mutating func next() throws(MetricLogError) -> UInt8? {
        if index == chunk.count {
            guard try refill() else { return nil }
        }
        let byte = chunk[index]
        index += 1
        offset += 1
        return byte
    }

    /// The next byte without consuming it, or nil at the end.
    mutating func peek() throws(MetricLogError) -> UInt8? {
        if index == chunk.count {
            guard try refill() else { return nil }
        }
        return chunk[index]
    }

    /// The next line without its LF (and CR), or nil at the end; `terminated` is false for a last
    /// line without a line end.
    ///
    /// - Throws: when a line runs longer than `maximumLength` bytes.
    mutating func nextLine(maximumLength: Int, lineNumber: Int) throws(MetricLogError) -> (
        bytes: [UInt8], terminated: Bool
    )? {
        var line: [UInt8] = []
        var sawAny = false
        while true {
            if index == chunk.count {
                guard try refill() else { break }
            }
            sawAny = true
            let rest = chunk[index...]
            if let newline = rest.firstIndex(of: UInt8(ascii: "\n")) {
                line += chunk[index..<newline]
                offset += newline + 1 - index
                index = newline + 1
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                guard line.count <= maximumLength else { throw Self.tooLong(source.path, lineNumber, maximumLength) }
                return (line, true)
            }
            line += rest
            offset += rest.count
            index = chunk.count
            guard line.count <= maximumLength else { throw Self.tooLong(source.path, lineNumber, maximumLength) }
        }
        return sawAny ? (line, false) : nil
    }

    /// Exactly `count` bytes, or fewer at the end of the input; a view of the current chunk
    /// (no copy) when they lie in it.
    mutating func read(_ count: Int) throws(MetricLogError) -> ArraySlice<UInt8> {
        if index == chunk.count, count > 0 {
            guard try refill() else { return [] }
        }
        if count <= chunk.count - index {
            let slice = chunk[index..<index + count]
            index += count
            offset += count
            return slice
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(count, 1 << 20))
        while bytes.count < count {
            if index == chunk.count {
                guard try refill() else { break }
            }
            let take = min(count - bytes.count, chunk.count - index)
            bytes += chunk[index..<index + take]
            index += take
            offset += take
        }
        return bytes[...]
    }

    private mutating func refill() throws(MetricLogError) -> Bool {
        guard let next = try source.nextChunk() else { return false }
        chunk = next
        index = 0
        return !chunk.isEmpty
    }

    static func tooLong(_ path: String, _ line: Int, _ limit: Int) -> MetricLogError {
        .malformed(
            path: path, location: .line(line, column: nil),
            expected: "a line of at most \(limit / (1 << 20)) MiB",
            found: "a longer one (is this a log? nnreport reads logs line by line)")
    }
}
