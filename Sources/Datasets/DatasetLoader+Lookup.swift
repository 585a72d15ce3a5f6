import Foundation

extension DatasetLoader {
    /// The folders searched for `descriptor`, in order, without the download step.
    ///
    /// With a `dataDirectory`, only that folder and its `<dataset>` subfolder are searched.
    public func searchPath(for descriptor: DatasetDescriptor, dataDirectory: URL?) -> [(
        folder: URL, origin: DatasetOrigin
    )] {
        if let dataDirectory {
            return [
                (dataDirectory, .dataDirectory),
                (dataDirectory.appendingPathComponent(descriptor.name, isDirectory: true), .dataDirectory),
            ]
        }
        var folders: [(URL, DatasetOrigin)] = []
        if let root = environment.dataRoot {
            folders.append((root.appendingPathComponent(descriptor.name, isDirectory: true), .environment))
        }
        if let cache = cacheFolder(for: descriptor) { folders.append((cache, .cache)) }
        for path in descriptor.systemDirectories { folders.append((environment.systemPath(path), .system)) }
        return folders
    }

    /// The user-cache folder of `descriptor`, where downloads go.
    public func cacheFolder(for descriptor: DatasetDescriptor) -> URL? {
        environment.cacheRoot?.appendingPathComponent(descriptor.name, isDirectory: true)
    }

    /// Finds the first folder of the search path holding all four files, or downloads them.
    ///
    /// - Throws: ``DatasetError/dataDirectoryIncomplete(path:missing:)`` when `--data-dir` lacks
    ///   files, ``DatasetError/notFound(dataset:tried:)`` when downloading is off, and the download's
    ///   errors otherwise.
    public func locate(_ descriptor: DatasetDescriptor, dataDirectory: URL?) throws(DatasetError) -> DatasetLocation {
        var tried: [SearchedLocation] = []
        for (folder, origin) in searchPath(for: descriptor, dataDirectory: dataDirectory) {
            switch inspect(folder, for: descriptor) {
            case .complete(let files):
                return DatasetLocation(folder: folder, origin: origin, files: files)
            case .problem(let problem, _):
                tried.append(SearchedLocation(path: folder.path, origin: origin, problem: problem))
            }
        }
        if let dataDirectory {
            // An explicit folder is a promise: never fall back to another copy silently.
            let direct = inspect(dataDirectory, for: descriptor)
            let nested = inspect(dataDirectory.appendingPathComponent(descriptor.name), for: descriptor)
            let missing = nested.missing.count < 4 ? nested.missing : direct.missing
            throw DatasetError.dataDirectoryIncomplete(path: dataDirectory.path, missing: missing)
        }
        guard allowDownload else { throw DatasetError.notFound(dataset: descriptor.name, tried: tried) }
        guard let cache = cacheFolder(for: descriptor) else {
            throw DatasetError.cacheUnwritable(
                path: "~/.cache/nnreport", reason: "neither HOME nor an absolute XDG_CACHE_HOME is set")
        }
        return try download(descriptor, into: cache, tried: tried)
    }

    /// What a folder holds of a dataset.
    enum FolderContents {
        /// All four files, in ``DatasetFiles/all`` order.
        case complete([URL])
        /// Why the folder does not count, and the files it lacks (uncompressed names).
        case problem(String, missing: [String])

        var missing: [String] {
            switch self {
            case .complete: []
            case .problem(_, let missing): missing
            }
        }
    }

    /// Looks for each file under its `.gz` name, then its uncompressed name.
    func inspect(_ folder: URL, for descriptor: DatasetDescriptor) -> FolderContents {
        let allNames = descriptor.files.all.map(\.name)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
            return .problem("does not exist", missing: allNames)
        }
        guard isFolder.boolValue else { return .problem("is not a folder", missing: allNames) }
        var files: [URL] = []
        var missing: [String] = []
        for file in descriptor.files.all {
            let candidates = [file.compressedName, file.name].map { folder.appendingPathComponent($0) }
            if let found = candidates.first(where: Self.isFile) {
                files.append(found)
            } else {
                missing.append(file.name)
            }
        }
        if missing.isEmpty { return .complete(files) }
        let list = missing.map { "\($0)[.gz]" }.joined(separator: ", ")
        return .problem("lacks \(list)", missing: missing)
    }

    private static func isFile(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && !isFolder.boolValue
    }
}
