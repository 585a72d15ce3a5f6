import Datasets
import Foundation

/// Where a dataset is looked for and how it may be fetched: the data options of
/// `nnreport mnist`, `nnreport fashion` and `nnreport sweep`.
public struct DataSettings: Sendable {
    /// `--data-dir`: the only place to look for the dataset when given.
    public var directory: URL?
    /// `--mirror`: where to download from instead of the public mirrors.
    public var mirror: URL?
    /// False for `--no-download`.
    public var allowDownload: Bool
    /// False for `--no-verify`.
    public var verifyChecksums: Bool

    public init(directory: URL? = nil, mirror: URL? = nil, allowDownload: Bool = true, verifyChecksums: Bool = true) {
        self.directory = directory
        self.mirror = mirror
        self.allowDownload = allowDownload
        self.verifyChecksums = verifyChecksums
    }

    /// Loads the dataset called `name` (`mnist`, `fashion`) and tells `note` how many images it
    /// read from where.
    ///
    /// - Throws: ``PipelineError`` while choosing the dataset (an unknown name, with the known
    ///   ones) or while loading it (every place tried).
    func load(_ name: String, note: (String) -> Void) throws -> Dataset {
        guard let descriptor = DatasetDescriptor.named(name) else {
            throw PipelineError(
                step: "choosing the dataset",
                underlying: OptionError(option: "dataset", value: name, allowed: DatasetDescriptor.all.map(\.name)))
        }
        let loader = DatasetLoader(mirror: mirror, allowDownload: allowDownload, verifyChecksums: verifyChecksums)
        let dataset = try PipelineError.during("loading \(descriptor.displayName)") {
            let location = try loader.locate(descriptor, dataDirectory: directory)
            do throws(DatasetError) {
                return try loader.read(descriptor, from: location)
            } catch {
                // Whose file it is decides the fix: only nnreport's own download is to be deleted.
                throw DatasetFileError(error, origin: location.origin)
            }
        }
        note(
            "\(descriptor.displayName): \(dataset.train.count) training and \(dataset.test.count) test images from "
                + "\(dataset.source.path) (\(dataset.origin.explanation))")
        return dataset
    }
}

extension DataSettings {
    /// `settings` with the data set's folder (and `--data-dir`) protected from `--force`.
    func protecting(_ dataset: Dataset, in settings: ReportSettings) -> ReportSettings {
        var paths = [dataset.source]
        if let directory, directory.standardizedFileURL != dataset.source.standardizedFileURL {
            paths.append(directory)
        }
        return settings.protecting(paths, as: "the data set's folder")
    }
}
