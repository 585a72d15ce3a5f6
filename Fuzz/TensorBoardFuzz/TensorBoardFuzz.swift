/// libFuzzer entry point for the TensorBoard event reader (TFRecordScanner, CRC32C,
/// swift-protobuf decoding of Event / Summary / TensorProto).
///
/// Random mutations almost never produce valid CRCs, so inputs whose first byte is odd are
/// framed here: the rest is cut into records (a length byte, then that many bytes), each
/// wrapped with correct CRCs, which sends the fuzzer into the protobuf decoding. Inputs with an
/// even first byte are read raw, to fuzz the framing itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard let first = input.first, first & 1 == 1 else {
        return fuzzReader(input, format: .tensorBoard, fileName: "events.out.tfevents.fuzz")
    }
    var framed: [UInt8] = []
    var i = 1
    while i < input.count {
        let length = min(Int(input[i]), input.count - i - 1)
        let payload = Array(input[(i + 1)..<(i + 1 + length)])
        let lengthBytes = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(length) >> (8 * $0)) }
        framed += lengthBytes + littleEndian(CRC32C.mask(CRC32C.checksum(lengthBytes)))
        framed += payload + littleEndian(CRC32C.mask(CRC32C.checksum(payload)))
        i += 1 + length
    }
    return fuzzReader(framed, format: .tensorBoard, fileName: "events.out.tfevents.fuzz")
}

private func littleEndian(_ value: UInt32) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
}
