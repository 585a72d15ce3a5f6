extension Preset {
    /// The from-scratch NumPy homework (NYU CS-GY 6953 HW1, problem 4): batch-1 SGD on raw pixels.
    public static let homework = Preset(
        name: "homework",
        origin:
            "NumPy-from-scratch homework (NYU CS-GY 6953 / ECE-GY 7123, HW1 problem 4): 784-32-32-10 sigmoid, SGD one sample at a time",
        dataset: "mnist",
        published: PublishedResult(
            text:
                "66.53%, 65.96%, 72.57% test accuracy after epochs 1-3 (one write-up); 65.05%, 73.30%, 69.94% (another)",
            testAccuracy: 0.6505...0.7330, validationAccuracy: nil, testLoss: 0.84),
        configuration: TrainingConfiguration(
            hidden: [32, 32], activation: .sigmoid, optimizer: .sgd, learningRate: 0.003, batchSize: 1, epochs: 3,
            initializer: .homework, validationCount: 0, inputTransform: .raw, shuffle: false),
        notes: "The assignment fed raw pixel values 0-255: first-layer pre-activations reach the hundreds, "
            + "so the sigmoids saturate (outputs 0 or 1, gradient ≈ 0) and most hidden units stop learning. "
            + "Accuracy stalls far below what this network can do and jumps between epochs. The report "
            + "trains the same network, seed and epochs again with inputs scaled to [0, 1] (input transform "
            + "`unit`) and shows both.")

    /// cs231n-style two-layer net from the "Simple Neural Network Lab" write-up.
    public static let cs231n = Preset(
        name: "cs231n",
        origin:
            "cs231n-derived two-layer net lab (TwoLayerNet, tuned hyperparameters): 784-175-10 ReLU, SGD momentum 0.9",
        dataset: "mnist",
        published: PublishedResult(
            text: "98.06% validation and 97.85% test accuracy after 10,000 iterations of batch 100",
            testAccuracy: 0.9785...0.9785, validationAccuracy: 0.9806, testLoss: nil),
        configuration: TrainingConfiguration(
            hidden: [175], activation: .relu, optimizer: .momentum, learningRate: 0.1, momentum: 0.9,
            schedule: .exponential(factor: 0.98), batchSize: 100, epochs: 19, maxIterations: 10_000,
            weightDecay: 5e-6, initializer: .gaussian(std: 1e-4), validationCount: 5000, inputTransform: .meanImage),
        notes: "55,000/5,000/10,000 train/validation/test, pixels scaled to [0, 1] with the mean training image "
            + "subtracted, weights drawn with std 1e-4 as TwoLayerNet does; the learning rate decays by 0.98 "
            + "every epoch (550 iterations). The write-up's learning rate was 1e-3, but with a loss averaged "
            + "over the batch that falls far short of its published accuracy (so does PyTorch). Its printed "
            + "losses are batch means, so its gradient was most likely not divided by the batch size of 100: "
            + "the equivalent step on the mean loss is 100 × 1e-3 = 0.1, which reproduces the published regime. "
            + "The report trains the write-up's literal learning rate 1e-3 as well and shows both.")

    /// The Keras Fashion-MNIST write-up.
    public static let keras = Preset(
        name: "keras",
        origin: "Keras Fashion-MNIST write-up: 784-256-128-64-10 ReLU, dropout 0.2, Adam, early stopping",
        dataset: "fashion",
        published: PublishedResult(
            text: "88.62% Fashion-MNIST test accuracy (test loss 0.3194), early stopping on validation loss",
            testAccuracy: 0.8862...0.8862, validationAccuracy: nil, testLoss: 0.3194),
        configuration: TrainingConfiguration(
            hidden: [256, 128, 64], activation: .relu, optimizer: .adam, learningRate: 1e-3, epsilon: 1e-7,
            batchSize: 32, epochs: 50, dropout: 0.2, initializer: .xavier, patience: 5, validationCount: 5000,
            inputTransform: .unit),
        notes: "The write-up validated on the test set; here early stopping watches a held-out validation "
            + "split (the last 5,000 training images), so the test figure stays unseen. Glorot-uniform "
            + "initialisation and ε = 1e-7 are Keras's defaults.")

    /// The PyTorch Fashion-MNIST write-up.
    public static let pytorch = Preset(
        name: "pytorch",
        origin: "PyTorch Fashion-MNIST write-up: 784-256-128-64-10 ReLU, SGD lr 0.01, batch 64, 10 epochs",
        dataset: "fashion",
        published: PublishedResult(
            text: "test loss 0.506 after 10 epochs (79.38 summed over 157 batches); no accuracy reported",
            testAccuracy: nil, validationAccuracy: nil, testLoss: 0.506),
        configuration: TrainingConfiguration(
            hidden: [256, 128, 64], activation: .relu, optimizer: .sgd, learningRate: 0.01, batchSize: 64,
            epochs: 10, initializer: .pytorch, validationCount: 5000, inputTransform: .unit),
        notes: "PyTorch's nn.Linear initialisation (uniform ±1/√fan_in for weights and biases) and "
            + "ToTensor's [0, 1] scaling, reshuffled every epoch.")
}
