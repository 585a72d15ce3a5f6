import Foundation

/// Reads IDX files (idx1 labels, idx3 images), plain or gzip-compressed, in one streaming pass.
///
/// The header is checked before anything is allocated: the magic number, a size product that
/// fits in an `Int`, a size under ``maximumPayloadBytes``, and a size the file can hold (exactly
/// the file size for plain files; at most deflate's 1032 : 1 expansion of the compressed size for
/// gzip). The payload is then inflated straight into one array of the promised size, and reading
/// stops there: a file with more content than its header promises is rejected without inflating
/// it further (gzip bombs cost no memory beyond the promised size). The MD5 of the content is
/// computed on the bytes as they pass when the caller gives one to check.
public struct IDXReader: Sendable {
    /// The largest payload accepted from one file, in bytes (default 4 GiB; MNIST's training images
    /// are 47 MB).
    public var maximumPayloadBytes: Int

    /// How much content beyond the promised size is counted for the error message (16 MiB);
    /// past that, reading stops and the excess is reported uncounted.
    static let excessCountingLimit = 1 << 24

    public init(maximumPayloadBytes: Int = 1 << 32) {
        precondition(maximumPayloadBytes >= 0, "maximumPayloadBytes \(maximumPayloadBytes) must not be negative")
        self.maximumPayloadBytes = maximumPayloadBytes
    }

    /// Reads an idx3-ubyte images file.
    ///
    /// - Parameter expectedMD5: the MD5 of the uncompressed file, checked while reading; nil skips it.
    /// - Throws: ``DatasetError`` naming the file (bad magic, impossible size, truncated, trailing
    ///   data, corrupt gzip, checksum mismatch, unreadable).
    public func readImages(at url: URL, expectedMD5: MD5Digest? = nil) throws(DatasetError) -> IDXImages {
        let content = try read(.images, from: FileSource(path: url.path), expectedMD5: expectedMD5)
        return IDXImages(content)
    }

    /// Reads an idx1-ubyte labels file whose labels must lie in `0..<classCount`.
    ///
    /// - Throws: as ``readImages(at:expectedMD5:)``, and ``DatasetError/labelOutOfRange(path:index:value:classCount:)``
    ///   for the first label outside the classes.
    public func readLabels(at url: URL, classCount: Int, expectedMD5: MD5Digest? = nil) throws(DatasetError)
        -> [UInt8]
    {
        try labels(read(.labels, from: FileSource(path: url.path), expectedMD5: expectedMD5), classCount: classCount)
    }

    /// Checks every label against `classCount` and returns them.
    func labels(_ content: IDXContent, classCount: Int) throws(DatasetError) -> [UInt8] {
        precondition(classCount > 0 && classCount <= 256, "classCount \(classCount) must be in 1...256")
        if let index = content.payload.firstIndex(where: { Int($0) >= classCount }) {
            throw DatasetError.labelOutOfRange(
                path: content.path, index: index, value: content.payload[index], classCount: classCount)
        }
        return content.payload
    }

