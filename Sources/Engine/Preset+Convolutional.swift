extension Preset {
    /// LeNet-5's shape (LeCun et al. 1998) on 28×28 digits: two convolutions of 6 and 16
    /// 5×5 filters, each followed by 2×2 pooling, then fc layers of 120 and 84 units.
    public static let lenet = Preset(
        name: "lenet",
        origin: "LeNet-5's shape (LeCun, Bottou, Bengio and Haffner 1998): conv 5×5×6 (padding 2, as the "
            + "paper's 32×32 inputs), pool 2, conv 5×5×16, pool 2, fc 120, fc 84, in the modern form ReLU and max pooling",
        dataset: "mnist",
        published: PublishedResult(
            text:
                "0.95% test error (99.05% accuracy) for LeNet-5 without distortions in the paper; the goal here is at least 98.9%",
            testAccuracy: 0.9905...0.9905, validationAccuracy: nil, testLoss: nil),
        configuration: TrainingConfiguration(
            hidden: [120, 84], activation: .relu, optimizer: .adam, learningRate: 1e-3,
            schedule: .cosine(minimum: 0), batchSize: 64, epochs: 10, initializer: .he, validationCount: 5000,
            inputTransform: .unit,
            layers: [
                .convolution(kernelHeight: 5, kernelWidth: 5, channels: 6, stride: 1, padding: 2),
                .maxPool(size: 2, stride: 2),
                .convolution(kernelHeight: 5, kernelWidth: 5, channels: 16, stride: 1, padding: 0),
                .maxPool(size: 2, stride: 2), .dense(units: 120), .dense(units: 84),
            ]),
        notes: "The paper's LeNet-5 used tanh-like squashing units, trainable subsampling and a Gaussian-connection "
            + "output layer; this is the shape with today's ReLU, max pooling and softmax, trained with Adam.")

    /// nnreport's default convolutional network.
    public static let cnn = Preset(
        name: "cnn",
        origin: "nnreport's default convolutional network, tuned on the validation split only",
        dataset: "mnist",
        published: PublishedResult(
            text: "no write-up; the goal is at least 99.3% MNIST and 91.5% Fashion-MNIST test accuracy, "
                + "each trained within 5 minutes on 2 cores",
            testAccuracy: nil, validationAccuracy: nil, testLoss: nil),
        configuration: TrainingConfiguration(
            hidden: [512], activation: .relu, optimizer: .adam, learningRate: 1e-3, schedule: .cosine(minimum: 0),
            batchSize: 64, epochs: 12, dropout: 0.5, initializer: .he, validationCount: 5000, inputTransform: .unit,
            layers: [
                .convolution(kernelHeight: 5, kernelWidth: 5, channels: 32, stride: 1, padding: 0),
                .maxPool(size: 2, stride: 2),
                .convolution(kernelHeight: 5, kernelWidth: 5, channels: 64, stride: 1, padding: 0),
                .maxPool(size: 2, stride: 2), .dense(units: 512),
            ]),
        notes: "conv 5×5×32, pool 2, conv 5×5×64, pool 2, fc 512 with dropout 0.5, He initialisation, inputs scaled "
            + "to [0, 1], Adam 1e-3 with a cosine decay to 0.")
}
