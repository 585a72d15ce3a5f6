import Foundation

/// Reading log files whole, and showing bits of them in messages.
enum LogFile {
    /// Logs larger than this are refused rather than read into memory.
    static let maximumSize = 2 << 30

    /// The bytes of a regular file.
    ///
    /// Anything else is refused before a byte is read: a FIFO would wait forever for a writer,
    /// a character device such as /dev/zero never ends, a folder is not a log.
    static func read(_ url: URL) throws(MetricLogError) -> [UInt8] {
        let path = url.path
        let fd = try openRegular(path)
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .cannotRead(path: path, reason: String(cString: strerror(errno))) }
        let size = Int(info.st_size)
        guard size <= maximumSize else {
            throw .cannotRead(
                path: path, reason: "the file is \(size) bytes; logs over \(maximumSize) bytes are not supported")
        }
        // Read to the end rather than `size` bytes: a live log may have grown meanwhile.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            guard bytes.count <= maximumSize else {
                throw .cannotRead(path: path, reason: "the file grew beyond \(maximumSize) bytes while being read")
            }
        }
        return bytes
    }

    /// The first `count` bytes of a regular file (fewer when it is shorter).
    static func head(_ url: URL, count: Int) throws(MetricLogError) -> [UInt8] {
        let fd = try openRegular(url.path)
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, count) }
        guard n >= 0 else { throw .cannotRead(path: url.path, reason: String(cString: strerror(errno))) }
        return Array(bytes[0..<n])
    }

    /// Opens `path` for reading after checking, without blocking, that it is a regular file.
    static func openRegular(_ path: String) throws(MetricLogError) -> Int32 {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            throw .cannotRead(
                path: path, reason: code == ENOENT ? "no such file or folder" : String(cString: strerror(code)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .cannotRead(path: path, reason: "it is a folder, not a file")
        case S_IFIFO:
            throw .cannotRead(
                path: path, reason: "it is a FIFO (named pipe), not a log file; write the log to a file first")
        case S_IFCHR, S_IFBLK:
            throw .cannotRead(path: path, reason: "it is a device, not a log file")
        case S_IFSOCK: throw .cannotRead(path: path, reason: "it is a socket, not a log file")
        default: throw .cannotRead(path: path, reason: "it is not a regular file")
        }
        // O_NONBLOCK: should the path have been swapped for a FIFO since the check, open
        // does not wait for a writer.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .cannotRead(path: path, reason: String(cString: strerror(errno))) }
        var opened = stat()
        guard fstat(fd, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw .cannotRead(path: path, reason: "it is not a regular file")
        }
        return fd
    }

    /// The system's reason for a Foundation file error, without Foundation's boilerplate.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }

    /// Up to `limit` characters of `bytes` for an error message, quoted, with invalid UTF-8 and
    /// control characters escaped so that hostile input cannot garble a terminal.
    static func excerpt(_ bytes: some Collection<UInt8>, limit: Int = 60) -> String {
        var text = ""
        var shown = 0
        let decoded = String(decoding: bytes.prefix(limit * 4), as: UTF8.self)
        for scalar in decoded.unicodeScalars {
            if shown == limit {
                text += "..."
                break
            }
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\u{FFFD}": text += "\\u{FFFD}"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                text += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: text.unicodeScalars.append(scalar)
            }
            shown += 1
        }
        return "\"" + text + "\""
    }

    /// The excerpt of a string.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        excerpt(Array(text.utf8), limit: limit)
    }
}
