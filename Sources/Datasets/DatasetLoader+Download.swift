import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension DatasetLoader {
    /// Downloads the files `folder` lacks into it, all or nothing.
    ///
    /// Files go into a fresh staging folder next to `folder` (same file system), are verified, and
    /// only when every file is good are they renamed into place (the whole folder at once when it
    /// did not exist). On any failure the staging folder, and cache folders this call created,
    /// are removed: the cache holds nothing it did not hold before.
    func download(_ descriptor: DatasetDescriptor, into folder: URL, tried: [SearchedLocation]) throws(DatasetError)
        -> DatasetLocation
    {
        let root = folder.deletingLastPathComponent()
        let created = try Self.createFolders(root)
        let prefix = ".\(descriptor.name)-download-"
        Self.removeAbandonedStagingFolders(in: root, prefix: prefix)
        let staging = root.appendingPathComponent(prefix + UUID().uuidString, isDirectory: true)
        do {
            try Self.createFolder(staging)
            let missing = Set(inspect(folder, for: descriptor).missing)
            for file in descriptor.files.all where missing.contains(file.name) {
                try fetch(file, of: descriptor, into: staging, tried: tried)
            }
            try Self.moveContents(of: staging, to: folder)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            for folder in created.reversed() { rmdir(folder.path) }  // only if still empty
            throw error
        }
        guard case .complete(let files) = inspect(folder, for: descriptor) else {
            throw DatasetError.cacheUnwritable(path: folder.path, reason: "the downloaded files disappeared")
        }
        return DatasetLocation(folder: folder, origin: .downloaded, files: files)
    }

    /// Downloads one file from the first mirror that serves a verified copy.
    private func fetch(
        _ file: DatasetFile, of descriptor: DatasetDescriptor, into staging: URL, tried: [SearchedLocation]
    )
        throws(DatasetError)
    {
        let mirrors = mirror.map { [$0] } ?? descriptor.mirrors
        var attempts: [DownloadAttempt] = []
        let target = staging.appendingPathComponent(file.compressedName)
        for base in mirrors {
            let url = base.appendingPathComponent(file.compressedName)
            let report = progress.map { callback in
                { @Sendable (received: Int64, expected: Int64?) in
                    callback(
                        DownloadProgress(
                            file: file.compressedName, url: url, receivedBytes: received, expectedBytes: expected))
                }
            }
            do throws(HTTPDownload.Failure) {
                let result = try HTTPDownload(timeout: timeout).fetch(url, to: target, progress: report)
                if let mismatch = try verify(target, file: file, downloadMD5: result.md5) {
                    throw HTTPDownload.Failure.remote(mismatch)
                }
                try Self.nameByContent(target, file: file)
                return
            } catch {
                try? FileManager.default.removeItem(at: target)
                switch error {
                case .local(let problem): throw problem
                case .remote(let failure): attempts.append(DownloadAttempt(url: url.absoluteString, failure: failure))
                }
            }
        }
        throw DatasetError.downloadFailed(
            dataset: descriptor.name, file: file.compressedName, tried: tried, attempts: attempts)
    }

    /// Accepts the published `.gz` bytes, or any encoding of the published content (recompressed
    /// mirrors, servers that decode gzip on the way); returns the mismatch otherwise.
    private func verify(_ target: URL, file: DatasetFile, downloadMD5: MD5Digest) throws(HTTPDownload.Failure)
        -> DownloadFailure?
    {
        guard verifyChecksums, file.compressedMD5 != nil || file.contentMD5 != nil else { return nil }
        if downloadMD5 == file.compressedMD5 || downloadMD5 == file.contentMD5 { return nil }
        if let expected = file.contentMD5, let content = contentDigest(of: target), content == expected { return nil }
        let expected = (file.compressedMD5 ?? file.contentMD5)!
        return .checksumMismatch(expected: expected.hex, found: downloadMD5.hex)
    }

    /// The MD5 of a file's uncompressed content, hashed in chunks; nil when the file is not valid
    /// gzip or its content exceeds what the reader would accept (a bomb is not inflated to the end).
    private func contentDigest(of file: URL) -> MD5Digest? {
        guard let stream = try? ContentStream(path: file.path) else { return nil }
        var md5 = MD5()
        var buffer = [UInt8](repeating: 0, count: ContentStream.chunkSize)
        var total = 0
        while true {
            guard
                let count = try? buffer.withMutableBytes({ bytes throws(DatasetError) in try stream.read(into: bytes) })
            else { return nil }
            if count == 0 { break }
            total += count
            if total > reader.maximumPayloadBytes + 16 { return nil }
            buffer.withUnsafeBytes { md5.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        return stream.endedInsideMember ? nil : md5.finalize()
    }

    /// A server may decode gzip in transit; such a body is stored under the uncompressed name.
    private static func nameByContent(_ target: URL, file: DatasetFile) throws(HTTPDownload.Failure) {
        guard let stream = try? ContentStream(path: target.path), !stream.isCompressed else { return }
        let plain = target.deletingLastPathComponent().appendingPathComponent(file.name)
        guard rename(target.path, plain.path) == 0 else {
            throw .local(DatasetError.cacheUnwritable(path: plain.path, reason: lastError()))
        }
    }

    /// Renames `staging` to `folder` when `folder` does not exist, else moves its files in one by
    /// one (each rename atomic, replacing a stale copy), then removes `staging`.
    private static func moveContents(of staging: URL, to folder: URL) throws(DatasetError) {
        if rename(staging.path, folder.path) == 0 { return }
        guard errno == EEXIST || errno == ENOTEMPTY else {
            throw DatasetError.cacheUnwritable(path: folder.path, reason: lastError())
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []
        for name in names.sorted() {
            let destination = folder.appendingPathComponent(name).path
            guard rename(staging.appendingPathComponent(name).path, destination) == 0 else {
                throw DatasetError.cacheUnwritable(path: destination, reason: lastError())
            }
        }
        try? FileManager.default.removeItem(at: staging)
    }

    /// Removes staging folders left by runs that were killed mid-download. Only folders untouched
    /// for a day go: a younger one may belong to a download running right now.
    private static func removeAbandonedStagingFolders(in root: URL, prefix: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let dayAgo = Date(timeIntervalSinceNow: -86_400)
        for name in names where name.hasPrefix(prefix) {
            let folder = root.appendingPathComponent(name)
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder.path)
            if let modified = attributes?[.modificationDate] as? Date, modified < dayAgo {
                try? FileManager.default.removeItem(at: folder)
            }
        }
    }

    /// Creates `folder` and missing parents; returns the folders it created, outermost first.
    private static func createFolders(_ folder: URL) throws(DatasetError) -> [URL] {
        var missing: [URL] = []
        var current = folder.standardizedFileURL
        while !FileManager.default.fileExists(atPath: current.path) && current.path != "/" {
            missing.insert(current, at: 0)
            current = current.deletingLastPathComponent()
        }
        for url in missing { try createFolder(url) }
        return missing
    }

    private static func createFolder(_ folder: URL) throws(DatasetError) {
        guard mkdir(folder.path, 0o755) == 0 || errno == EEXIST else {
            throw DatasetError.cacheUnwritable(path: folder.path, reason: lastError())
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
