import Dispatch

/// Splits a batch's images into contiguous parts run on separate threads: the loops around the
/// GEMMs (im2col, col2im, pooling, activations) touch each image alone, so any split gives the
/// same bits, and with the GEMMs on two threads these loops would otherwise be a third of a step.
enum ParallelImages {
    /// Below this many values per part, handing work to a second thread costs more than it saves.
    static let minimumValuesPerPart = 32_768

    /// Calls `body` with `parts` disjoint, contiguous ranges covering `0..<count`, concurrently
    /// when there is more than one; `valuesPerItem` sizes the parts against the hand-off cost.
    static func run(count: Int, valuesPerItem: Int, threads: Int, _ body: (Range<Int>) -> Void) {
        let parts = Swift.max(1, Swift.min(threads, count, count * valuesPerItem / minimumValuesPerPart))
        if parts == 1 {
            body(0..<count)
            return
        }
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let work = body
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                // Safe: the parts are disjoint and concurrentPerform returns when all are done.
                work((count * part / parts)..<(count * (part + 1) / parts))
            }
        }
    }
}
