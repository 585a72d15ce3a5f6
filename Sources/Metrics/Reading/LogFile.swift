import Foundation

/// Reading log files whole, and showing bits of them in messages.
enum LogFile {
    /// Logs larger than this are refused rather than read into memory.
    static let maximumSize = 2 << 30

    /// The bytes of a regular file.
    static func read(_ url: URL) throws(MetricLogError) -> [UInt8] {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .cannotRead(path: path, reason: "no such file or folder")
        }
        guard !isDirectory.boolValue else { throw .cannotRead(path: path, reason: "it is a folder, not a file") }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw .cannotRead(path: path, reason: reason(error))
        }
        defer { try? handle.close() }
        do {
            let size = try handle.seekToEnd()
            guard size <= UInt64(maximumSize) else {
                throw MetricLogError.cannotRead(
                    path: path, reason: "the file is \(size) bytes; logs over \(maximumSize) bytes are not supported")
            }
            try handle.seek(toOffset: 0)
            // Read to the end rather than `size` bytes: a live log may have grown meanwhile.
            return [UInt8](try handle.readToEnd() ?? Data())
        } catch let error as MetricLogError {
            throw error
        } catch {
            throw .cannotRead(path: path, reason: reason(error))
        }
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
