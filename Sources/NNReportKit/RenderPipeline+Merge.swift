import Foundation
import Metrics

extension RenderPipeline {
    /// `nnreport merge`: the comparison report of the request's inputs, which must be nnreport
    /// run folders. The report is the one `nnreport render` writes for the same folders.
    ///
    /// Each input is classified first (``MergeInput``), so that a folder of the wrong kind is
    /// refused before anything is read or written; each kind is then read its own way.
    public func merge() throws -> RenderOutcome {
        let inputs = try PipelineError.during("checking the folders to merge") {
            try request.inputs.map { url throws(MergeError) in try MergeInput.classify(url) }
        }
        var logs: [MetricLog] = []
        for input in inputs {
            switch input {
            case .run(let folder):
                logs += try PipelineError.during("reading the run folders") {
                    try LogReader.read(folder, format: .nnreport).logs
                }
            }
        }
        guard logs.count >= 2 else {
            throw PipelineError(step: "merging", underlying: MergeError.tooFewRuns(count: logs.count))
        }
        return try publish(logs, command: "merge")
    }
}
