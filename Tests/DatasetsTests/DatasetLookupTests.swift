import Foundation
import Testing
import TestSupport

@testable import Datasets

/// The lookup order of Docs/Architecture.md, with an environment confined to a scratch folder:
/// --data-dir, $NNREPORT_DATA/<dataset>, user cache, system copy, download.
@Suite struct DatasetLookupTests {
    let descriptor = TinyDataset.descriptor(system: ["/usr/share/datasets/tiny"])

    /// The folder each origin corresponds to inside `scratch` (see `DatasetEnvironment.confined`).
    private func folder(_ origin: DatasetOrigin, in scratch: URL) -> URL {
        switch origin {
        case .dataDirectory: scratch.appendingPathComponent("explicit")
        case .environment: scratch.appendingPathComponent("data/tiny")
        case .cache, .downloaded: scratch.appendingPathComponent("xdg/nnreport/tiny")
        case .system: scratch.appendingPathComponent("root/usr/share/datasets/tiny")
        }
    }

    private func loader(_ scratch: URL) -> DatasetLoader {
        DatasetLoader(environment: .confined(to: scratch), allowDownload: false)
    }

    /// Copies in `present` places: the first one in lookup order wins.
    @Test(arguments: [
        ([DatasetOrigin.environment, .cache, .system], DatasetOrigin.environment),
        ([.cache, .system], .cache),
        ([.system], .system),
        ([.environment, .system], .environment),
    ])
    func firstCompleteFolderWins(present: [DatasetOrigin], expected: DatasetOrigin) throws {
        try withScratchFolder { scratch in
            for origin in present { try TinyDataset.write(into: folder(origin, in: scratch)) }
            let dataset = try loader(scratch).load(descriptor)
            #expect(dataset.origin == expected)
            #expect(dataset.source.path == folder(expected, in: scratch).path)
            #expect(dataset.train.count == TinyDataset.trainCount)
            #expect(dataset.test.count == TinyDataset.testCount)
            #expect(dataset.test.labels == [7, 8, 9, 0])
        }
    }

    @Test func dataDirectoryComesFirst() throws {
        try withScratchFolder { scratch in
            for origin in [DatasetOrigin.dataDirectory, .environment, .cache] {
                try TinyDataset.write(into: folder(origin, in: scratch))
            }
            let explicit = folder(.dataDirectory, in: scratch)
            let dataset = try loader(scratch).load(descriptor, dataDirectory: explicit)
            #expect(dataset.origin == .dataDirectory)
            #expect(dataset.source.path == explicit.path)
        }
    }

    @Test func dataDirectoryMayHoldADatasetSubfolder() throws {
        try withScratchFolder { scratch in
            let root = scratch.appendingPathComponent("datasets")
            try TinyDataset.write(into: root.appendingPathComponent("tiny"))
            let dataset = try loader(scratch).load(descriptor, dataDirectory: root)
            #expect(dataset.source.path == root.appendingPathComponent("tiny").path)
        }
    }

    /// An incomplete --data-dir is an error even when another copy exists: no silent fallback.
    @Test func incompleteDataDirectoryIsAnError() throws {
        try withScratchFolder { scratch in
            try TinyDataset.write(into: folder(.environment, in: scratch))
            let explicit = folder(.dataDirectory, in: scratch)
            try DatasetsFixtures.write(
                ["train-images-idx3-ubyte.gz": TinyDataset.compressed["train-images-idx3-ubyte.gz"]!], into: explicit)
            #expect(
                throws: DatasetError.dataDirectoryIncomplete(
                    path: explicit.path,
                    missing: ["train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"])
            ) { try loader(scratch).load(descriptor, dataDirectory: explicit) }
        }
    }

    @Test func uncompressedAndMixedFilesCount() throws {
        try withScratchFolder { scratch in
            let cache = folder(.cache, in: scratch)
            try TinyDataset.write(into: cache, compressed: false)
            try FileManager.default.removeItem(at: cache.appendingPathComponent("t10k-images-idx3-ubyte"))
            try DatasetsFixtures.write(
                ["t10k-images-idx3-ubyte.gz": TinyDataset.compressed["t10k-images-idx3-ubyte.gz"]!], into: cache)
            let dataset = try loader(scratch).load(descriptor)
            #expect(dataset.origin == .cache)
            #expect(dataset.test.pixels == DatasetsFixtures.pixels(count: TinyDataset.testCount))
        }
    }

    @Test func cacheFallsBackToHomeWithoutAbsoluteXDG() throws {
        try withScratchFolder { scratch in
            let home = scratch.appendingPathComponent("home/.cache/nnreport/tiny")
            try TinyDataset.write(into: home)
            // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
            let loader = DatasetLoader(environment: .confined(to: scratch, xdg: "relative/cache"), allowDownload: false)
            #expect(loader.cacheFolder(for: descriptor)?.path == home.path)
            let dataset = try loader.load(descriptor)
            #expect(dataset.origin == .cache)
        }
    }

    @Test func notFoundListsEveryPathTriedAndTheFixes() throws {
        try withScratchFolder { scratch in
            // A partial copy in the cache: the message says what it lacks.
            try DatasetsFixtures.write(
                ["train-images-idx3-ubyte.gz": TinyDataset.compressed["train-images-idx3-ubyte.gz"]!],
                into: folder(.cache, in: scratch))
            let error = #expect(throws: DatasetError.self) { try loader(scratch).load(descriptor) }
            guard case .notFound(let dataset, let tried) = error else {
                Issue.record("expected notFound, got \(String(describing: error))")
                return
            }
            #expect(dataset == "tiny")
            #expect(tried.map(\.origin) == [.environment, .cache, .system])
            #expect(
                tried.map(\.path) == [DatasetOrigin.environment, .cache, .system].map { folder($0, in: scratch).path })
            #expect(tried[1].problem.contains("lacks train-labels-idx1-ubyte[.gz]"))
            let text = try #require(error?.description)
            for location in tried { #expect(text.contains(location.path)) }
            for fix in ["--data-dir DIR", "NNREPORT_DATA", "--mirror URL"] { #expect(text.contains(fix)) }
        }
    }

    @Test func downloadWithoutACacheFolderSaysWhy() throws {
        try withScratchFolder { scratch in
            let environment = DatasetEnvironment(variables: [:], homeDirectory: nil, fileSystemRoot: scratch)
            #expect(
                throws: DatasetError.cacheUnwritable(
                    path: "~/.cache/nnreport", reason: "neither HOME nor an absolute XDG_CACHE_HOME is set")
            ) { try DatasetLoader(environment: environment).load(descriptor) }
        }
    }

    @Test func fashionNotFoundSuggestsTheDebianPackage() {
        let error = DatasetError.notFound(dataset: "fashion", tried: [])
        #expect(error.description.contains("apt-get install dataset-fashion-mnist"))
        #expect(error.description.hasPrefix("Fashion-MNIST files were not found"))
        #expect(error.localizedDescription == error.description)
    }

    @Test func searchPathFollowsDesignOrder() throws {
        try withScratchFolder { scratch in
            let path = loader(scratch).searchPath(for: .fashion, dataDirectory: nil)
            #expect(path.map(\.origin) == [.environment, .cache, .system])
            #expect(
                path.last?.folder.path == scratch.appendingPathComponent("root/usr/share/datasets/fashion-mnist").path)
        }
    }
}

