/// Why a checkpoint cannot be read back or does not fit the run that reads it.
public enum CheckpointError: Error, Equatable, CustomStringConvertible {
    /// The bytes are not a checkpoint (truncated, another file's, damaged).
    case malformed(reason: String)
    /// A tensor the run needs is missing, or has another shape or type than the run's own.
    case tensorMismatch(name: String, expected: String, found: String)
    /// A counter of the saved state does not fit the run (another number of steps per epoch).
    case stateMismatch(field: String, expected: String, found: String)

    public var description: String {
        switch self {
        case .malformed(let reason):
            return "the checkpoint is damaged or not a checkpoint: \(reason)"
        case .tensorMismatch(let name, let expected, let found):
            return "the checkpoint's tensor \(name) is \(found), but this run's is \(expected)"
        case .stateMismatch(let field, let expected, let found):
            return "the checkpoint's \(field) is \(found), but this run's is \(expected)"
        }
    }
}
