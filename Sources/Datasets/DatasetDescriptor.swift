import Foundation

/// What nnreport knows about a dataset before reading it: names, classes, files, checksums and
/// where copies live.
///
/// ``mnist`` and ``fashion`` are built in (see `DatasetDescriptor+Catalog.swift`); tests make
/// their own with other files and checksums.
public struct DatasetDescriptor: Sendable, Hashable {
    /// Short name: the command (`nnreport mnist`) and the folder name in data and cache folders.
    public var name: String
    /// Name for people: "MNIST", "Fashion-MNIST".
    public var displayName: String
    /// One name per class, in label order.
    public var classNames: [String]
    /// The four IDX files.
    public var files: DatasetFiles
    /// Base URLs that serve the `.gz` files under their published names, tried in order.
    public var mirrors: [URL]
    /// Absolute folders where system packages install a copy, searched after the user cache.
    public var systemDirectories: [String]
    /// The Debian package that installs a system copy, if there is one.
    public var systemPackage: String?

    public init(
        name: String, displayName: String, classNames: [String], files: DatasetFiles, mirrors: [URL],
        systemDirectories: [String] = [], systemPackage: String? = nil
    ) {
        precondition(!classNames.isEmpty && classNames.count <= 256, "\(classNames.count) classes; labels are bytes")
        self.name = name
        self.displayName = displayName
        self.classNames = classNames
        self.files = files
        self.mirrors = mirrors
        self.systemDirectories = systemDirectories
        self.systemPackage = systemPackage
    }

    /// Number of classes; labels lie in `0..<classCount`.
    public var classCount: Int { classNames.count }

    /// The built-in datasets.
    public static let all: [DatasetDescriptor] = [.mnist, .fashion]

    /// The built-in dataset called `name` ("mnist", "fashion"; "fashion-mnist" is accepted too).
    public static func named(_ name: String) -> DatasetDescriptor? {
        let key = name.lowercased()
        if key == "fashion-mnist" || key == "fashion_mnist" { return .fashion }
        return all.first { $0.name == key }
    }
}

/// The four files of a labelled image dataset.
public struct DatasetFiles: Sendable, Hashable {
    public var trainImages: DatasetFile
    public var trainLabels: DatasetFile
    public var testImages: DatasetFile
    public var testLabels: DatasetFile

    public init(trainImages: DatasetFile, trainLabels: DatasetFile, testImages: DatasetFile, testLabels: DatasetFile) {
        self.trainImages = trainImages
        self.trainLabels = trainLabels
        self.testImages = testImages
        self.testLabels = testLabels
    }

    /// The four files in a fixed order: train images, train labels, test images, test labels.
    public var all: [DatasetFile] { [trainImages, trainLabels, testImages, testLabels] }
}

/// One IDX file of a dataset, with its published checksums.
public struct DatasetFile: Sendable, Hashable {
    /// The uncompressed name, for example "train-images-idx3-ubyte".
    public var name: String
    /// MD5 of the published `.gz` file, checked on download (nil: not known).
    public var compressedMD5: MD5Digest?
    /// MD5 of the uncompressed content, checked on every load (nil: not known). Recompressed copies
    /// such as Debian's have another `.gz` checksum but the same content.
    public var contentMD5: MD5Digest?

    public init(name: String, compressedMD5: MD5Digest? = nil, contentMD5: MD5Digest? = nil) {
        self.name = name
        self.compressedMD5 = compressedMD5
        self.contentMD5 = contentMD5
    }

    /// A file with checksums written as 32 hex digits (a typo is a programmer error).
    init(_ name: String, gz compressed: String, content: String) {
        guard let compressedMD5 = MD5Digest(hex: compressed), let contentMD5 = MD5Digest(hex: content) else {
            preconditionFailure("bad MD5 hex for \(name): \(compressed) / \(content)")
        }
        self.init(name: name, compressedMD5: compressedMD5, contentMD5: contentMD5)
    }

    /// The published name: ``name`` + ".gz".
    public var compressedName: String { name + ".gz" }
}
