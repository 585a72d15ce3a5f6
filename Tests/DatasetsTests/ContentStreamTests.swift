import Foundation
import Testing

@testable import Datasets

/// The gzip path: inflating through zlib in chunks, multi-member files, zlib streams, plain
/// pass-through, and the ways compressed data breaks.
@Suite struct ContentStreamTests {
    /// Reads the whole content `size` bytes at a time.
    private func readAll(_ stream: ContentStream, piece: Int = 1000) throws -> [UInt8] {
        var content: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: piece)
        while true {
            let count = try buffer.withMutableBytes { bytes throws(DatasetError) in try stream.read(into: bytes) }
            if count == 0 { return content }
            content += buffer[0..<count]
        }
    }

    private func stream(_ bytes: [UInt8]) throws -> ContentStream {
        try ContentStream(source: MemorySource(bytes: bytes, path: "memory.gz"))
    }

    /// Content larger than one input chunk, so inflation spans several reads on both sides.
    private let content = (0..<700_000).map { UInt8(truncatingIfNeeded: ($0 * $0) >> 7) }

    @Test(arguments: [1, 4096, 1 << 20])
    func inflatesGzipInPieces(piece: Int) throws {
        let compressed = gzip(content)
        let s = try stream(compressed)
        #expect(s.isCompressed)
        #expect(try readAll(s, piece: piece) == content)
        #expect(!s.endedInsideMember)
    }

    @Test func readsMultiMemberFilesLikeGunzip() throws {
        let parts = [Array(content[0..<1000]), Array(content[1000..<400_000]), Array(content[400_000...])]
        let s = try stream(parts.flatMap { gzip($0, level: 1) })
        #expect(try readAll(s) == content)
    }

    @Test func readsZlibStreams() throws {
        // A zlib stream is a gzip member's deflate data with another wrapper: 78 9c, Adler-32.
        let zlibBytes: [UInt8] = [0x78, 0x9c, 0x4b, 0x4c, 0x4a, 0x06, 0x00, 0x02, 0x4d, 0x01, 0x27]
        let s = try stream(zlibBytes)
        #expect(s.isCompressed)
        #expect(try readAll(s) == Array("abc".utf8))
    }

    @Test func passesPlainDataThrough() throws {
        let s = try stream(content)
        #expect(!s.isCompressed)
        #expect(try readAll(s, piece: 77_777) == content)
    }

    @Test func readsFilesInChunks() throws {
        try withScratchFolder { folder in
            let url = try writeFile(gzip(content), named: "file.gz", in: folder)
            let s = try ContentStream(path: url.path)
            #expect(s.sourceSize == gzip(content).count)
            #expect(try readAll(s, piece: 65536) == content)
        }
    }

    @Test func corruptDeflateDataIsCorruptGzip() throws {
        var compressed = gzip(content)
        for index in stride(from: 40, to: 80, by: 1) { compressed[index] ^= 0x5a }
        let s = try stream(compressed)
        let error = #expect(throws: DatasetError.self) { try readAll(s) }
        guard case .corruptGzip(let path, let detail) = error else {
            Issue.record("expected corruptGzip, got \(String(describing: error))")
            return
        }
        #expect(path == "memory.gz")
        #expect(!detail.isEmpty)
    }

    @Test func wrongChecksumInTrailerIsCorruptGzip() throws {
        var compressed = gzip(content)
        compressed[compressed.count - 6] ^= 0xff  // inside the CRC-32
        let error = #expect(throws: DatasetError.self) { try readAll(stream(compressed)) }
        #expect(error == .corruptGzip(path: "memory.gz", detail: "incorrect data check"))
    }

    @Test func cutShortStreamEndsInsideMember() throws {
        let compressed = gzip(content)
        let s = try stream(Array(compressed[0..<(compressed.count / 2)]))
        let partial = try readAll(s)
        #expect(partial.count < content.count)
        #expect(partial == Array(content[0..<partial.count]))
        #expect(s.endedInsideMember)
    }

    @Test func garbageAfterAMemberIsCorruptGzip() throws {
        let s = try stream(gzip(content) + Array("garbage".utf8))
        let error = #expect(throws: DatasetError.self) { try readAll(s) }
        #expect(error == .corruptGzip(path: "memory.gz", detail: "incorrect header check"))
    }

    // MARK: Chunking independence (regressions from GzipFuzz)

    /// Reads everything with `outPiece`-byte reads from a source handing out `inPiece` bytes at a
    /// time; returns the content and whether the stream was cut short.
    private func decode(_ bytes: [UInt8], inPiece: Int, outPiece: Int) throws -> ([UInt8], Bool) {
        let s = try ContentStream(source: MemorySource(bytes: bytes, path: "memory.gz", pieceSize: inPiece))
        return (try readAll(s, piece: outPiece), s.endedInsideMember)
    }

    /// GzipFuzz crasher: a cut-short stream whose input ran out while zlib still held decoded
    /// output that had not fit into a 2-byte read. The last byte was lost; the content must not
    /// depend on how input and output are chunked.
    @Test func pendingOutputIsFlushedWhenInputRunsOut() throws {
        let crasher = try #require(
            Data(
                base64Encoded:
                    "H4sIAAAAAwAAABISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISEhISrx0AfAA="
            ))
        let whole = try decode([UInt8](crasher), inPiece: .max, outPiece: 1 << 16)
        let pieces = try decode([UInt8](crasher), inPiece: 2, outPiece: 2)
        #expect(whole.0.count == 221)
        #expect(pieces.0 == whole.0)
        #expect(pieces.1 && whole.1)
    }

    /// The same property on a long run of matches cut in the middle, across many chunkings.
    @Test(arguments: [1, 2, 3, 7, 258, 4096])
    func cutStreamsDecodeAlikeInEveryChunking(piece: Int) throws {
        let compressed = gzip(Array(String(repeating: "abcabcabd", count: 5000).utf8), level: 9)
        let cut = Array(compressed[0..<(compressed.count * 2 / 3)])
        let whole = try decode(cut, inPiece: .max, outPiece: 1 << 20)
        let pieces = try decode(cut, inPiece: piece, outPiece: piece)
        #expect(pieces.0 == whole.0)
        #expect(pieces.1 && whole.1)
    }
}
