import Foundation
import Testing
import TestSupport

@testable import Datasets

/// The real files: MNIST from the shared offline copy, Fashion-MNIST from Debian's package.
@Suite struct RealDatasetTests {
    @Test func loadsRealMNISTWithChecksums() throws {
        let loader = DatasetLoader(
            environment: DatasetEnvironment(variables: [:], homeDirectory: nil), allowDownload: false)
        let dataset = try loader.load(.mnist, dataDirectory: TestData.mnistDirectory)
        #expect(dataset.origin == .dataDirectory)
        #expect((dataset.train.count, dataset.test.count) == (60000, 10000))
        #expect((dataset.train.rows, dataset.train.columns) == (28, 28))
        #expect(dataset.train.labels.first == 5)
        #expect(dataset.test.labels.first == 7)
        #expect(dataset.train.labels.allSatisfy { $0 < 10 })
        #expect(dataset.classNames == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
    }

    /// The published .gz checksums match the shared copy byte for byte.
    @Test func publishedCompressedChecksumsMatchTheSharedCopy() throws {
        for file in DatasetDescriptor.mnist.files.all {
            let bytes = try [UInt8](
                Data(contentsOf: TestData.mnistDirectory.appendingPathComponent(file.compressedName)))
            #expect(MD5.digest(bytes) == file.compressedMD5, "\(file.compressedName)")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist")))
    func loadsDebianFashionMNISTFromTheSystemCopy() throws {
        let loader = DatasetLoader(
            environment: DatasetEnvironment(variables: [:], homeDirectory: nil), allowDownload: false)
        let dataset = try loader.load(.fashion)
        #expect(dataset.origin == .system)
        #expect((dataset.train.count, dataset.test.count) == (60000, 10000))
        #expect(dataset.train.labels.first == 9)  // the first training image is an ankle boot
        #expect(dataset.classNames[9] == "Ankle boot")
    }
}
