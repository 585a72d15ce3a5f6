import Report

/// Which part of a command an error blames, for its exit status (Docs/Architecture.md).
extension PipelineError {
    /// Whether `error` (or the cause a pipeline step wrapped) says the options cannot work: an
    /// `--out` that may not be replaced, a network too large for the memory, options other than
    /// those of the unfinished run being continued (exit status 64).
    public static func blamesOptions(_ error: any Error) -> Bool {
        switch (error as? PipelineError)?.underlying ?? error {
        case is MemoryBudgetError: true
        case let error as ResumeError:
            if case .mismatch = error { true } else { false }
        case let error as ReportError:
            switch error {
            case .outputExists, .refusedReplacement, .symbolicLink: true
            default: false
            }
        default: false
        }
    }

    /// Whether `error` (or the cause a pipeline step wrapped) blames an input of `compare` that
    /// cannot be read or compared (exit status 2).
    public static func blamesInput(_ error: any Error) -> Bool {
        ((error as? PipelineError)?.underlying ?? error) is CompareError
    }
}
