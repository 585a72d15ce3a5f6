import Foundation
import Testing
import TestSupport

@testable import Datasets

/// Downloads against a local HTTP server on 127.0.0.1 (never another address): good copies,
/// corrupted copies, recompressed copies, 404s, a refused connection and a stalled server.
/// On every failure the cache must be left exactly as it was: here, not even created.
@Suite(.serialized) struct DatasetDownloadTests {
    /// `/good/` serves the published bytes, `/recompressed/` the same content at another gzip
    /// level, `/corrupt/` damaged gzip, `/wrong/` valid gzip of other content, `/partial/` only
    /// the first file (the others 404), `/slow/` never answers.
    private static func routes() -> [String: HTTPTestServer.Response] {
        var routes: [String: HTTPTestServer.Response] = [:]
        for (name, bytes) in TinyDataset.compressed {
            routes["/good/\(name)"] = .ok(bytes)
            routes["/recompressed/\(name)"] = .ok(gzip(TinyDataset.content[String(name.dropLast(3))]!, level: 1))
            var corrupt = bytes
            corrupt[corrupt.count / 2] ^= 0xff
            routes["/corrupt/\(name)"] = .ok(corrupt)
            routes["/wrong/\(name)"] = .ok(gzip(DatasetsFixtures.labels([1, 2, 3])))
            routes["/slow/\(name)"] = HTTPTestServer.Response(status: 200, body: bytes, stalls: true)
        }
        routes["/partial/train-images-idx3-ubyte.gz"] = .ok(TinyDataset.compressed["train-images-idx3-ubyte.gz"]!)
        return routes
    }

    private let descriptor = TinyDataset.descriptor()

    private func loader(
        _ scratch: URL, mirror: URL?, timeout: TimeInterval = 10,
        progress: (@Sendable (DownloadProgress) -> Void)? = nil
    ) -> DatasetLoader {
        DatasetLoader(
            environment: .confined(to: scratch), mirror: mirror, allowDownload: true, timeout: timeout,
            progress: progress)
    }

    /// The cache root of `DatasetEnvironment.confined`: `$XDG_CACHE_HOME`.
    private func cacheRoot(_ scratch: URL) -> URL { scratch.appendingPathComponent("xdg") }

