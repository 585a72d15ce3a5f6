import Report

/// A pipeline step failed; the text says which step and passes on the cause.
public struct PipelineError: Error, CustomStringConvertible {
    /// What the pipeline was doing: "loading MNIST", "writing the report", ...
    public var step: String
    public var underlying: any Error

    public init(step: String, underlying: any Error) {
        self.step = step
        self.underlying = underlying
    }

    public var description: String {
        "while \(step): \(underlying)"
    }

    /// Runs `body`, wrapping any error with `step` as context.
    ///
    /// Template errors pass through unwrapped: `file:line:column: message` is the form editors
    /// and CI log parsers jump to.
    static func during<T>(_ step: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PipelineError {
            throw error
        } catch let error as ReportError {
            if case .template = error { throw error }
            throw PipelineError(step: step, underlying: error)
        } catch {
            throw PipelineError(step: step, underlying: error)
        }
    }
}
