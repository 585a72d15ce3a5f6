import Foundation

extension DatasetError: CustomStringConvertible {
    /// A full sentence: what failed, where, what was expected, and how to fix it.
    public var description: String { description(origin: nil) }

    /// The description, with the fix for a damaged file chosen by where it came from
    /// (``DatasetError+Advice.swift``): only a copy nnreport downloaded is to be deleted.
    public func description(origin: DatasetOrigin?) -> String {
        guard isFileContentProblem else { return statement }
        return statement + " " + Self.fileAdvice(origin: origin, checksum: isChecksumMismatch)
    }

    /// What failed, where, and what was expected; for the problems of other kinds, also the fix.
    private var statement: String {
        switch self {
        case .notFound(let dataset, let tried):
            return "\(DatasetError.displayName(dataset)) files were not found, and downloading is turned off. "
                + "Looked in:\n" + DatasetError.bulleted(tried.map(\.description)) + "\n"
                + DatasetError.fixes(dataset: dataset)
        case .dataDirectoryIncomplete(let path, let missing):
            return "The data directory \(path) (given with --data-dir) lacks "
                + missing.map { "\($0)[.gz]" }.joined(separator: ", ")
                + ". Put the four IDX files (gzip-compressed or not) in that folder or in a subfolder named after "
                + "the dataset, or leave out --data-dir to use the default lookup."
        case .downloadFailed(let dataset, let file, let tried, let attempts):
            return "\(DatasetError.displayName(dataset)) files were not found locally, and downloading \(file) "
                + "failed from every mirror; nothing was written to the cache. Looked in:\n"
                + DatasetError.bulleted(tried.map(\.description)) + "\nDownload attempts:\n"
                + DatasetError.bulleted(attempts.map(\.description)) + "\n"
                + DatasetError.fixes(dataset: dataset)
        case .cacheUnwritable(let path, let reason):
            return "Cannot write the download cache \(path): \(reason). Make it writable, set XDG_CACHE_HOME "
                + "to a writable folder, or pass --data-dir with a folder that holds the files."
        case .unreadable(let path, let reason):
            return "Cannot read \(path): \(reason). Check the path and its permissions."
        case .badMagic(let path, let expected, let found):
            return "\(path) is not an IDX \(DatasetError.kindName(expected)) file: it starts with "
                + "\(DatasetError.hex(found))\(DatasetError.asciiHint(found)), expected the magic number "
                + "\(DatasetError.hex(expected))\(DatasetError.kindHint(found)). "
                + "Check that the file is the one its name says."
        case .truncated(let path, let expected, let actual):
            return "\(path) is truncated: its header promises \(DatasetError.bytes(expected)) (uncompressed) but "
                + "the file holds only \(DatasetError.bytes(actual))."
        case .trailingData(let path, let expected, let actual):
            let found =
                actual.map { "holds \(DatasetError.bytes($0))" }
                ?? "holds over \(DatasetError.bytes(IDXReader.excessCountingLimit)) more"
            return "\(path) has data after its end: its header promises \(DatasetError.bytes(expected)) "
                + "(uncompressed) but the file \(found)."
        case .absurdSize(let path, let dimensions, let claimed, let limit):
            return "\(path) claims an impossible size: its header says "
                + "\(DatasetError.shape(dimensions)), \(DatasetError.bytes(claimed)), but "
                + DatasetError.limitText(limit) + ". The file is corrupt."
        case .sizeOverflow(let path, let dimensions):
            return "\(path) claims an impossible size: its header says \(DatasetError.shape(dimensions)), "
                + "a product that overflows a 64-bit integer. The file is corrupt."
        case .emptyImageShape(let path, let dimensions):
            return "\(path) describes images of \(dimensions.dropFirst().map(String.init).joined(separator: "x")) "
                + "pixels; rows and columns must be at least 1. The file is corrupt."
        case .corruptGzip(let path, let detail):
            return "\(path) is not valid gzip data (zlib: \(detail))."
        case .checksumMismatch(let path, let expected, let found):
            return "\(path) has the wrong content: the MD5 of its data is \(found), expected \(expected)."
        case .countMismatch(let images, let imageCount, let labels, let labelCount):
            return "\(images) holds \(imageCount) images but \(labels) holds \(labelCount) labels; "
                + "they must match. Check that both files belong to the same dataset and split."
        case .labelOutOfRange(let path, let index, let value, let classCount):
            return "\(path): label \(index) (counting from 0) is \(value), but labels must be in 0...\(classCount - 1) "
                + "for \(classCount) classes. The file is corrupt or belongs to another dataset."
        case .shapeMismatch(let train, let trainShape, let test, let testShape):
            return "Training images in \(train) are \(DatasetError.pixels(trainShape)) but test images in \(test) are "
                + "\(DatasetError.pixels(testShape)); both splits must have the same image size."
        }
    }

