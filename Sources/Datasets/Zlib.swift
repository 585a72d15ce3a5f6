import CZlib

/// The zlib edge of the module: the only file that imports CZlib.
///
/// Everything above it speaks Swift: an ``Inflater`` that turns chunks of gzip or zlib input into
/// chunks of output, and ``gzip(_:level:)`` for writing compressed fixtures.
enum Zlib {
    /// The version of the zlib library linked into the program, for example "1.3.1".
    static var version: String { String(cString: zlibVersion()) }

    /// A zlib status that is not success, with zlib's own explanation.
    struct Failure: Error, Equatable {
        /// zlib's message, for example "invalid block type" or "incorrect header check".
        var message: String
    }

    /// Result of one ``Inflater/inflate(_:into:)`` call.
    struct Step {
        /// Input bytes consumed.
        var consumed: Int
        /// Output bytes written at the start of the output buffer.
        var produced: Int
        /// The current member (gzip) or stream (zlib) ended and its checksum was verified.
        var streamEnded: Bool
    }

    /// A streaming decompressor for gzip and zlib data, including multi-member gzip files.
    ///
    /// Created with `windowBits` 15 + 32: zlib detects a gzip or a zlib header by itself and checks
    /// the trailer (CRC-32 or Adler-32, and the length). After a member ends the caller calls
    /// ``reset()`` to read the next one.
    final class Inflater {
        // zlib keeps a back pointer to the z_stream and refuses a moved one ("stream error"), so
        // the struct lives at a fixed heap address for the inflater's whole life.
        private let stream: UnsafeMutablePointer<z_stream>

        init() throws(Failure) {
            stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            let status = CZlib_inflateInit2(stream, 15 + 32)
            guard status == Z_OK else {
                let failure = Failure(message: Zlib.message(status, stream))
                stream.deallocate()
                throw failure
            }
        }

        deinit {
            inflateEnd(stream)
            stream.deallocate()
        }

        /// Starts a new member with the same settings (after ``Step/streamEnded``).
        func reset() throws(Failure) {
            let status = inflateReset(stream)
            guard status == Z_OK else { throw Failure(message: Zlib.message(status, stream)) }
        }

        /// Inflates as much of `input` as fits into `output`.
        ///
        /// - Returns: how much was consumed and produced; both can be smaller than the buffers.
        /// - Throws: ``Failure`` for corrupt data (bad header, bad block, checksum mismatch).
        func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(Failure)
            -> Step
        {
            // zlib counts in 32-bit unsigned integers; callers pass chunks, but clamp anyway.
            let inCount = min(input.count, Int(UInt32.max))
            let outCount = min(output.count, Int(UInt32.max))
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(inCount)
            stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(outCount)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            let step = Step(
                consumed: inCount - Int(stream.pointee.avail_in),
                produced: outCount - Int(stream.pointee.avail_out),
                streamEnded: status == Z_STREAM_END)
            stream.pointee.next_in = nil
            stream.pointee.next_out = nil
            switch status {
            case Z_OK, Z_STREAM_END:
                return step
            case Z_BUF_ERROR:
                // Not an error in zlib's sense: no progress was possible with these buffers.
                return step
            case Z_NEED_DICT:
                throw Failure(message: "the stream needs a preset dictionary, which gzip files never use")
            default:
                throw Failure(message: Zlib.message(status, stream))
            }
        }
    }

    /// Compresses `bytes` into a single-member gzip file (used to build test fixtures and fuzz seeds).
    ///
    /// - Parameter level: 0 (stored) ... 9 (smallest); zlib's default is 6.
    static func gzip(_ bytes: [UInt8], level: Int32 = 6) throws(Failure) -> [UInt8] {
        precondition(bytes.count < Int(UInt32.max), "gzip(_:) compresses in one call: \(bytes.count) bytes is too many")
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        // windowBits 15 + 16 asks for a gzip header and trailer instead of zlib's.
        let initStatus = CZlib_deflateInit2(stream, level, 15 + 16, 8)
        guard initStatus == Z_OK else { throw Failure(message: message(initStatus, stream)) }
        defer { deflateEnd(stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(bytes.count))) + 32)
        let (status, produced) = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.pointee.avail_in = uInt(input.count)
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(out.count)
                // The output holds deflateBound bytes, so one Z_FINISH call completes the stream.
                let status = deflate(stream, Z_FINISH)
                return (status, out.count - Int(stream.pointee.avail_out))
            }
        }
        guard status == Z_STREAM_END else {
            throw Failure(message: status == Z_OK ? "deflate did not finish" : message(status, stream))
        }
        output.removeLast(output.count - produced)
        return output
    }

    /// zlib's text for a failed call: the stream's `msg` when set, else `zError(status)`.
    private static func message(_ status: Int32, _ stream: UnsafeMutablePointer<z_stream>) -> String {
        if let msg = stream.pointee.msg { return String(cString: msg) }
        if let text = zError(status) { return String(cString: text) }
        return "zlib status \(status)"
    }
}
