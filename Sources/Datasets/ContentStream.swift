/// The uncompressed content of a ``ByteSource``: gzip (and zlib) data is inflated on the fly,
/// anything else passes through unchanged.
///
/// Compression is recognised by the first bytes (gzip `1f 8b`, or a zlib header), never by the
/// file name. Compressed input is read in chunks of ``chunkSize`` and inflated straight into the
/// caller's buffer, so the stream holds one input chunk whatever the file size; multi-member gzip
/// files are read member after member, as `gunzip` does.
final class ContentStream {
    /// Bytes of compressed input read per `read(2)`.
    static let chunkSize = 1 << 18

    /// The path named in errors.
    let path: String
    /// Whether the source is gzip or zlib data.
    let isCompressed: Bool
    /// The size of the source on disk (compressed size for compressed data), when known.
    let sourceSize: Int?
    /// Set when the compressed data stopped in the middle of a member: the content read so far is
    /// all there is, and the file is cut short.
    private(set) var endedInsideMember = false

    private var source: any ByteSource
    private let inflater: Zlib.Inflater?
    private let input: UnsafeMutableRawBufferPointer
    private var inputStart = 0
    private var inputEnd = 0
    private var sourceEnded = false
    private var memberEnded = false

    /// Opens the content of `source`, reading its first bytes to recognise compression.
    init(source: any ByteSource) throws(DatasetError) {
        self.source = source
        path = source.path
        sourceSize = source.size
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        do {
            while inputEnd < 2 && !sourceEnded {
                let count = try self.source.read(into: UnsafeMutableRawBufferPointer(rebasing: input[inputEnd...]))
                if count == 0 { sourceEnded = true }
                inputEnd += count
            }
        } catch {
            input.deallocate()
            throw error
        }
        isCompressed = inputEnd >= 2 && Self.isCompressedHeader(input[0], input[1])
        if isCompressed {
            do throws(Zlib.Failure) {
                inflater = try Zlib.Inflater()
            } catch {
                input.deallocate()
                throw DatasetError.corruptGzip(path: source.path, detail: error.message)
            }
        } else {
            inflater = nil
        }
    }

    deinit { input.deallocate() }

    /// Opens the file at `path`.
    convenience init(path: String) throws(DatasetError) {
        try self.init(source: FileSource(path: path))
    }

    /// Reads up to `buffer.count` content bytes; 0 means the end of the content.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(DatasetError) -> Int {
        guard buffer.count > 0 else { return 0 }
        if let inflater { return try inflate(with: inflater, into: buffer) }
        if inputStart < inputEnd {
            let count = min(buffer.count, inputEnd - inputStart)
            buffer.baseAddress!.copyMemory(from: input.baseAddress! + inputStart, byteCount: count)
            inputStart += count
            return count
        }
        return sourceEnded ? 0 : try source.read(into: buffer)
    }

    /// Reads until `buffer` is full or the content ends; returns the bytes read.
    func readFully(into buffer: UnsafeMutableRawBufferPointer) throws(DatasetError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    private func inflate(with inflater: Zlib.Inflater, into buffer: UnsafeMutableRawBufferPointer)
        throws(DatasetError) -> Int
    {
        var produced = 0
        while produced < buffer.count {
            if inputStart == inputEnd && !sourceEnded {
                inputStart = 0
                inputEnd = try source.read(into: input)
                if inputEnd == 0 { sourceEnded = true }
                continue
            }
            let inputLeft = inputEnd - inputStart
            // A clean end falls between members.
            if memberEnded && inputLeft == 0 { return produced }
            do throws(Zlib.Failure) {
                if memberEnded {
                    // More input after a finished member: the next member of a multi-member file.
                    try inflater.reset()
                    memberEnded = false
                }
                // Called with no input left too: zlib may hold decoded output (the rest of a match)
                // that did not fit into the previous output buffer. Found by fuzzing (GzipFuzz).
                let step = try inflater.inflate(
                    UnsafeRawBufferPointer(rebasing: input[inputStart..<inputEnd]),
                    into: UnsafeMutableRawBufferPointer(rebasing: buffer[produced...]))
                inputStart += step.consumed
                produced += step.produced
                memberEnded = step.streamEnded
                if step.consumed == 0 && step.produced == 0 && !step.streamEnded {
                    if inputLeft == 0 {
                        // Input exhausted inside a member and nothing pending: the file is cut short.
                        endedInsideMember = true
                        return produced
                    }
                    // Input and output space were both available: zlib should have moved.
                    throw Zlib.Failure(message: "inflate made no progress")
                }
            } catch {
                throw DatasetError.corruptGzip(path: path, detail: error.message)
            }
        }
        return produced
    }

    /// gzip's magic `1f 8b`, or a zlib header (deflate method, window <= 32K, valid check bits).
    /// An IDX file starts with `00 00`, so neither can be mistaken for plain IDX data.
    private static func isCompressedHeader(_ first: UInt8, _ second: UInt8) -> Bool {
        if first == 0x1f && second == 0x8b { return true }
        return first & 0x0f == 8 && first >> 4 <= 7 && (UInt16(first) << 8 | UInt16(second)) % 31 == 0
    }
}
