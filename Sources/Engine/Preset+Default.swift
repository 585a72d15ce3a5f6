extension Preset {
    /// What `nnreport mnist` and `nnreport fashion` use without `--preset`.
    public static let `default` = Preset(
        name: "default",
        origin: "nnreport's default, tuned on the validation split only",
        dataset: "mnist",
        published: PublishedResult(
            text:
                "no write-up; the goal is at least 98.3% MNIST and 89.5% Fashion-MNIST test accuracy, trained within a minute on 2 cores",
            testAccuracy: nil, validationAccuracy: nil, testLoss: nil),
        configuration: TrainingConfiguration(
            hidden: [512, 256], activation: .relu, optimizer: .adam, learningRate: 1e-3,
            schedule: .cosine(minimum: 0), batchSize: 128, epochs: 20, dropout: 0.2, initializer: .he,
            validationCount: 5000, inputTransform: .unit),
        notes: "Chosen on the validation split (the last 5,000 training images) among dropout 0.2 / 0.3 and "
            + "15 / 20 epochs: 784-512-256-10 ReLU, He initialisation, inputs scaled to [0, 1], dropout 0.2, "
            + "Adam 1e-3 with a cosine decay to 0 over 20 epochs of batch 128. The same settings serve "
            + "Fashion-MNIST.")
}
