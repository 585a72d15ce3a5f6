import Datasets
import Foundation
import Metrics
import Testing

@testable import Engine

/// Checkpoints (issue 14): a run resumed from the state saved at the end of any epoch gives the
/// uninterrupted run's events and model, bit for bit, with every optimizer, dropout, weight
/// decay, the schedules and early stopping; a checkpoint of another run is refused.
@Suite struct CheckpointTests {
    let train = Fixtures.synthetic(count: 400, seed: 1)
    let test = Fixtures.synthetic(count: 90, seed: 2)

    /// Runs `configuration` to the end, keeping every checkpoint the trainer hands out.
    func trainKeepingCheckpoints(_ configuration: TrainingConfiguration, train: LabeledImages? = nil) throws -> (
        TrainingResult, [MetricEvent], [TrainingCheckpoint]
    ) {
        let recorder = MetricRecorder()
        let trainer = Trainer(
            configuration: configuration, train: train ?? self.train, test: test, classCount: 3, sink: recorder)
        nonisolated(unsafe) var checkpoints: [TrainingCheckpoint] = []
        trainer.checkpointHandler = { checkpoints.append($0) }
        let result = try trainer.run()
        return (result, recorder.events, checkpoints)
    }

    /// Runs `configuration` from `checkpoint` (after an archive round trip, as a file would be read).
    func resume(
        _ configuration: TrainingConfiguration, from checkpoint: TrainingCheckpoint, train: LabeledImages? = nil
    ) throws -> (TrainingResult, [MetricEvent]) {
        let bytes = TensorArchive.encode(
            checkpoint.tensors, metadata: [("training", JSONWriter.compact(checkpoint.progress.json))])
        let (tensors, metadata) = try TensorArchive.decode(bytes)
        let progress = try TrainingProgress(json: try JSONParser.parse(metadata["training"] ?? ""))
        let recorder = MetricRecorder()
        let trainer = Trainer(
            configuration: configuration, train: train ?? self.train, test: test, classCount: 3, sink: recorder)
        trainer.resumeFrom = TrainingCheckpoint(progress: progress, tensors: tensors)
        return (try trainer.run(), recorder.events)
    }

    static var configurations: [TrainingConfiguration] {
        var adam = Fixtures.configuration(epochs: 4)
        adam.dropout = 0.3
        adam.weightDecay = 1e-4
        adam.schedule = .cosine(minimum: 1e-4)
        var momentum = Fixtures.configuration(epochs: 4)
        momentum.optimizer = .momentum
        momentum.schedule = .step(everyEpochs: 2, factor: 0.5)
        momentum.hidden = [8, 6]
        var sgd = Fixtures.configuration(epochs: 4)
        sgd.optimizer = .sgd
        sgd.learningRate = 0.05
        sgd.weightDecay = 1e-3
        sgd.schedule = .exponential(factor: 0.9)
        sgd.maxIterations = 80  // the last epoch is cut short
        sgd.validationCount = 0
        return [adam, momentum, sgd]
    }

