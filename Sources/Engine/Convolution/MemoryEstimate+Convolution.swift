extension TrainingConfiguration {
    /// The peak memory of a run of a `--layers` network: the parameters as for a perceptron,
    /// and every buffer of the training and evaluation workspaces (each module's outputs and
    /// gradients, the convolutions' patch matrices, the poolings' argmax indices, the dropout
    /// masks; see ``ConvWorkspace``), which for convolutions dwarf the parameters.
    func memoryEstimate(_ architecture: ConvArchitecture, images: Int) -> MemoryEstimate {
        let copies = parameterCopies
        let batch = min(batchSize, max(images, 1))
        let activations =
            ConvWorkspace.bytes(architecture: architecture, capacity: batch, training: true)
            + ConvWorkspace.bytes(
                architecture: architecture, capacity: ConvWorkspace.evaluationBatch(for: architecture), training: false)
        return MemoryEstimate(
            parameterCount: Double(architecture.parameterCount), parameterCopies: copies, activationBytes: activations,
            otherBytes: Double(images) * Double(architecture.input.count + 1) + MemoryEstimate.runtimeBytes)
    }
}
