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
            try loader.load(descriptor, dataDirectory: directory)
        }
        note(
            "\(descriptor.displayName): \(dataset.train.count) training and \(dataset.test.count) test images from "
                + "\(dataset.source.path) (\(dataset.origin.explanation))")
        return dataset
    }
}
