/// Finds the records of a TFRecord file (TensorBoard's event file framing), reading the file
/// a chunk at a time:
///
///     uint64 length (little-endian)
///     uint32 masked CRC-32C of the 8 length bytes
///     length bytes of data
///     uint32 masked CRC-32C of the data
///
/// Policy, for live and damaged files:
/// - fewer bytes left than a header, or a header whose (verified) length runs past the end of
///   the file: the last record is still being written. Reading stops with a warning; this is
///   the normal state of a file TensorBoard or a training run has open. The claimed length is
///   only compared with the bytes the file holds, never allocated, so a lying length (2^60)
///   costs nothing.
/// - a length whose CRC does not match: the framing is lost and nothing after it can be
///   located, so this is an error naming the record and its byte offset.
/// - data whose CRC does not match (the length was verified): that record is skipped and
///   counted, naming the first such record, and reading goes on with the next.
struct TFRecordScanner {
    struct Record {
        var index: Int
        /// Byte offset of the record's header.
        var offset: Int
        var data: ArraySlice<UInt8>
    }

    /// Where a record with bad data was found.
    struct Location {
        var index: Int
        var offset: Int
    }

    private var cursor: ByteCursor
    let path: String
    /// The file's size when opened: a record claiming to run past it is incomplete.
    private let size: Int
    private(set) var index = 0
    /// Bytes at the end that form an incomplete record (0 when the file ends cleanly).
    private(set) var incompleteTail = 0
    private(set) var corruptRecords: [Location] = []

    init(source: ByteSource) {
        cursor = ByteCursor(source)
        path = source.path
        size = source.size
    }

    init(bytes: [UInt8], path: String) {
        self.init(source: ByteSource(bytes: bytes, path: path))
    }

    /// True when the bytes start with a record header whose length CRC checks out.
    static func startsWithRecord(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 12 else { return false }
        return bytes.withUnsafeBytes { raw in
            CRC32C.mask(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<8]))) == readUInt32(raw, at: 8)
        }
    }

    /// The next intact record, or nil at the end (including an incomplete last record).
    mutating func next() throws(MetricLogError) -> Record? {
        while true {
            let offset = cursor.offset
            let header = try cursor.read(12)
            if header.isEmpty { return nil }
            if header.count < 12 {
                incompleteTail = header.count
                return nil
            }
            let (length, lengthOK) = header.withUnsafeBytes { raw in
                (
                    readUInt64(raw, at: 0),
                    CRC32C.mask(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<8]))) == readUInt32(raw, at: 8)
                )
            }
            guard lengthOK else {
                throw .corruptRecord(
                    path: path, record: index, byteOffset: offset,
                    reason: "the CRC of its length field does not match (length field reads \(length))")
            }
            // Compare in UInt64 so that a huge claimed length cannot overflow Int arithmetic.
            let left = UInt64(max(0, size - offset - 12))
            guard length <= left, left - length >= 4 else {
                incompleteTail = 12 + Int(min(left, UInt64(Int.max - 12)))
                return nil
            }
            let body = try cursor.read(Int(length) + 4)
            guard body.count == Int(length) + 4 else {
                incompleteTail = 12 + body.count
                return nil
            }
            let dataOK = body.withUnsafeBytes { raw in
                CRC32C.mask(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<Int(length)])))
                    == readUInt32(raw, at: Int(length))
            }
            let record = Record(index: index, offset: offset, data: body.prefix(Int(length)))
            index += 1
            if dataOK { return record }
            corruptRecords.append(Location(index: record.index, offset: offset))
        }
    }
}

private func readUInt64(_ raw: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
    var value: UInt64 = 0
    for k in 0..<8 { value |= UInt64(raw[offset + k]) << (8 * k) }
    return value
}

private func readUInt32(_ raw: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
    var value: UInt32 = 0
    for k in 0..<4 { value |= UInt32(raw[offset + k]) << (8 * k) }
    return value
}
