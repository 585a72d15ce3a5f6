import Foundation
import Testing
import TestSupport

@testable import Datasets

/// Well-formed IDX files: plain and gzip, images and labels, with and without checksums.
@Suite struct IDXReaderTests {
    let reader = IDXReader()

    @Test(arguments: [false, true])
    func readsImages(compressed: Bool) throws {
        let bytes = DatasetsFixtures.images(count: 5, rows: 4, columns: 3)
        try withScratchFolder { folder in
            let url = try writeFile(compressed ? gzip(bytes) : bytes, named: "images", in: folder)
            let images = try reader.readImages(at: url, expectedMD5: MD5.digest(bytes))
            #expect((images.count, images.rows, images.columns) == (5, 4, 3))
            #expect(images.pixels == DatasetsFixtures.pixels(count: 5, rows: 4, columns: 3))
        }
    }

    @Test(arguments: [false, true])
    func readsLabels(compressed: Bool) throws {
        let values: [UInt8] = [5, 0, 4, 1, 9, 2, 1, 3]
        let bytes = DatasetsFixtures.labels(values)
        try withScratchFolder { folder in
            let url = try writeFile(compressed ? gzip(bytes) : bytes, named: "labels", in: folder)
            #expect(try reader.readLabels(at: url, classCount: 10, expectedMD5: MD5.digest(bytes)) == values)
        }
    }

    @Test func readsEmptyFiles() throws {
        let content = try reader.read(
            .images, from: MemorySource(bytes: DatasetsFixtures.images(count: 0), path: "empty"), expectedMD5: nil)
        #expect(content.dimensions == [0, 4, 3])
        #expect(content.payload.isEmpty)
    }

    /// Images larger than one inflate chunk cross chunk boundaries mid-image.
    @Test func readsContentLargerThanAChunk() throws {
        let bytes = DatasetsFixtures.images(count: 700, rows: 28, columns: 28)
        let content = try reader.read(
            .images, from: MemorySource(bytes: gzip(bytes), path: "big.gz"), expectedMD5: MD5.digest(bytes))
        #expect(content.payload == Array(bytes[16...]))
    }

    /// The checksum is that of the uncompressed content, whatever the compression level.
    @Test func checksumIgnoresCompression() throws {
        let bytes = DatasetsFixtures.labels(DatasetsFixtures.labelValues(count: 1000))
        for level: Int32 in [0, 1, 9] {
            let source = MemorySource(bytes: gzip(bytes, level: level), path: "labels.gz")
            #expect(throws: Never.self) { try reader.read(.labels, from: source, expectedMD5: MD5.digest(bytes)) }
        }
    }
}
