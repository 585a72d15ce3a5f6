import Foundation
import Testing
import TestSupport

@testable import Datasets

/// The MD5 of a split as its uncompressed IDX files hold it: what summary.json records so that
/// `nnreport compare` can tell whether two runs were tested on the same images.
@Suite struct SplitChecksumTests {
    @Test func checksumsAreThoseOfTheIDXFilesTheSplitWouldBe() {
        let split = LabeledImages(count: 2, rows: 2, columns: 3, pixels: Array(0..<12), labels: [4, 1])
        let imagesFile: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3] + Array(0..<12)
        let labelsFile: [UInt8] = [0, 0, 8, 1, 0, 0, 0, 2, 4, 1]
        #expect(split.imagesContentMD5 == MD5.digest(imagesFile))
        #expect(split.labelsContentMD5 == MD5.digest(labelsFile))
        // One changed pixel or label changes its checksum.
        let other = LabeledImages(count: 2, rows: 2, columns: 3, pixels: Array(0..<11) + [99], labels: [4, 2])
        #expect(other.imagesContentMD5 != split.imagesContentMD5)
        #expect(other.labelsContentMD5 != split.labelsContentMD5)
    }

    @Test func realMNISTTestSplitHasThePublishedContentChecksums() throws {
        let loader = DatasetLoader(
            environment: DatasetEnvironment(variables: [:], homeDirectory: nil), allowDownload: false)
        let dataset = try loader.load(.mnist, dataDirectory: TestData.mnistDirectory)
        #expect(dataset.test.imagesContentMD5 == DatasetDescriptor.mnist.files.testImages.contentMD5)
        #expect(dataset.test.labelsContentMD5 == DatasetDescriptor.mnist.files.testLabels.contentMD5)
    }
}
