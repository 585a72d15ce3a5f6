/// Everything that can go wrong while finding, downloading or reading a dataset.
///
/// Each case carries the file or folder it concerns and what was expected; ``description`` turns it
/// into a full sentence that also says how to fix it (see `DatasetError+Description.swift`).
public enum DatasetError: Error, Sendable, Equatable {
    // MARK: Finding the files

    /// No searched folder holds all four files and downloading was turned off.
    case notFound(dataset: String, tried: [SearchedLocation])
    /// The folder given with `--data-dir` lacks some of the files (file names without `.gz`).
    case dataDirectoryIncomplete(path: String, missing: [String])
    /// No local copy, and every mirror failed for `file`; nothing was left in the cache.
    case downloadFailed(dataset: String, file: String, tried: [SearchedLocation], attempts: [DownloadAttempt])
    /// The user cache folder could not be created or written (permissions, full disk).
    case cacheUnwritable(path: String, reason: String)

    // MARK: Reading one file

    /// The file could not be opened or read (the reason comes from the operating system).
    case unreadable(path: String, reason: String)
    /// The first four bytes are not the IDX magic number of the expected kind.
    case badMagic(path: String, expected: UInt32, found: UInt32)
    /// The (uncompressed) file ends before the size its header promises; sizes in bytes.
    case truncated(path: String, expected: Int, actual: Int)
    /// The (uncompressed) file goes on after the size its header promises; `actual` is nil when
    /// the excess was too large to count (a gzip bomb is not inflated to the end).
    case trailingData(path: String, expected: Int, actual: Int?)
    /// The header claims more bytes than the file can hold, rejected before any allocation.
    case absurdSize(path: String, dimensions: [Int], claimed: Int, limit: IDXSizeLimit)
    /// The product of the header's dimensions does not fit in an `Int`.
    case sizeOverflow(path: String, dimensions: [Int])
    /// Images with zero rows or columns.
    case emptyImageShape(path: String, dimensions: [Int])
    /// The gzip data is damaged; `detail` is zlib's explanation.
    case corruptGzip(path: String, detail: String)
    /// The MD5 of the file's content is not the published one.
    case checksumMismatch(path: String, expected: String, found: String)

    // MARK: Consistency between files

    /// The images file and the labels file of one split hold different numbers of records.
    case countMismatch(images: String, imageCount: Int, labels: String, labelCount: Int)
    /// A label is not a class index of the dataset.
    case labelOutOfRange(path: String, index: Int, value: UInt8, classCount: Int)
    /// Training and test images differ in size (rows x columns).
    case shapeMismatch(train: String, trainShape: [Int], test: String, testShape: [Int])
}

/// A folder that was searched for a dataset, and why it was not used.
public struct SearchedLocation: Sendable, Equatable, CustomStringConvertible {
    /// The folder.
    public var path: String
    /// Which rule of the lookup order produced it.
    public var origin: DatasetOrigin
    /// Why it did not count: "does not exist", "lacks t10k-labels-idx1-ubyte[.gz]", ...
    public var problem: String

    public init(path: String, origin: DatasetOrigin, problem: String) {
        self.path = path
        self.origin = origin
        self.problem = problem
    }

    public var description: String { "\(path) (\(origin.explanation)): \(problem)" }
}

/// One failed attempt to download a file from one URL.
public struct DownloadAttempt: Sendable, Equatable, CustomStringConvertible {
    public var url: String
    public var failure: DownloadFailure

    public init(url: String, failure: DownloadFailure) {
        self.url = url
        self.failure = failure
    }

    public var description: String { "\(url): \(failure)" }
}

/// Why a download from one URL was rejected.
public enum DownloadFailure: Sendable, Equatable, CustomStringConvertible {
    /// No connection, refused, timed out, DNS failure...; the text comes from URLSession.
    case network(String)
    /// The server answered with a status other than 200.
    case httpStatus(Int)
    /// The downloaded bytes are not the published file.
    case checksumMismatch(expected: String, found: String)

    public var description: String {
        switch self {
        case .network(let reason): "network error: \(reason)"
        case .httpStatus(let status): "HTTP status \(status)"
        case .checksumMismatch(let expected, let found): "checksum mismatch: expected MD5 \(expected), got \(found)"
        }
    }
}

/// The bound an IDX header's claimed size broke.
public enum IDXSizeLimit: Sendable, Equatable {
    /// The reader's cap on one file's payload (``IDXReader/maximumPayloadBytes``).
    case readerMaximum(Int)
    /// The most that `compressedBytes` of deflate data can inflate to (about 1032 : 1).
    case compressedFile(compressedBytes: Int, maximumBytes: Int)
}