/// Files that are each well-formed but do not belong together.
@Suite struct DatasetConsistencyTests {
    private func load(_ overrides: [String: [UInt8]], verify: Bool = false) throws -> Dataset {
        try withScratchFolder { scratch in
            try TinyDataset.write(into: scratch, compressed: false)
            try DatasetsFixtures.write(overrides, into: scratch)
            return try DatasetLoader(environment: .confined(to: scratch), allowDownload: false, verifyChecksums: verify)
                .load(TinyDataset.descriptor(), dataDirectory: scratch)
        }
    }

    @Test func imageAndLabelCountsMustMatch() throws {
        let error = #expect(throws: DatasetError.self) {
            try load(["t10k-labels-idx1-ubyte": DatasetsFixtures.labels([1, 2, 3])])
        }
        guard case .countMismatch(let images, 4, let labels, 3) = error else {
            Issue.record("expected countMismatch 4 vs 3, got \(String(describing: error))")
            return
        }
        #expect(images.hasSuffix("t10k-images-idx3-ubyte"))
        #expect(labels.hasSuffix("t10k-labels-idx1-ubyte"))
        #expect(error!.description.contains("holds 4 images but"))
    }

    @Test func labelsOutsideTheClassesAreRejected() {
        let error = #expect(throws: DatasetError.self) {
            try load(["train-labels-idx1-ubyte": DatasetsFixtures.labels([0, 1, 2, 3, 42, 5])])
        }
        guard case .labelOutOfRange(let path, 4, 42, 10) = error else {
            Issue.record("expected labelOutOfRange at 4, got \(String(describing: error))")
            return
        }
        #expect(path.hasSuffix("train-labels-idx1-ubyte"))
    }

    @Test func splitsMustShareTheImageSize() {
        let error = #expect(throws: DatasetError.self) {
            try load(["t10k-images-idx3-ubyte": DatasetsFixtures.images(count: 4, rows: 3, columns: 4)])
        }
        guard case .shapeMismatch(_, [4, 3], _, [3, 4]) = error else {
            Issue.record("expected shapeMismatch, got \(String(describing: error))")
            return
        }
    }

    @Test func contentChecksumIsVerifiedOnLoad() throws {
        #expect(throws: Never.self) { try load([:], verify: true) }
        var images = TinyDataset.content["train-images-idx3-ubyte"]!
        images[20] ^= 1
        let error = #expect(throws: DatasetError.self) { try load(["train-images-idx3-ubyte": images], verify: true) }
        guard case .checksumMismatch(let path, let expected, let found) = error else {
            Issue.record("expected checksumMismatch, got \(String(describing: error))")
            return
        }
        #expect(path.hasSuffix("train-images-idx3-ubyte"))
        #expect(expected == MD5.digest(TinyDataset.content["train-images-idx3-ubyte"]!).hex)
        #expect(found == MD5.digest(images).hex)
        // Whose file it is decides the fix: only nnreport's own download is to be deleted (issue 16).
        let given = DatasetFileError(error!, origin: .dataDirectory).description
        #expect(given.contains("given with --data-dir") && given.contains("--no-verify") && !given.contains("delete"))
        let cached = DatasetFileError(error!, origin: .cache).description
        #expect(cached.contains("nnreport downloaded into its cache: delete it"))
        #expect(DatasetFileError(error!, origin: .system).description.contains("reinstall"))
        // With verification off, the same file loads.
        #expect(throws: Never.self) { try load(["train-images-idx3-ubyte": images], verify: false) }
    }
}
