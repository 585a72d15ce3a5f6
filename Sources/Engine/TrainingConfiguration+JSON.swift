import Metrics

extension TrainingConfiguration {
    /// Every option, for the `run` event and summary.json's `config`.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("hidden", .array(hidden.map { .number(Double($0)) })),
            ("activation", .string(activation.rawValue)),
            ("optimizer", .string(optimizer.rawValue)),
            ("lr", .number(learningRate)),
            // Every option is listed, also those the chosen optimizer ignores (momentum for Adam,
            // β and ε for SGD), so two runs' configurations compare field by field.
            ("momentum", .number(momentum)),
            ("beta1", .number(beta1)),
            ("beta2", .number(beta2)),
            ("epsilon", .number(epsilon)),
            ("lr_schedule", scheduleJSON),
            ("batch_size", .number(Double(batchSize))),
            ("epochs", .number(Double(epochs))),
            ("max_iterations", maxIterations.map { .number(Double($0)) } ?? .null),
            ("dropout", .number(dropout)),
            ("weight_decay", .number(weightDecay)),
            ("init", .string(initializer.name)),
            ("seed", .number(Double(seed))),
            ("patience", patience.map { .number(Double($0)) } ?? .null),
            ("validation", .number(Double(validationCount))),
            ("train_limit", trainLimit.map { .number(Double($0)) } ?? .null),
            ("input_transform", .string(inputTransform.rawValue)),
            ("shuffle", .bool(shuffle)),
            ("threads", .number(Double(threads))),
        ]
        // Only networks given by --layers carry the key, so perceptrons' configurations stay as they were.
        if let layers { members.insert(("layers", .string(LayerSpec.text(layers))), at: 1) }
        return .object(members)
    }

    private var scheduleJSON: JSONValue {
        switch schedule {
        case .constant:
            return .object([("kind", "constant")])
        case .step(let every, let factor):
            return .object([("kind", "step"), ("every_epochs", .number(Double(every))), ("factor", .number(factor))])
        case .exponential(let factor):
            return .object([("kind", "exponential"), ("factor", .number(factor))])
        case .cosine(let minimum):
            return .object([("kind", "cosine"), ("minimum", .number(minimum))])
        }
    }
}
