import Engine
import Metrics
import TestSupport
import Testing

/// A few thousand real MNIST images: the loss falls and the model beats chance by far.
@Suite struct RealDataTests {
    @Test func lossFallsOnAnMNISTSubset() throws {
        guard let train = try Fixtures.mnist("train", count: 3000), let test = try Fixtures.mnist("t10k", count: 500)
        else {
            Issue.record("MNIST not found (\(TestData.mnist.origin)): set NNREPORT_DATA, or let nnreport download it into ~/.cache/nnreport")
            return
        }
        let config = TrainingConfiguration(
            hidden: [32], activation: .relu, optimizer: .adam, learningRate: 3e-3, batchSize: 50, epochs: 2,
            initializer: .he, seed: 5, validationCount: 500, inputTransform: .unit, threads: 1)
        let (result, events) = try Fixtures.train(config, train: train, test: test, classCount: 10)
        let recorder = MetricRecorder()
        for e in events { try recorder.receive(e) }
        let steps = recorder.steps
        #expect(steps.first!.loss > 1.5)
        #expect(recorder.epochs.last!.loss < 0.6)
        #expect(recorder.epochs.last!.valAccuracy! > 0.85)
        #expect(result.testAccuracy > 0.85)
    }
}
