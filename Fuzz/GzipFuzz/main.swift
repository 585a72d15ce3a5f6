// libFuzzer target for the gzip path (ContentStream over zlib). Not part of the package build:
// `scripts/fuzz.sh GzipFuzz SECONDS` compiles it together with Sources/Datasets as one module.
//
// The first input byte chooses how many bytes the source hands out per read (1 to 256) so that input
// refills land at every position of headers, blocks and member boundaries; the rest is the data.
// Checks: decoding is independent of how input arrives and how output is requested (same bytes,
// same error), output is bounded, and gzip(x) decodes back to x.

/// Decodes everything (up to 8 MiB of output) reading `outPiece` bytes at a time; on an error,
/// the content is what earlier reads returned.
func decode(_ source: some ByteSource, outPiece: Int) -> (content: [UInt8], error: DatasetError?, cut: Bool) {
    var content: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: outPiece)
    do {
        let stream = try ContentStream(source: source)
        while content.count < 8 << 20 {
            let count = try buffer.withMutableBytes { bytes throws(DatasetError) in try stream.read(into: bytes) }
            if count == 0 { return (content, nil, stream.endedInsideMember) }
            precondition(count <= outPiece, "read \(count) bytes into a buffer of \(outPiece)")
            content += buffer[0..<count]
        }
        return (content, nil, false)
    } catch {
        return (content, error, false)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzip(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let piece = Int(data[0]) + 1
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))

    let whole = decode(MemorySource(bytes: bytes, path: "fuzz.gz"), outPiece: 1 << 16)
    let dribbled = decode(MemorySource(bytes: bytes, path: "fuzz.gz", pieceSize: piece), outPiece: piece)
    if whole.content.count < 8 << 20 && dribbled.content.count < 8 << 20 {
        precondition(
            whole.error == dribbled.error,
            "error depends on chunking: \(String(describing: whole.error)) vs \(String(describing: dribbled.error))")
        precondition(whole.cut == dribbled.cut, "truncation depends on chunking")
        if whole.error == nil {
            precondition(whole.content == dribbled.content, "content depends on chunking")
        } else {
            // A read that throws discards what it inflated in that call, so only a prefix relation
            // holds between the two.
            let shorter = min(whole.content.count, dribbled.content.count)
            precondition(
                whole.content.prefix(shorter) == dribbled.content.prefix(shorter), "content differs before error")
        }
    }

    // Round trip through deflate at a level chosen by the input.
    if bytes.count < 1 << 16, let compressed = try? Zlib.gzip(bytes, level: Int32(piece % 10)) {
        let back = decode(MemorySource(bytes: compressed, path: "fuzz.gz", pieceSize: piece), outPiece: 4096)
        precondition(back.error == nil && !back.cut && back.content == bytes, "gzip round trip failed")
    }
    return 0
}
