/// The MD5 of a split as the uncompressed IDX files hold it, for summary.json: two runs were
/// tested on the same images exactly when these agree (`nnreport compare` checks it).
///
/// The header is rebuilt from the magic number and the sizes, so the digests equal `md5sum` of
/// the gunzipped files and the published content checksums of ``DatasetFile/contentMD5``, even
/// for a copy read without verification (`--no-verify`) or recompressed.
extension LabeledImages {
    /// MD5 of the idx3-ubyte images file: magic, count, rows, columns, then the pixels.
    public var imagesContentMD5: MD5Digest {
        var md5 = MD5()
        md5.update(Self.header(.images, dimensions: [count, rows, columns]))
        md5.update(pixels)
        return md5.finalize()
    }

    /// MD5 of the idx1-ubyte labels file: magic, count, then the labels.
    public var labelsContentMD5: MD5Digest {
        var md5 = MD5()
        md5.update(Self.header(.labels, dimensions: [count]))
        md5.update(labels)
        return md5.finalize()
    }

    /// The big-endian header of an IDX file of `kind`.
    static func header(_ kind: IDXKind, dimensions: [Int]) -> [UInt8] {
        precondition(dimensions.count == kind.dimensionCount, "\(kind) files have \(kind.dimensionCount) dimensions")
        var bytes: [UInt8] = []
        for value in [Int(kind.magic)] + dimensions {
            precondition(value >= 0 && value <= Int(UInt32.max), "IDX dimension \(value) does not fit in 32 bits")
            bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
        }
        return bytes
    }
}
