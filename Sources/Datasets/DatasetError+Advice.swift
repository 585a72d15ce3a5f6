extension DatasetError {
    /// Whether the error is about the content of one file (damaged, truncated, not the
    /// published one), where the fix depends on whose file it is.
    public var isFileContentProblem: Bool {
        switch self {
        case .badMagic, .truncated, .trailingData, .absurdSize, .sizeOverflow, .emptyImageShape, .corruptGzip,
            .checksumMismatch:
            true
        default:
            false
        }
    }

    var isChecksumMismatch: Bool {
        if case .checksumMismatch = self { true } else { false }
    }

    /// How to fix a damaged file found at `origin`. Only a copy nnreport downloaded into its own
    /// cache is to be deleted (the next run downloads it again); a file the user gave with
    /// `--data-dir` or `$NNREPORT_DATA`, or a system package's, is its owner's to replace.
    static func fileAdvice(origin: DatasetOrigin?, checksum: Bool) -> String {
        let modified = checksum ? " If you changed it on purpose, pass --no-verify." : ""
        switch origin {
        case .cache?, .downloaded?:
            return "It is a copy nnreport downloaded into its cache: delete it, and the next run downloads it again."
        case .dataDirectory?:
            return "It is a file given with --data-dir: replace it with the published file (nnreport never "
                + "changes files in a --data-dir folder)." + modified
        case .environment?:
            return "It was found through $NNREPORT_DATA: replace it with the published file." + modified
        case .system?:
            return "It belongs to a system package: reinstall the package (apt-get install --reinstall)." + modified
        case nil:
            return "Replace it with the published file; a copy nnreport downloaded into its cache can be deleted "
                + "and is downloaded again on the next run." + modified
        }
    }
}
