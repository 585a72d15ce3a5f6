/// A `--tolerance` value that cannot be used, with what is expected instead.
public struct ToleranceError: Error, Equatable, CustomStringConvertible {
    public var description: String
}
