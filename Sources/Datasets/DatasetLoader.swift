import Foundation

/// Finds, downloads when needed, reads and checks a dataset.
///
/// The lookup order (Docs/Architecture.md): the `--data-dir` folder (only that one when given), then
/// `$NNREPORT_DATA/<dataset>`, then the user cache, then system copies, then a download into the
/// user cache. Every file is read in one streaming pass that checks its structure and the MD5 of
/// its content.
///
/// ```swift
/// let dataset = try DatasetLoader().load(.mnist, dataDirectory: nil)
/// print(dataset.train.count, dataset.origin)   // 60000 cache
/// ```
public struct DatasetLoader: Sendable {
    /// Environment variables, home folder and file-system root used by the lookup.
    public var environment: DatasetEnvironment
    /// When set, downloads come only from this base URL (`--mirror URL`).
    public var mirror: URL?
    /// Whether a dataset found nowhere may be downloaded into the user cache.
    public var allowDownload: Bool
    /// Whether file contents are checked against the descriptor's MD5 checksums.
    public var verifyChecksums: Bool
    /// Seconds a download may wait for the server before it counts as failed.
    public var timeout: TimeInterval
    /// Limits applied to each IDX file.
    public var reader: IDXReader
    /// Called with download progress (from a background thread); never prints.
    public var progress: (@Sendable (DownloadProgress) -> Void)?

    public init(
        environment: DatasetEnvironment = .process, mirror: URL? = nil, allowDownload: Bool = true,
        verifyChecksums: Bool = true, timeout: TimeInterval = 30, reader: IDXReader = IDXReader(),
        progress: (@Sendable (DownloadProgress) -> Void)? = nil
    ) {
        precondition(timeout > 0, "timeout \(timeout) must be positive")
        self.environment = environment
        self.mirror = mirror
        self.allowDownload = allowDownload
        self.verifyChecksums = verifyChecksums
        self.timeout = timeout
        self.reader = reader
        self.progress = progress
    }

    /// Finds (or downloads) and reads `descriptor`.
    ///
    /// - Parameter dataDirectory: `--data-dir`: a folder holding the four files, or holding a
    ///   subfolder named after the dataset. When given, no other place is searched.
    /// - Throws: ``DatasetError``: not found (listing every path tried), download failures, and
    ///   every problem of the files themselves.
    public func load(_ descriptor: DatasetDescriptor, dataDirectory: URL? = nil) throws(DatasetError) -> Dataset {
        try read(descriptor, from: locate(descriptor, dataDirectory: dataDirectory))
    }

    /// Reads and cross-checks the four files found at `location`.
    public func read(_ descriptor: DatasetDescriptor, from location: DatasetLocation) throws(DatasetError) -> Dataset {
        precondition(location.files.count == 4, "a location has 4 files, not \(location.files.count)")
        let specs = descriptor.files.all
        let checksum = { (index: Int) in verifyChecksums ? specs[index].contentMD5 : nil }
        let trainImages = try reader.readImages(at: location.files[0], expectedMD5: checksum(0))
        let trainLabels = try reader.readLabels(
            at: location.files[1], classCount: descriptor.classCount, expectedMD5: checksum(1))
        let testImages = try reader.readImages(at: location.files[2], expectedMD5: checksum(2))
        let testLabels = try reader.readLabels(
            at: location.files[3], classCount: descriptor.classCount, expectedMD5: checksum(3))

        let train = try Self.pair(trainImages, location.files[0], trainLabels, location.files[1])
        let test = try Self.pair(testImages, location.files[2], testLabels, location.files[3])
        guard (train.rows, train.columns) == (test.rows, test.columns) else {
            throw DatasetError.shapeMismatch(
                train: location.files[0].path, trainShape: [train.rows, train.columns],
                test: location.files[2].path, testShape: [test.rows, test.columns])
        }
        return Dataset(
            descriptor: descriptor, train: train, test: test, source: location.folder, origin: location.origin)
    }

    /// Joins an images file and a labels file of one split, which must hold as many records.
    private static func pair(_ images: IDXImages, _ imagesURL: URL, _ labels: [UInt8], _ labelsURL: URL)
        throws(DatasetError) -> LabeledImages
    {
        guard images.count == labels.count else {
            throw DatasetError.countMismatch(
                images: imagesURL.path, imageCount: images.count, labels: labelsURL.path, labelCount: labels.count)
        }
        return LabeledImages(
            count: images.count, rows: images.rows, columns: images.columns, pixels: images.pixels, labels: labels)
    }
}
