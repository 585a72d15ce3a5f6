import Foundation
import Testing
import TestSupport

@testable import Datasets

/// Every way an IDX file can be wrong is a typed error naming the file, raised before any
/// allocation when the header alone shows it.
@Suite struct IDXReaderMalformedTests {
    let reader = IDXReader()

    private func read(_ kind: IDXKind, _ bytes: [UInt8], md5: MD5Digest? = nil) throws(DatasetError) -> IDXContent {
        try reader.read(kind, from: MemorySource(bytes: bytes, path: "fixture"), expectedMD5: md5)
    }

    @Test func labelsFileReadAsImagesIsBadMagic() {
        let labels = DatasetsFixtures.labels([1, 2, 3])
        for bytes in [labels, gzip(labels)] {
            #expect(throws: DatasetError.badMagic(path: "fixture", expected: 0x803, found: 0x801)) {
                try read(.images, bytes)
            }
        }
    }

    @Test func htmlPageIsBadMagicAndSaysItIsText() throws {
        let error = #expect(throws: DatasetError.self) { try read(.labels, Array("<!DOCTYPE html>".utf8)) }
        #expect(error == .badMagic(path: "fixture", expected: 0x801, found: 0x3c21_444f))
        #expect(error?.description.contains("\"<!DO\"") == true)
    }

    @Test func emptyAndShortHeadersAreTruncated() {
        #expect(throws: DatasetError.truncated(path: "fixture", expected: 8, actual: 0)) { try read(.labels, []) }
        #expect(throws: DatasetError.truncated(path: "fixture", expected: 16, actual: 10)) {
            try read(.images, Array(DatasetsFixtures.images(count: 2)[0..<10]))
        }
        #expect(throws: DatasetError.truncated(path: "fixture", expected: 16, actual: 10)) {
            try read(.images, gzip(Array(DatasetsFixtures.images(count: 2)[0..<10])))
        }
    }

    @Test func plainFileShorterThanItsHeaderIsTruncatedBeforeReading() {
        let bytes = DatasetsFixtures.images(count: 3)  // 16 + 36 bytes
        #expect(throws: DatasetError.truncated(path: "fixture", expected: 52, actual: 40)) {
            try read(.images, Array(bytes[0..<40]))
        }
    }

    @Test func gzipFileShorterThanItsHeaderIsTruncated() {
        // A complete gzip member whose content stops early: the size comes from the content.
        let bytes = DatasetsFixtures.images(count: 3)
        #expect(throws: DatasetError.truncated(path: "fixture", expected: 52, actual: 40)) {
            try read(.images, gzip(Array(bytes[0..<40])))
        }
    }

    @Test func gzipFileCutShortIsTruncated() throws {
        let bytes = DatasetsFixtures.images(count: 2000, rows: 28, columns: 28)
        let compressed = gzip(bytes)
        let error = #expect(throws: DatasetError.self) {
            try read(.images, Array(compressed[0..<(compressed.count / 3)]))
        }
        guard case .truncated(_, let expected, let actual) = error else {
            Issue.record("expected truncated, got \(String(describing: error))")
            return
        }
        #expect(expected == bytes.count)
        #expect(actual > 16 && actual < bytes.count)
    }

    @Test func gzipFileMissingItsTrailerIsCorrupt() {
        let compressed = gzip(DatasetsFixtures.labels([1, 2, 3]))
        let error = #expect(throws: DatasetError.self) { try read(.labels, Array(compressed.dropLast(8))) }
        guard case .corruptGzip(_, let detail) = error else {
            Issue.record("expected corruptGzip, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("trailer"))
    }

    @Test func dataAfterTheClaimedSizeIsTrailingData() {
        let bytes = DatasetsFixtures.labels([1, 2, 3]) + [7, 7]
        #expect(throws: DatasetError.trailingData(path: "fixture", expected: 11, actual: 13)) {
            try read(.labels, bytes)
        }
        #expect(throws: DatasetError.trailingData(path: "fixture", expected: 11, actual: 13)) {
            try read(.labels, gzip(bytes))
        }
    }

    @Test func corruptGzipIsReported() {
        var compressed = gzip(DatasetsFixtures.images(count: 50, rows: 28, columns: 28))
        for index in 30..<60 { compressed[index] = 0xff }
        let error = #expect(throws: DatasetError.self) { try read(.images, compressed) }
        guard case .corruptGzip(let path, _) = error else {
            Issue.record("expected corruptGzip, got \(String(describing: error))")
            return
        }
        #expect(path == "fixture")
    }

    @Test func checksumMismatchNamesBothDigests() throws {
        let bytes = DatasetsFixtures.labels([1, 2, 3])
        let wrong = try #require(MD5Digest(hex: "00000000000000000000000000000000"))
        #expect(
            throws: DatasetError.checksumMismatch(path: "fixture", expected: wrong.hex, found: MD5.digest(bytes).hex)
        ) { try read(.labels, gzip(bytes), md5: wrong) }
    }

    @Test func labelOutOfRangeNamesIndexAndValue() throws {
        try withScratchFolder { folder in
            let url = try writeFile(gzip(DatasetsFixtures.labels([0, 9, 3, 10, 12])), named: "labels.gz", in: folder)
            #expect(throws: DatasetError.labelOutOfRange(path: url.path, index: 3, value: 10, classCount: 10)) {
                try reader.readLabels(at: url, classCount: 10)
            }
        }
    }

    @Test func zeroSizedImagesAreRejected() {
        let bytes = DatasetsFixtures.idx(magic: 0x803, dimensions: [5, 0, 28], payload: [])
        #expect(throws: DatasetError.emptyImageShape(path: "fixture", dimensions: [5, 0, 28])) {
            try read(.images, bytes)
        }
    }

    @Test func missingFileIsUnreadable() {
        let error = #expect(throws: DatasetError.self) {
            try reader.readLabels(at: URL(fileURLWithPath: "/nonexistent/labels.gz"), classCount: 10)
        }
        #expect(error == .unreadable(path: "/nonexistent/labels.gz", reason: "No such file or directory"))
    }
}