    @Test func downloadsVerifiesAndCachesThenReusesTheCache() throws {
        let server = try HTTPTestServer(routes: Self.routes())
        defer { server.stop() }
        try withScratchFolder { scratch in
            let events = ProgressLog()
            let first = try loader(scratch, mirror: server.url("/good/"), progress: events.record).load(descriptor)
            #expect(first.origin == .downloaded)
            #expect(first.train.count == TinyDataset.trainCount)
            #expect(first.source.path == cacheRoot(scratch).appendingPathComponent("nnreport/tiny").path)
            #expect(
                DatasetsFixtures.listing(of: cacheRoot(scratch))
                    == ["nnreport", "nnreport/tiny"]
                    + TinyDataset.compressed.keys.sorted().map { "nnreport/tiny/\($0)" })
            #expect(server.requestedPaths.count == 4)
            let finalReports = events.all.filter { $0.receivedBytes > 0 && $0.receivedBytes == $0.expectedBytes }
            #expect(Set(finalReports.map(\.file)) == Set(TinyDataset.compressed.keys))

            let second = try loader(scratch, mirror: server.url("/good/")).load(descriptor)
            #expect(second.origin == .cache)
            #expect(server.requestedPaths.count == 4)
        }
    }

    /// Debian-style recompressed files: another .gz checksum, the published content.
    @Test func acceptsRecompressedCopiesOfThePublishedContent() throws {
        let server = try HTTPTestServer(routes: Self.routes())
        defer { server.stop() }
        try withScratchFolder { scratch in
            let dataset = try loader(scratch, mirror: server.url("/recompressed/")).load(descriptor)
            #expect(dataset.origin == .downloaded)
        }
    }

    @Test(arguments: ["/corrupt/", "/wrong/"])
    func corruptedCopyIsAChecksumMismatchAndLeavesNothing(path: String) throws {
        let server = try HTTPTestServer(routes: Self.routes())
        defer { server.stop() }
        try withScratchFolder { scratch in
            let mirror = server.url(path)
            let error = #expect(throws: DatasetError.self) { try loader(scratch, mirror: mirror).load(descriptor) }
            let url = mirror.appendingPathComponent("train-images-idx3-ubyte.gz").absoluteString
            guard case .downloadFailed("tiny", "train-images-idx3-ubyte.gz", let tried, let attempts) = error else {
                Issue.record("expected downloadFailed, got \(String(describing: error))")
                return
            }
            #expect(tried.map(\.origin) == [.environment, .cache])
            #expect(attempts.count == 1)
            #expect(attempts.first?.url == url)
            let expected = descriptor.files.trainImages.compressedMD5!.hex
            guard case .checksumMismatch(expected, let found) = attempts.first?.failure else {
                Issue.record("expected a checksum mismatch, got \(attempts)")
                return
            }
            #expect(found == MD5.digest(Self.routes()["\(path)train-images-idx3-ubyte.gz"]!.body).hex)
            #expect(!FileManager.default.fileExists(atPath: cacheRoot(scratch).path))
        }
    }

    @Test func notFoundStatusIsReportedAndLeavesNothing() throws {
        let server = try HTTPTestServer(routes: Self.routes())
        defer { server.stop() }
        try withScratchFolder { scratch in
            let mirror = server.url("/missing/")
            let error = #expect(throws: DatasetError.self) { try loader(scratch, mirror: mirror).load(descriptor) }
            #expect(
                error?.attempts == [
                    DownloadAttempt(
                        url: mirror.absoluteString + "train-images-idx3-ubyte.gz", failure: .httpStatus(404))
                ])
            #expect(error?.description.contains("HTTP status 404") == true)
            #expect(!FileManager.default.fileExists(atPath: cacheRoot(scratch).path))
        }
    }

    /// The first file downloads fine, the second 404s: the good one must not stay in the cache.
    @Test func failureAfterAGoodFileLeavesNothing() throws {
        let server = try HTTPTestServer(routes: Self.routes())
        defer { server.stop() }
        try withScratchFolder { scratch in
            let error = #expect(throws: DatasetError.self) {
                try loader(scratch, mirror: server.url("/partial/")).load(descriptor)
            }
            guard case .downloadFailed(_, "train-labels-idx1-ubyte.gz", _, _) = error else {
                Issue.record("expected the labels download to fail, got \(String(describing: error))")
                return
            }
            #expect(!FileManager.default.fileExists(atPath: cacheRoot(scratch).path))
        }
    }

    /// An existing cache root is kept, and only the staging folder is removed.
    @Test func failureKeepsAnExistingCacheAsItWas() throws {
        let server = try HTTPTestServer(routes: Self.routes())
        defer { server.stop() }
        try withScratchFolder { scratch in
            let other = cacheRoot(scratch).appendingPathComponent("nnreport/other")
            try DatasetsFixtures.write(["keep.txt": [1, 2, 3]], into: other)
            #expect(throws: DatasetError.self) { try loader(scratch, mirror: server.url("/partial/")).load(descriptor) }
            #expect(
                DatasetsFixtures.listing(of: cacheRoot(scratch)) == [
                    "nnreport", "nnreport/other", "nnreport/other/keep.txt",
                ])
        }
    }

    @Test func connectionRefusedNamesTheURLAndTheCause() throws {
        let port = try HTTPTestServer.unusedPort()
        try withScratchFolder { scratch in
            let mirror = URL(string: "http://127.0.0.1:\(port)/mnist/")!
            let error = #expect(throws: DatasetError.self) { try loader(scratch, mirror: mirror).load(descriptor) }
            let attempt = try #require(error?.attempts?.first)
            #expect(attempt.url == "http://127.0.0.1:\(port)/mnist/train-images-idx3-ubyte.gz")
            guard case .network(let reason) = attempt.failure else {
                Issue.record("expected a network failure, got \(attempt.failure)")
                return
            }
            #expect(!reason.isEmpty)
            #expect(error?.description.contains(attempt.url) == true)
            #expect(!FileManager.default.fileExists(atPath: cacheRoot(scratch).path))
        }
    }

    @Test func stalledServerTimesOut() throws {
        let server = try HTTPTestServer(routes: Self.routes())
        defer { server.stop() }
        try withScratchFolder { scratch in
            let error = #expect(throws: DatasetError.self) {
                try loader(scratch, mirror: server.url("/slow/"), timeout: 1).load(descriptor)
            }
            guard case .network = error?.attempts?.first?.failure else {
                Issue.record("expected a network (timeout) failure, got \(String(describing: error))")
                return
            }
            #expect(!FileManager.default.fileExists(atPath: cacheRoot(scratch).path))
        }
    }

    /// Without --mirror, the descriptor's mirrors are tried in order until one serves a good copy.
    @Test func fallsBackToTheNextMirror() throws {
        let server = try HTTPTestServer(routes: Self.routes())
        defer { server.stop() }
        try withScratchFolder { scratch in
            let descriptor = TinyDataset.descriptor(
                mirrors: [server.url("/corrupt/"), server.url("/missing/"), server.url("/good/")])
            let dataset = try loader(scratch, mirror: nil).load(descriptor)
            #expect(dataset.origin == .downloaded)
            #expect(
                server.requestedPaths.prefix(3) == [
                    "/corrupt/train-images-idx3-ubyte.gz",
                    "/missing/train-images-idx3-ubyte.gz", "/good/train-images-idx3-ubyte.gz",
                ])
        }
    }

    /// Staging folders of runs killed mid-download are removed once they are a day old; a young
    /// one may belong to a download in progress and stays.
    @Test func abandonedStagingFoldersAreRemoved() throws {
        let server = try HTTPTestServer(routes: Self.routes())
        defer { server.stop() }
        try withScratchFolder { scratch in
            let root = cacheRoot(scratch).appendingPathComponent("nnreport")
            let old = root.appendingPathComponent(".tiny-download-OLD")
            let young = root.appendingPathComponent(".tiny-download-YOUNG")
            try DatasetsFixtures.write(["train-images-idx3-ubyte.gz": [1, 2, 3]], into: old)
            try DatasetsFixtures.write(["train-images-idx3-ubyte.gz": [1, 2, 3]], into: young)
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -2 * 86_400)], ofItemAtPath: old.path)
            _ = try loader(scratch, mirror: server.url("/good/")).load(descriptor)
            #expect(!FileManager.default.fileExists(atPath: old.path))
            #expect(FileManager.default.fileExists(atPath: young.path))
        }
    }

    @Test func downloadTurnedOffIsNotFound() throws {
        try withScratchFolder { scratch in
            var loader = loader(scratch, mirror: nil)
            loader.allowDownload = false
            #expect(throws: DatasetError.self) { try loader.load(descriptor) }
        }
    }
}

/// Collects progress reports from URLSession's queue.
private final class ProgressLog: @unchecked Sendable {
    // `@unchecked Sendable`: `events` is only touched under `lock`.
    private let lock = NSLock()
    private var events: [DownloadProgress] = []

    var record: @Sendable (DownloadProgress) -> Void { { [self] event in lock.withLock { events.append(event) } } }
    var all: [DownloadProgress] { lock.withLock { events } }
}

extension DatasetError {
    /// The download attempts of a `downloadFailed` error.
    fileprivate var attempts: [DownloadAttempt]? {
        guard case .downloadFailed(_, _, _, let attempts) = self else { return nil }
        return attempts
    }
}