    /// Reads one IDX file of `kind` from `source` (a file, or bytes in memory for fuzzing).
    func read(_ kind: IDXKind, from source: any ByteSource, expectedMD5: MD5Digest?) throws(DatasetError)
        -> IDXContent
    {
        let stream = try ContentStream(source: source)
        var md5: MD5? = expectedMD5 == nil ? nil : MD5()
        let dimensions = try readHeader(kind, from: stream, md5: &md5)
        let (payloadSize, total) = try checkedSizes(kind, dimensions: dimensions, stream: stream)

        var failure: DatasetError?
        let payload = [UInt8](unsafeUninitializedCapacity: payloadSize) { buffer, initialized in
            do throws(DatasetError) {
                try fill(UnsafeMutableRawBufferPointer(buffer), from: stream, md5: &md5, headerSize: kind.headerSize)
                initialized = payloadSize
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        try checkEnd(of: stream, expected: total)
        if let expectedMD5, let found = md5?.finalize(), found != expectedMD5 {
            throw DatasetError.checksumMismatch(path: stream.path, expected: expectedMD5.hex, found: found.hex)
        }
        return IDXContent(path: stream.path, dimensions: dimensions, payload: payload)
    }

    // MARK: Steps

    /// Reads and checks the magic number; returns the dimensions (count first).
    private func readHeader(_ kind: IDXKind, from stream: ContentStream, md5: inout MD5?) throws(DatasetError)
        -> [Int]
    {
        var header = [UInt8](repeating: 0, count: kind.headerSize)
        let magicCount = try header.withMutableBytes { bytes throws(DatasetError) in
            try stream.readFully(into: UnsafeMutableRawBufferPointer(rebasing: bytes[0..<4]))
        }
        if magicCount < 4 {
            throw DatasetError.truncated(path: stream.path, expected: kind.headerSize, actual: magicCount)
        }
        let magic = Self.bigEndian(header, at: 0)
        guard magic == kind.magic else {
            throw DatasetError.badMagic(path: stream.path, expected: kind.magic, found: magic)
        }
        let rest = try header.withMutableBytes { bytes throws(DatasetError) in
            try stream.readFully(into: UnsafeMutableRawBufferPointer(rebasing: bytes[4...]))
        }
        if rest < kind.headerSize - 4 {
            throw DatasetError.truncated(path: stream.path, expected: kind.headerSize, actual: 4 + rest)
        }
        md5?.update(header)
        let dimensions = (0..<kind.dimensionCount).map { Int(Self.bigEndian(header, at: 4 + 4 * $0)) }
        return dimensions
    }

    /// Validates the claimed sizes against overflow, the reader's cap and the file; returns the
    /// payload size and the whole content size, both in bytes.
    private func checkedSizes(_ kind: IDXKind, dimensions: [Int], stream: ContentStream) throws(DatasetError)
        -> (payload: Int, total: Int)
    {
        let path = stream.path
        if kind == .images && dimensions[0] > 0 && dimensions.dropFirst().contains(0) {
            throw DatasetError.emptyImageShape(path: path, dimensions: dimensions)
        }
        // Multiply from the last dimension so that the size of one record (rows x columns) is
        // checked on its own: users compute it even when the count is 0.
        var payload = 1
        for dimension in dimensions.reversed() {
            let (product, overflow) = payload.multipliedReportingOverflow(by: dimension)
            guard !overflow else { throw DatasetError.sizeOverflow(path: path, dimensions: dimensions) }
            payload = product
        }
        let recordSize = dimensions.dropFirst().reduce(1, *)  // a suffix of the product checked above
        let (total, overflow) = payload.addingReportingOverflow(kind.headerSize)
        guard !overflow else { throw DatasetError.sizeOverflow(path: path, dimensions: dimensions) }
        guard payload <= maximumPayloadBytes && recordSize <= maximumPayloadBytes else {
            throw DatasetError.absurdSize(
                path: path, dimensions: dimensions, claimed: total, limit: .readerMaximum(maximumPayloadBytes))
        }
        guard let fileSize = stream.sourceSize else { return (payload, total) }
        if stream.isCompressed {
            // Deflate expands at most 1032 : 1 (258 bytes from a 2-bit code), so a header that
            // promises more than that is lying, whatever the stream turns out to hold.
            let (bound, boundOverflow) = fileSize.multipliedReportingOverflow(by: 1032)
            if !boundOverflow && total > bound {
                throw DatasetError.absurdSize(
                    path: path, dimensions: dimensions, claimed: total,
                    limit: .compressedFile(compressedBytes: fileSize, maximumBytes: bound))
            }
        } else if total > fileSize {
            throw DatasetError.truncated(path: path, expected: total, actual: fileSize)
        } else if total < fileSize {
            throw DatasetError.trailingData(path: path, expected: total, actual: fileSize)
        }
        return (payload, total)
    }

    /// Inflates (or copies) exactly `buffer.count` payload bytes, hashing them as they arrive.
    private func fill(
        _ buffer: UnsafeMutableRawBufferPointer, from stream: ContentStream, md5: inout MD5?, headerSize: Int
    ) throws(DatasetError) {
        var filled = 0
        while filled < buffer.count {
            // Chunks small enough to hash while they are still in cache.
            let end = min(buffer.count, filled + ContentStream.chunkSize)
            let count = try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<end]))
            if count == 0 {
                throw DatasetError.truncated(
                    path: stream.path, expected: headerSize + buffer.count, actual: headerSize + filled)
            }
            md5?.update(UnsafeRawBufferPointer(rebasing: buffer[filled..<(filled + count)]))
            filled += count
        }
    }

    /// After the promised content: the stream must end here (and, for gzip, end cleanly).
    private func checkEnd(of stream: ContentStream, expected: Int) throws(DatasetError) {
        // Count a little of any excess for the message, but never inflate a bomb to its end.
        let countingLimit = Self.excessCountingLimit
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        var extra = 0
        while extra <= countingLimit {
            let count = try scratch.withMutableBytes { bytes throws(DatasetError) in try stream.read(into: bytes) }
            if count == 0 { break }
            extra += count
        }
        if extra > 0 {
            throw DatasetError.trailingData(
                path: stream.path, expected: expected, actual: extra > countingLimit ? nil : expected + extra)
        }
        if stream.endedInsideMember {
            throw DatasetError.corruptGzip(
                path: stream.path, detail: "unexpected end of file after all content: the gzip trailer is missing")
        }
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }
}

/// The header dimensions and payload bytes of one IDX file.
struct IDXContent {
    var path: String
    var dimensions: [Int]
    var payload: [UInt8]
}
