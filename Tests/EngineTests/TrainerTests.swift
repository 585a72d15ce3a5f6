import Datasets
import Foundation
@testable import Engine
import Metrics
import Testing
import TestSupport

@Suite struct TrainerTests {
    let train = Fixtures.synthetic(count: 400, seed: 1)
    let test = Fixtures.synthetic(count: 90, seed: 2)

    @Test func learnsTheSyntheticClassesAndReportsEveryEvent() throws {
        let (result, events) = try Fixtures.train(Fixtures.configuration(epochs: 4), train: train, test: test)
        #expect(result.status == .completed)
        #expect(result.testAccuracy > 0.9)
        #expect(result.trainCount == 360 && result.validationCount == 40 && result.testCount == 90)
        #expect(result.testProbabilities.count == 90 * 3)
        #expect(result.epochsRun == 4 && result.stepsRun == 4 * 23)
        guard case .run(let run) = events.first else { Issue.record("first event is not run"); return }
        #expect(run.config == Fixtures.configuration(epochs: 4).json)
        let recorder = MetricRecorder()
        for e in events { try recorder.receive(e) }
        #expect(recorder.epochs.count == 4)
        #expect(recorder.epochs.last!.loss < recorder.epochs.first!.loss)
        #expect(recorder.epochs.allSatisfy { $0.valLoss != nil && $0.valAccuracy != nil && $0.lr == 0.01 })
        #expect(recorder.steps.count == 92)  // under 1,000 steps: every step is logged
        #expect(recorder.test?.accuracy == result.testAccuracy)
        #expect(recorder.end?.status == .completed)
        // Rows of the test probabilities sum to 1.
        for r in 0..<90 {
            #expect(isClose(result.testProbabilities[(r * 3)..<(r * 3 + 3)].reduce(0, +), 1, absolute: 1e-5))
        }
    }

    @Test func sameSeedDataAndThreadsGiveIdenticalEvents() throws {
        var config = Fixtures.configuration(epochs: 2)
        config.dropout = 0.2
        config.weightDecay = 1e-4
        let (a, first) = try Fixtures.train(config, train: train, test: test)
        let (b, second) = try Fixtures.train(config, train: train, test: test)
        #expect(first.map(Fixtures.withoutTime) == second.map(Fixtures.withoutTime))
        #expect(a.model == b.model)
        config.seed = 8
        let (_, third) = try Fixtures.train(config, train: train, test: test)
        #expect(first.map(Fixtures.withoutTime) != third.map(Fixtures.withoutTime))
    }

    @Test func absurdLearningRateDivergesWithTheStep() throws {
        var config = Fixtures.configuration(epochs: 3)
        config.optimizer = .sgd
        config.learningRate = 1e30
        let (result, events) = try Fixtures.train(config, train: train, test: test)
        #expect(result.status == .diverged)
        let step = try #require(result.divergedAtStep)
        #expect(step >= 1 && step < 3 * 23)
        guard case .end(let end) = events.last else { Issue.record("last event is not end"); return }
        #expect(end.status == .diverged && end.step == step)
        #expect(end.message?.contains("step \(step)") == true)
        #expect(result.statusMessage == end.message && end.message?.contains("try a lower --lr") == true)
    }

    /// gaussian:1e30 overflows in the first forward pass, before any update: the advice names
    /// the initialisation, not the learning rate (issue 16).
    @Test func anOverflowingInitialisationIsBlamedNotTheLearningRate() throws {
        var config = Fixtures.configuration(epochs: 1)
        config.initializer = .gaussian(std: 1e30)
        let (result, _) = try Fixtures.train(config, train: train, test: test)
        #expect(result.status == .diverged && result.divergedAtStep == 1)
        let message = try #require(result.statusMessage)
        #expect(message.contains("--init gaussian:1e+30") && message.contains("--init he"), "\(message)")
        #expect(!message.contains("lower --lr"), "\(message)")
        #expect(result.epochsRun == 0)
    }

    /// A stop that comes before the first step (Ctrl-C while the data loads) ran no epoch.
    @Test func aStopBeforeTheFirstStepRunsNoEpoch() throws {
        let (result, events) = try Fixtures.train(Fixtures.configuration(epochs: 1), train: train, test: test) { true }
        #expect(result.status == .interrupted && result.stepsRun == 0 && result.epochsRun == 0)
        #expect(result.statusMessage == "stopped on request before the first training step")
        #expect(!events.contains { if case .epoch = $0 { true } else { false } })
    }

