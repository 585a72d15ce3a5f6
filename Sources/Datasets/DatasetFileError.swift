/// A dataset file's problem together with where the file was found, so that the advice fits:
/// what `nnreport mnist` reports.
public struct DatasetFileError: Error, CustomStringConvertible, Equatable {
    public var error: DatasetError
    public var origin: DatasetOrigin

    public init(_ error: DatasetError, origin: DatasetOrigin) {
        self.error = error
        self.origin = origin
    }

    public var description: String { error.description(origin: origin) }
}
