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
    static func during<T>(_ step: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError(step: step, underlying: error)
        }
    }
}
