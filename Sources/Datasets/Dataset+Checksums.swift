extension Dataset {
    /// The MD5 of each of the four files' content (the uncompressed IDX bytes: header and
    /// data), in ``DatasetFiles/all`` order, as `md5sum` of the decompressed files prints it.
    ///
    /// - Parameter verified: whether the files were checked against the descriptor's content
    ///   checksums while loading (the default): those checksums are then the answer and nothing
    ///   is hashed. Otherwise (`--no-verify`, a modified copy) the content is hashed from memory,
    ///   the header rebuilt from the shapes, which gives the same digest as hashing the file.
    public func contentChecksums(verified: Bool) -> [(file: String, md5: MD5Digest)] {
        let files = descriptor.files.all
        let parts: [(IDXKind, [UInt32], [UInt8])] = [
            (.images, [train.count, train.rows, train.columns].map { UInt32($0) }, train.pixels),
            (.labels, [UInt32(train.count)], train.labels),
            (.images, [test.count, test.rows, test.columns].map { UInt32($0) }, test.pixels),
            (.labels, [UInt32(test.count)], test.labels),
        ]
        return zip(files, parts).map { file, part in
            if verified, let known = file.contentMD5 { return (file.name, known) }
            let (kind, dimensions, payload) = part
            var header: [UInt8] = []
            for word in [kind.magic] + dimensions {
                withUnsafeBytes(of: word.bigEndian) { header.append(contentsOf: $0) }
            }
            var md5 = MD5()
            md5.update(header)
            md5.update(payload)
            return (file.name, md5.finalize())
        }
    }
}
