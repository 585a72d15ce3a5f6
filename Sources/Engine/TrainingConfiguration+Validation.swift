/// A training option outside the range the engine can use.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    /// The option, as the command line spells it (`--lr`).
    public var option: String
    public var value: String
    public var expected: String

    public var description: String {
        "invalid \(option) \(value): expected \(expected)"
    }
}

extension TrainingConfiguration {
    /// Checks every option; `trainingImages` is the size of the training file.
    public func validate(trainingImages: Int? = nil) throws(ConfigurationError) {
        func fail(_ option: String, _ value: Any, _ expected: String) -> ConfigurationError {
            ConfigurationError(option: option, value: "\(value)", expected: expected)
        }
        if hidden.contains(where: { $0 < 1 || $0 > 65536 }) {
            throw fail(
                "--hidden", hidden.map(String.init).joined(separator: ","),
                "layer widths between 1 and 65536, e.g. 256,128,64")
        }
        if let layers {
            // Both data sets are 28×28 greyscale; the trainer checks again with the data's own shape.
            _ = try ConvArchitecture(
                specs: layers, input: TensorShape(channels: 1, height: 28, width: 28), classes: 10,
                activation: activation, dropout: dropout)
            if hidden != LayerSpec.denseWidths(layers) {
                throw fail(
                    "--hidden", hidden.map(String.init).joined(separator: ","),
                    "no --hidden with a --layers network (\(LayerSpec.text(layers))): write its fc layers in --layers")
            }
        }
        if !(learningRate > 0 && learningRate.isFinite) {
            throw fail("--lr", learningRate, "a positive number such as 0.001")
        }
        if !(momentum >= 0 && momentum < 1) { throw fail("--momentum", momentum, "a value in [0, 1) such as 0.9") }
        if !(beta1 >= 0 && beta1 < 1) { throw fail("--beta1", beta1, "a value in [0, 1) such as 0.9") }
        if !(beta2 >= 0 && beta2 < 1) { throw fail("--beta2", beta2, "a value in [0, 1) such as 0.999") }
        if !(epsilon > 0 && epsilon.isFinite) {
            throw fail("--epsilon", epsilon, "a small positive number such as 1e-8")
        }
        if batchSize < 1 || batchSize > 65536 {
            throw fail("--batch-size", batchSize, "a whole number between 1 and 65536")
        }
        if epochs < 1 { throw fail("--epochs", epochs, "at least 1") }
        if let m = maxIterations, m < 1 { throw fail("--max-iterations", m, "at least 1") }
        if !(dropout >= 0 && dropout < 1) { throw fail("--dropout", dropout, "a rate in [0, 1) such as 0.2") }
        if !(weightDecay >= 0 && weightDecay.isFinite) {
            throw fail("--weight-decay", weightDecay, "zero or a small positive number such as 5e-6")
        }
        if seed > (1 << 53) { throw fail("--seed", seed, "a whole number up to 2^53 (it is stored in JSON)") }
        if let p = patience, p < 1 { throw fail("--patience", p, "at least 1 epoch") }
        if patience != nil && validationCount == 0 {
            throw fail("--patience", patience!, "a validation split (--validation N > 0) to watch")
        }
        if validationCount < 0 { throw fail("--validation", validationCount, "zero or a positive number of images") }
        if let t = trainLimit, t < 1 { throw fail("--train-limit", t, "at least 1 image") }
        if threads < 1 || threads > 256 { throw fail("--threads", threads, "between 1 and 256") }
        switch schedule {
        case .constant: break
        case .step(let every, let factor):
            if every < 1 || !(factor > 0 && factor <= 1) {
                throw fail("--lr-schedule", "step", "a step every ≥1 epochs with a factor in (0, 1]")
            }
        case .exponential(let factor):
            if !(factor > 0 && factor <= 1) {
                throw fail("--lr-decay", factor, "a per-epoch factor in (0, 1] such as 0.98")
            }
        case .cosine(let minimum):
            if !(minimum >= 0 && minimum < learningRate) { throw fail("--lr-min", minimum, "a floor in [0, --lr)") }
        }
        if let n = trainingImages {
            if validationCount >= n {
                throw fail(
                    "--validation", validationCount, "fewer than the \(n) training images, so some are left to train on"
                )
            }
        }
    }
}
