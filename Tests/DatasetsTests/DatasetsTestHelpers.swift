import Foundation
import TestSupport

@testable import Datasets

/// A four-file dataset small enough to build in every test: 6 training and 4 test images of
/// 4x3 pixels, 10 classes.
enum TinyDataset {
    static let trainCount = 6
    static let testCount = 4

    /// Uncompressed content of each file, by uncompressed name.
    static let content: [String: [UInt8]] = [
        "train-images-idx3-ubyte": DatasetsFixtures.images(count: trainCount),
        "train-labels-idx1-ubyte": DatasetsFixtures.labels(DatasetsFixtures.labelValues(count: trainCount)),
        "t10k-images-idx3-ubyte": DatasetsFixtures.images(count: testCount),
        "t10k-labels-idx1-ubyte": DatasetsFixtures.labels(DatasetsFixtures.labelValues(count: testCount, start: 7)),
    ]

    /// The published `.gz` bytes (zlib level 6), by `.gz` name.
    static let compressed: [String: [UInt8]] = Dictionary(
        uniqueKeysWithValues: content.map { ($0.key + ".gz", gzip($0.value)) })

    /// A descriptor whose checksums are those of ``content`` and ``compressed``.
    static func descriptor(name: String = "tiny", mirrors: [URL] = [], system: [String] = []) -> DatasetDescriptor {
        func file(_ name: String) -> DatasetFile {
            DatasetFile(
                name: name, compressedMD5: MD5.digest(compressed[name + ".gz"]!), contentMD5: MD5.digest(content[name]!)
            )
        }
        return DatasetDescriptor(
            name: name, displayName: "Tiny", classNames: (0..<10).map { "class \($0)" },
            files: DatasetFiles(
                trainImages: file("train-images-idx3-ubyte"), trainLabels: file("train-labels-idx1-ubyte"),
                testImages: file("t10k-images-idx3-ubyte"), testLabels: file("t10k-labels-idx1-ubyte")),
            mirrors: mirrors, systemDirectories: system)
    }

    /// Writes the four files into `folder`, gzip-compressed or not.
    static func write(into folder: URL, compressed: Bool = true) throws {
        try DatasetsFixtures.write(compressed ? self.compressed : content, into: folder)
    }
}

/// gzip through zlib's deflate; a failure here is a broken test machine.
func gzip(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
    do {
        return try Zlib.gzip(bytes, level: level)
    } catch {
        preconditionFailure("zlib deflate failed: \(error.message)")
    }
}

/// Runs `body` with a fresh scratch folder and removes it afterwards.
func withScratchFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = try TestData.makeTemporaryDirectory("nnreport-datasets")
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// Writes `bytes` to `name` in `folder` and returns its URL.
func writeFile(_ bytes: [UInt8], named name: String, in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
}

extension DatasetEnvironment {
    /// An environment confined to `scratch`: data root, XDG cache, home and file-system root all
    /// inside it, so nothing depends on the machine.
    static func confined(to scratch: URL, dataRoot: Bool = true, xdg: String? = nil) -> DatasetEnvironment {
        var variables: [String: String] = [:]
        if dataRoot { variables["NNREPORT_DATA"] = scratch.appendingPathComponent("data").path }
        variables["XDG_CACHE_HOME"] = xdg ?? scratch.appendingPathComponent("xdg").path
        return DatasetEnvironment(
            variables: variables, homeDirectory: scratch.appendingPathComponent("home"),
            fileSystemRoot: scratch.appendingPathComponent("root"))
    }
}