/// Headers that lie about their size: rejected from the header alone, before any allocation.
@Suite struct IDXReaderHostileHeaderTests {
    private func read(_ kind: IDXKind, _ bytes: [UInt8], reader: IDXReader = IDXReader()) throws(DatasetError) {
        _ = try reader.read(kind, from: MemorySource(bytes: bytes, path: "hostile"), expectedMD5: nil)
    }

    @Test func twoToThe31ImagesExceedTheReaderLimit() {
        let bytes = DatasetsFixtures.idx(magic: 0x803, dimensions: [1 << 31, 28, 28], payload: [1, 2, 3])
        let claimed = (1 << 31) * 784 + 16
        #expect(
            throws: DatasetError.absurdSize(
                path: "hostile", dimensions: [1 << 31, 28, 28], claimed: claimed, limit: .readerMaximum(1 << 32))
        ) { try read(.images, bytes) }
    }

    @Test func gzipClaimingMoreThanDeflateCanHoldIsAbsurd() throws {
        let compressed = gzip(DatasetsFixtures.idx(magic: 0x801, dimensions: [1 << 31], payload: [1, 2, 3]))
        let error = #expect(throws: DatasetError.self) { try read(.labels, compressed) }
        #expect(
            error
                == .absurdSize(
                    path: "hostile", dimensions: [1 << 31], claimed: (1 << 31) + 8,
                    limit: .compressedFile(compressedBytes: compressed.count, maximumBytes: compressed.count * 1032)))
        // The message carries the claimed and the actual size.
        let text = try #require(error?.description)
        #expect(text.contains("2147483648 labels"))
        #expect(text.contains(DatasetError.bytes(compressed.count)))
    }

    @Test func plainFileClaimingTwoToThe31LabelsIsTruncatedWithBothSizes() {
        let bytes = DatasetsFixtures.idx(magic: 0x801, dimensions: [1 << 31], payload: [1, 2, 3])
        #expect(throws: DatasetError.truncated(path: "hostile", expected: (1 << 31) + 8, actual: 11)) {
            try read(.labels, bytes)
        }
    }

    @Test(arguments: [
        [UInt32.max, UInt32.max, UInt32.max],
        [UInt32.max, UInt32.max, 2],
        [1 << 31, 1 << 31, 1 << 2],
        [0, UInt32.max, UInt32.max],  // no images, but rows x columns alone overflows
    ])
    func overflowingDimensionProductIsRejected(dimensions: [UInt32]) {
        let bytes = DatasetsFixtures.idx(magic: 0x803, dimensions: dimensions, payload: [])
        for input in [bytes, gzip(bytes)] {
            #expect(throws: DatasetError.sizeOverflow(path: "hostile", dimensions: dimensions.map(Int.init))) {
                try read(.images, input)
            }
        }
    }

    @Test func hugeImagesAreAbsurdEvenWhenThereAreNone() {
        let bytes = DatasetsFixtures.idx(magic: 0x803, dimensions: [0, 1 << 20, 1 << 20], payload: [])
        #expect(
            throws: DatasetError.absurdSize(
                path: "hostile", dimensions: [0, 1 << 20, 1 << 20], claimed: 16, limit: .readerMaximum(1 << 32))
        ) { try read(.images, bytes) }
    }

    @Test func readerLimitIsConfigurable() {
        let bytes = DatasetsFixtures.labels(DatasetsFixtures.labelValues(count: 100))
        #expect(
            throws: DatasetError.absurdSize(path: "hostile", dimensions: [100], claimed: 108, limit: .readerMaximum(99))
        ) { try read(.labels, bytes, reader: IDXReader(maximumPayloadBytes: 99)) }
    }

    /// A gzip bomb: 16 labels promised, then 256 MiB of zeros in 16 small gzip members. Reading
    /// stops once the promised size is reached and the excess is reported, uncounted beyond 16 MiB,
    /// without inflating the rest or growing memory.
    @Test func gzipBombIsBoundedByTheHeader() {
        let zeros = gzip([UInt8](repeating: 0, count: 16 << 20), level: 9)
        let bomb =
            gzip(DatasetsFixtures.labels(DatasetsFixtures.labelValues(count: 16))) + (0..<16).flatMap { _ in zeros }
        #expect(bomb.count < 400_000)
        #expect(throws: DatasetError.trailingData(path: "hostile", expected: 24, actual: nil)) {
            try read(.labels, bomb)
        }
    }
}
