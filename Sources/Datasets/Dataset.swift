import Foundation

/// A labelled image dataset in memory: both splits, and where they came from.
public struct Dataset: Sendable {
    /// What was loaded (names, class names, files).
    public let descriptor: DatasetDescriptor
    /// The training split (the engine holds a validation split out of it).
    public let train: LabeledImages
    /// The test split.
    public let test: LabeledImages
    /// The folder the four files were read from.
    public let source: URL
    /// Which rule of the lookup order found ``source``.
    public let origin: DatasetOrigin

    public init(
        descriptor: DatasetDescriptor, train: LabeledImages, test: LabeledImages, source: URL, origin: DatasetOrigin
    ) {
        self.descriptor = descriptor
        self.train = train
        self.test = test
        self.source = source
        self.origin = origin
    }

    /// One name per class, in label order.
    public var classNames: [String] { descriptor.classNames }
}

/// The rules of the lookup order, in the order they are tried.
public enum DatasetOrigin: String, Sendable, Hashable, CaseIterable {
    /// The folder given with `--data-dir`.
    case dataDirectory
    /// `$NNREPORT_DATA/<dataset>`.
    case environment
    /// `$XDG_CACHE_HOME/nnreport/<dataset>` or `~/.cache/nnreport/<dataset>`.
    case cache
    /// A system package's copy, such as `/usr/share/datasets/fashion-mnist`.
    case system
    /// Downloaded into the user cache by this run.
    case downloaded

    /// How the folder was chosen, for messages: "--data-dir", "$NNREPORT_DATA", ...
    public var explanation: String {
        switch self {
        case .dataDirectory: "--data-dir"
        case .environment: "$NNREPORT_DATA"
        case .cache: "user cache"
        case .system: "system copy"
        case .downloaded: "downloaded into the user cache"
        }
    }
}

/// Where a dataset's four files were found.
public struct DatasetLocation: Sendable, Equatable {
    /// The folder holding the files.
    public var folder: URL
    /// Which lookup rule found it.
    public var origin: DatasetOrigin
    /// The four files in ``DatasetFiles/all`` order, each the `.gz` or the uncompressed name.
    public var files: [URL]
}

/// Progress of one file's download, reported through ``DatasetLoader/progress``.
public struct DownloadProgress: Sendable, Equatable {
    /// The published file name being downloaded ("train-images-idx3-ubyte.gz").
    public var file: String
    /// The URL being downloaded.
    public var url: URL
    /// Bytes received so far.
    public var receivedBytes: Int64
    /// The size the server announced, if it did.
    public var expectedBytes: Int64?
}