    @Test(arguments: configurations)
    func resumingAtEveryEpochGivesTheUninterruptedRun(_ configuration: TrainingConfiguration) throws {
        let (whole, events, checkpoints) = try trainKeepingCheckpoints(configuration)
        #expect(checkpoints.count == whole.epochsRun)
        let steps = events.map(Fixtures.withoutTime)
        for checkpoint in checkpoints {
            let epoch = checkpoint.progress.epoch
            let (resumed, resumedEvents) = try resume(configuration, from: checkpoint)
            #expect(resumed.model == whole.model, "model after resuming at epoch \(epoch)")
            #expect(resumed.testProbabilities == whole.testProbabilities, "epoch \(epoch)")
            #expect(resumed.stepsRun == whole.stepsRun && resumed.epochsRun == whole.epochsRun)
            #expect(resumed.bestEpoch == whole.bestEpoch && resumed.validationLoss == whole.validationLoss)
            #expect(abs(resumed.samplesPerSecond) > 0)
            // The resumed run emits `resume`, then exactly the events the whole run emitted after that epoch.
            guard case .resume(let r) = resumedEvents.first else {
                Issue.record("a resumed run starts with \(String(describing: resumedEvents.first))")
                continue
            }
            #expect(r.epoch == epoch && r.step == checkpoint.progress.step)
            let cut = try #require(
                steps.firstIndex { if case .epoch(let e) = $0 { e.epoch == epoch } else { false } })
            #expect(Array(resumedEvents.dropFirst().map(Fixtures.withoutTime)) == Array(steps[(cut + 1)...]))
        }
    }

    @Test func earlyStoppingResumesToTheSameBestWeights() throws {
        let noisy = Fixtures.synthetic(count: 120, seed: 3, randomLabels: true)
        var config = Fixtures.configuration(epochs: 40)
        config.hidden = [64]
        config.learningRate = 0.03
        config.patience = 2
        let (whole, _, checkpoints) = try trainKeepingCheckpoints(config, train: noisy)
        #expect(whole.status == .earlyStopped && whole.restoredBestWeights)
        let last = try #require(checkpoints.last)
        #expect(last.progress.stoppedEarly)
        for checkpoint in [checkpoints[checkpoints.count / 2], last] {
            let (resumed, events) = try resume(config, from: checkpoint, train: noisy)
            #expect(resumed.status == .earlyStopped && resumed.model == whole.model)
            #expect(resumed.bestEpoch == whole.bestEpoch && resumed.epochsRun == whole.epochsRun)
            if checkpoint.progress.stoppedEarly {
                // Nothing is trained again: the run goes straight to the test set.
                #expect(!events.contains { if case .step = $0 { true } else { false } })
            }
        }
    }

    @Test func theTrainingThreadsTimeOnCheckpointsIsCounted() throws {
        let configuration = Fixtures.configuration(epochs: 3)
        let plain = try Trainer(
            configuration: configuration, train: train, test: test, classCount: 3, sink: MetricRecorder()
        ).run()
        #expect(plain.checkpointSeconds == 0)
        let trainer = Trainer(
            configuration: configuration, train: train, test: test, classCount: 3, sink: MetricRecorder())
        trainer.checkpointHandler = { _ in Thread.sleep(forTimeInterval: 0.02) }
        let result = try trainer.run()
        #expect(result.checkpointSeconds >= 3 * 0.02)
    }

    @Test func theCheckpointNamesEveryParameterAndOptimizerState() throws {
        let (_, _, checkpoints) = try trainKeepingCheckpoints(Fixtures.configuration(epochs: 1))
        let checkpoint = try #require(checkpoints.first)
        let names = checkpoint.tensors.map(\.name)
        // 16 -> 8 -> 3: two weights and two biases; Adam keeps m and v of each; validation keeps the best copy.
        let parameters: [String] = (0..<4).map { "model.\($0)" }
        let best: [String] = (0..<4).map { "best.\($0)" }
        let moments: [String] = ["m", "v"].flatMap { slot in (0..<4).map { "optimizer.\(slot).\($0)" } }
        let expected: [String] = parameters + best + moments + ["permutation"]
        #expect(names == expected)
        #expect(checkpoint.tensors[0].shape == [8, 16] && checkpoint.tensors[1].shape == [1, 8])
        #expect(checkpoint.tensors.last?.dataType == .int64 && checkpoint.tensors.last?.shape == [360])
        #expect(checkpoint.progress.optimizerSteps == 23 && checkpoint.progress.step == 23)
    }

    @Test func aCheckpointOfAnotherRunIsRefused() throws {
        let config = Fixtures.configuration(epochs: 2)
        let (_, _, checkpoints) = try trainKeepingCheckpoints(config)
        let checkpoint = try #require(checkpoints.first)
        var wider = config
        wider.hidden = [9]
        #expect(throws: CheckpointError.tensorMismatch(name: "model.0", expected: "F32 [9, 16]", found: "F32 [8, 16]"))
        {
            try resume(wider, from: checkpoint)
        }
        var batches = config
        batches.batchSize = 32
        #expect(throws: CheckpointError.stateMismatch(field: "steps per epoch", expected: "12", found: "23")) {
            try resume(batches, from: checkpoint)
        }
        var sgd = config
        sgd.optimizer = .sgd
        #expect(throws: CheckpointError.tensorMismatch(name: "optimizer.m.0", expected: "absent", found: "present")) {
            try resume(sgd, from: checkpoint)
        }
        var shuffled = checkpoint
        let index = try #require(shuffled.tensors.firstIndex { $0.name == "permutation" })
        shuffled.tensors[index] = .int64("permutation", [Int](repeating: 0, count: 360))
        #expect(throws: CheckpointError.self) { try resume(config, from: shuffled) }
    }

    @Test func progressReadsBackExactlyWithNonFiniteValues() throws {
        let progress = TrainingProgress(
            epoch: 3, step: 69, plannedEpochs: 5, stepsPerEpoch: 23, totalSteps: 115, learningRate: 0.1 + 0.2,
            trainSeconds: 1.0 / 3.0, samplesTrained: 1080, bestEpoch: 2, bestLoss: .infinity, bestAccuracy: nil,
            epochsSinceBest: 1, stoppedEarly: false, intervalLoss: -0.0, intervalSteps: 0,
            shuffleState: .max, dropoutState: 0x9E37_79B9_7F4A_7C15, optimizerSteps: 69)
        let text = JSONWriter.compact(progress.json)
        #expect(try TrainingProgress(json: try JSONParser.parse(text)) == progress)
        #expect(
            text.contains("\"best_loss\":\"Infinity\"") && text.contains("\"shuffle_rng\":\"18446744073709551615\""))
        let back = try TrainingProgress(json: try JSONParser.parse(text))
        #expect(back.intervalLoss.sign == .minus && back.learningRate.bitPattern == (0.1 + 0.2).bitPattern)
    }

    @Test func damagedArchivesAreRefusedWithTheReason() throws {
        let tensors = [
            CheckpointTensor.int64("permutation", [3, 1, 2]),
            .float32("model.0", shape: [2, 2], copying: [1, 2, 3, 4]),
        ]
        let bytes = TensorArchive.encode(tensors, metadata: [("format", "test")])
        #expect(bytes.count % 8 == 0)
        let (back, metadata) = try TensorArchive.decode(bytes)
        #expect(back == tensors && metadata == ["format": "test"])
        #expect(back[0].int64Values == [3, 1, 2])
        for cut in [0, 4, 20, bytes.count - 1] {
            #expect(throws: CheckpointError.self) { try TensorArchive.decode(Array(bytes.prefix(cut))) }
        }
        var extra = bytes
        extra.append(0)
        #expect(throws: CheckpointError.malformed(reason: "1 bytes after the last tensor")) {
            try TensorArchive.decode(extra)
        }
        var hostile = bytes
        hostile[8] = UInt8(ascii: "[")
        #expect(throws: CheckpointError.self) { try TensorArchive.decode(hostile) }
    }
}
