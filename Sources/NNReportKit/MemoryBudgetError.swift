import Engine
import Report

/// A run that would not fit in memory, or a budget that cannot be read.
public enum MemoryBudgetError: Error, CustomStringConvertible, Equatable {
    case tooLarge(estimate: MemoryEstimate, concurrent: Int, options: String, budget: MemoryBudget)
    case badLimit(String)

    public var description: String {
        switch self {
        case .tooLarge(let estimate, let concurrent, let options, let budget):
            let f = MemoryBudget.format
            var text =
                "\(options) needs about \(f(estimate.totalBytes * Double(concurrent))) of memory"
                + (concurrent > 1 ? " for \(concurrent) trials at once (\(f(estimate.totalBytes)) each)" : "") + ": "
                + "\(ReportNumberFormat.grouped(estimate.parameterCount)) parameters take \(f(estimate.parameterBytes)) per copy and a run "
                + "holds \(estimate.parameterCopies) copies (weights, gradients, the best epoch's weights, the "
                + "optimizer's state and their checkpoint) = "
                + "\(f(estimate.parameterBytes * Double(estimate.parameterCopies))); "
                + "the batch activations take \(f(estimate.activationBytes)). "
            text +=
                "nnreport allows \(f(budget.limit)) (\(budget.source)). Use narrower --hidden layers"
                + (concurrent > 1 ? ", fewer --jobs" : "") + " or a smaller --batch-size, or set "
                + "\(MemoryBudget.environmentVariable) (e.g. 64GiB) on a machine with more memory."
            return text
        case .badLimit(let text):
            return
                "\(MemoryBudget.environmentVariable)='\(text)' is not a size: expected e.g. 8GiB, 512MiB or a number of bytes"
        }
    }
}