    // MARK: Pieces of the sentences

    private static func displayName(_ dataset: String) -> String {
        DatasetDescriptor.named(dataset)?.displayName ?? "The \(dataset) dataset's"
    }

    private static func fixes(dataset: String) -> String {
        var lines = [
            "pass --data-dir DIR with a folder holding the four files (.gz or uncompressed)",
            "or set NNREPORT_DATA to a folder with a \(dataset)/ subfolder",
        ]
        if let package = DatasetDescriptor.named(dataset)?.systemPackage {
            lines.append("or install the system copy: apt-get install \(package)")
        }
        lines.append("or download from a mirror you can reach: --mirror URL")
        return "To fix it:\n" + bulleted(lines)
    }

    private static func bulleted(_ lines: [String]) -> String {
        lines.isEmpty ? "  (none)" : lines.map { "  - \($0)" }.joined(separator: "\n")
    }

    private static func limitText(_ limit: IDXSizeLimit) -> String {
        switch limit {
        case .readerMaximum(let maximum):
            return "the reader accepts at most \(bytes(maximum)) per file"
        case .compressedFile(let compressed, let maximum):
            return "\(bytes(compressed)) of gzip data inflate to at most \(bytes(maximum))"
        }
    }

    /// "2147483648 images of 28x28 pixels" for idx3, "60000 labels" for idx1.
    private static func shape(_ dimensions: [Int]) -> String {
        switch dimensions.count {
        case 1: return "\(dimensions[0]) labels"
        case 3: return "\(dimensions[0]) images of \(dimensions[1])x\(dimensions[2]) pixels"
        default: return "dimensions " + dimensions.map(String.init).joined(separator: "x")
        }
    }

    private static func pixels(_ shape: [Int]) -> String {
        shape.map(String.init).joined(separator: "x") + " pixels"
    }

    private static func kindName(_ magic: UInt32) -> String {
        IDXKind(magic: magic).map { $0 == .labels ? "labels (idx1)" : "images (idx3)" } ?? "IDX"
    }

    /// Names the other IDX kind when the magic is valid but for the wrong kind of file.
    private static func kindHint(_ found: UInt32) -> String {
        IDXKind(magic: found).map { " (\(hex(found)) marks an IDX \($0 == .labels ? "labels" : "images") file)" } ?? ""
    }

    /// Shows printable magic bytes as text: HTML error pages saved as data files are common.
    private static func asciiHint(_ value: UInt32) -> String {
        let bytes = (0..<4).map { UInt8(truncatingIfNeeded: value >> UInt32(24 - 8 * $0)) }
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7f }) else { return "" }
        return " (\"\(String(decoding: bytes, as: UTF8.self))\", text rather than IDX data)"
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    /// "47,040,016 bytes", grouped for reading.
    static func bytes(_ count: Int) -> String {
        let digits = Array(String(count.magnitude))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (count < 0 ? "-" : "") + grouped + (count == 1 ? " byte" : " bytes")
    }
}

extension DatasetError: LocalizedError {
    /// The same text as ``description``, for callers that use `localizedDescription`.
    public var errorDescription: String? { description }
}
