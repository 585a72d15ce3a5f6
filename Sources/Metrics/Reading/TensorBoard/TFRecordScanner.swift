/// Finds the records of a TFRecord file (TensorBoard's event file framing):
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
///   only compared with the bytes present, never allocated, so a lying length (2^60) costs nothing.
/// - a length whose CRC does not match: the framing is lost and nothing after it can be
///   located, so this is an error naming the record and its byte offset.
/// - data whose CRC does not match (the length was verified): that record is skipped and
///   counted, naming the first such record, and reading goes on with the next.
struct TFRecordScanner {
    struct Record {
        var index: Int
        /// Byte offset of the record's header.
        var offset: Int
        var data: Range<Int>
    }

    let bytes: [UInt8]
    let path: String
    private(set) var offset = 0
    private(set) var index = 0
    /// Bytes at the end that form an incomplete record (0 when the file ends cleanly).
    private(set) var incompleteTail = 0
    private(set) var corruptRecords: [Record] = []

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// True when the file starts with a record header whose length CRC checks out.
    static func startsWithRecord(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 12 else { return false }
        return bytes.withUnsafeBytes { raw in
            CRC32C.mask(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<8]))) == readUInt32(raw, at: 8)
        }
    }

    /// The next intact record, or nil at the end (including an incomplete last record).
    mutating func next() throws(MetricLogError) -> Record? {
        while true {
            let remaining = bytes.count - offset
            if remaining == 0 { return nil }
            if remaining < 12 {
                incompleteTail = remaining
                return nil
            }
            let (length, lengthOK) = bytes.withUnsafeBytes { raw in
                (
                    readUInt64(raw, at: offset),
                    CRC32C.mask(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[offset..<offset + 8])))
                        == readUInt32(raw, at: offset + 8)
                )
            }
            guard lengthOK else {
                throw .corruptRecord(
                    path: path, record: index, byteOffset: offset,
                    reason: "the CRC of its length field does not match (length field reads \(length))")
            }
            // Compare in UInt64 so that a huge claimed length cannot overflow Int arithmetic.
            guard length <= UInt64(remaining - 12), UInt64(remaining - 12) - length >= 4 else {
                incompleteTail = remaining
                return nil
            }
            let start = offset + 12
            let end = start + Int(length)
            let dataOK = bytes.withUnsafeBytes { raw in
                CRC32C.mask(CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[start..<end])))
                    == readUInt32(raw, at: end)
            }
            let record = Record(index: index, offset: offset, data: start..<end)
            offset = end + 4
            index += 1
            if dataOK { return record }
            corruptRecords.append(record)
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