    @Test func stopRequestEndsTheRunAsInterrupted() throws {
        let calls = CallCounter()
        let (result, events) = try Fixtures.train(Fixtures.configuration(epochs: 3), train: train, test: test) {
            calls.increment() > 30
        }
        #expect(result.status == .interrupted)
        #expect(result.stepsRun == 30)
        // 23 steps per epoch: the first epoch finished, the second was cut short and does not count.
        #expect(result.epochsRun == 1)
        guard case .end(let end) = events.last else { Issue.record("last event is not end"); return }
        #expect(end.status == .interrupted && end.step == 30)
        // The test set is still evaluated so the report has figures.
        #expect(events.contains { if case .test = $0 { true } else { false } })
    }

    @Test func earlyStoppingRestoresTheBestEpochsWeights() throws {
        // Random labels: the network memorises the training images and the validation loss rises.
        let noisy = Fixtures.synthetic(count: 120, seed: 3, randomLabels: true)
        var config = Fixtures.configuration(epochs: 40)
        config.hidden = [64]
        config.learningRate = 0.03
        config.patience = 2
        let (result, events) = try Fixtures.train(config, train: noisy, test: test)
        #expect(result.status == .earlyStopped)
        let recorder = MetricRecorder()
        for e in events { try recorder.receive(e) }
        let losses = recorder.epochs.map { $0.valLoss! }
        let best = losses.indices.min { losses[$0] < losses[$1] }!
        #expect(result.bestEpoch == best + 1)
        #expect(result.epochsRun == result.bestEpoch + 2)
        #expect(result.restoredBestWeights)
        #expect(result.validationLoss == losses[best])
        // The returned model reproduces the best epoch's validation loss.
        let validation = Trainer.splits(for: config, count: noisy.count).validation
        let pixels = Array(noisy.pixels[(validation.lowerBound * 16)..<(validation.upperBound * 16)])
        let p = result.model.predictProbabilities(pixels: pixels)
        var loss = 0.0
        for (r, image) in validation.enumerated() { loss -= Double(p[r * 3 + Int(noisy.labels[image])]).logarithm }
        #expect(isClose(loss / Double(validation.count), losses[best], absolute: 1e-4))
    }

    @Test func splitsHoldOutTheLastImagesAndLimitTraining() {
        var config = Fixtures.configuration()
        config.validationCount = 100
        #expect(Trainer.splits(for: config, count: 1000) == Trainer.Splits(train: 0..<900, validation: 900..<1000))
        config.trainLimit = 50
        #expect(Trainer.splits(for: config, count: 1000) == Trainer.Splits(train: 0..<50, validation: 900..<1000))
        config.validationCount = 0
        #expect(Trainer.splits(for: config, count: 1000).validation.isEmpty)
    }

    @Test func badOptionsAndDataAreRejectedWithTheOptionNamed() {
        var config = Fixtures.configuration()
        config.learningRate = -1
        #expect(throws: TrainingError.self) { try Fixtures.train(config, train: train, test: test) }
        do {
            try config.validate()
            Issue.record("negative lr accepted")
        } catch {
            #expect(error.option == "--lr")
            #expect(error.description.contains("positive"))
        }
        config = Fixtures.configuration()
        config.patience = 3
        config.validationCount = 0
        #expect(throws: ConfigurationError.self) { try config.validate() }
        config = Fixtures.configuration()
        config.validationCount = 400
        #expect(throws: ConfigurationError.self) { try config.validate(trainingImages: 400) }
        config = Fixtures.configuration()
        config.validationCount = 0
        #expect(throws: TrainingError.labelOutOfRange(split: "training", index: 0, label: 2, classCount: 2)) {
            try Fixtures.train(
                config,
                train: LabeledImages(
                    count: 1, rows: 4, columns: 4, pixels: [UInt8](repeating: 0, count: 16), labels: [2]), test: test,
                classCount: 2)
        }
    }

    @Test func configurationJSONListsEveryOption() {
        var config = Fixtures.configuration()
        config.schedule = .cosine(minimum: 0)
        let keys = config.json.objectValue!.map(\.key)
        for key in [
            "hidden", "activation", "optimizer", "lr", "beta1", "beta2", "epsilon", "lr_schedule", "batch_size",
            "epochs", "max_iterations", "dropout", "weight_decay", "init", "seed", "patience", "validation",
            "train_limit", "input_transform", "shuffle", "threads",
        ] {
            #expect(keys.contains(key), "missing \(key)")
        }
        #expect(config.json["lr_schedule"]?["kind"] == "cosine")
    }
}

extension Double {
    fileprivate var logarithm: Double { Foundation.log(self) }
}

/// Counts calls from the trainer's stop check (a @Sendable closure).
final class CallCounter: @unchecked Sendable {
    // Safe: every access holds the lock.
    private let lock = NSLock()
    private var count = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
