import Datasets
import Foundation
import LinearAlgebra
import Metrics

extension TrainingSession {
    /// How the epoch loop ended.
    private enum Stop {
        case none
        case interrupted(step: Int)
        case diverged(step: Int, loss: Double)
        case earlyStopped
    }

    mutating func run() throws -> TrainingResult {
        let started = ContinuousClock.now
        // A resumed run goes on with the state of its checkpoint; its `run` event is the earlier process's.
        var resumed: TrainingProgress? = nil
        if let checkpoint = resumeFrom { resumed = try restore(checkpoint) }
        if let resumed {
            try sink.receive(
                .resume(RunResume(epoch: resumed.epoch, step: resumed.step, time: Date().timeIntervalSince1970)))
        } else {
            try sink.receive(.run(RunStart(time: Date().timeIntervalSince1970, config: config.json)))
        }

        let weightDecay = Float(config.weightDecay)
        var step = resumed?.step ?? 0
        var trainSeconds = resumed?.trainSeconds ?? 0
        var samplesTrained = resumed?.samplesTrained ?? 0
        var stop = resumed?.stoppedEarly == true ? Stop.earlyStopped : Stop.none
        var bestEpoch = resumed?.bestEpoch ?? 0
        var bestLoss = resumed?.bestLoss ?? .infinity
        var bestAccuracy: Double? = resumed?.bestAccuracy
        var epochsSinceBest = resumed?.epochsSinceBest ?? 0
        var epoch = resumed?.epoch ?? 0
        var intervalLoss = resumed?.intervalLoss ?? 0, intervalSteps = resumed?.intervalSteps ?? 0
        let stoppedBefore = resumed?.stoppedEarly == true
        var checkpointTime = Duration.zero

        try train.pixels.withUnsafeBufferPointer { pixelBuffer in
            try train.labels.withUnsafeBufferPointer { labelBuffer in
                let pixels = pixelBuffer.baseAddress!, labels = labelBuffer.baseAddress!
                epochs: while epoch < plannedEpochs, !stoppedBefore {
                    epoch += 1
                    let epochStart = ContinuousClock.now
                    if config.shuffle { permutation.shuffle(using: &shuffleGenerator) }
                    var lossSum = 0.0, correct = 0, seen = 0
                    var lr = 0.0
                    let stepsThisEpoch = Swift.min(stepsPerEpoch, totalSteps - step)
                    for batchIndex in 0..<stepsThisEpoch {
                        if shouldStop() {
                            stop = .interrupted(step: step)
                            break epochs
                        }
                        let lower = batchIndex * trainSpace.capacity
                        let upper = Swift.min(lower + trainSpace.capacity, permutation.count)
                        permutation.withUnsafeBufferPointer { order in
                            loader.load(
                                order[lower..<upper], from: pixels, labels: labels, into: trainSpace.input,
                                labels: trainSpace.labels)
                        }
                        let rows = upper - lower
                        let outcome = model.forward(
                            trainSpace, training: true, generator: &dropoutGenerator,
                            output: .gradient(scale: Float(rows)), labels: true)
                        let loss = outcome.lossSum / Double(rows) + model.weightPenalty(weightDecay)
                        step += 1
                        guard loss.isFinite else {
                            stop = .diverged(step: step, loss: loss)
                            break epochs
                        }
                        lr = config.schedule.rate(
                            base: config.learningRate, epoch: epoch, step: step - 1, totalSteps: totalSteps)
                        if let scale = optimizer.directUpdateScale(learningRate: Float(lr)) {
                            model.backward(trainSpace, directUpdate: (scale, weightDecay))
                        } else {
                            model.backward(trainSpace, directUpdate: nil)
                            model.addWeightDecayGradient(weightDecay)
                            optimizer.step(model.parameters, learningRate: Float(lr))
                        }
                        lossSum += loss * Double(rows)
                        correct += outcome.correct
                        seen += rows
                        intervalLoss += loss
                        intervalSteps += 1
                        if step % stepInterval == 0 {
                            try sink.receive(
                                .step(
                                    StepRecord(
                                        epoch: epoch, step: step, loss: intervalLoss / Double(intervalSteps), lr: lr)))
                            intervalLoss = 0
                            intervalSteps = 0
                        }
                    }
                    let stepSeconds = (ContinuousClock.now - epochStart).seconds
                    trainSeconds += stepSeconds
                    samplesTrained += seen

                    var valLoss: Double? = nil, valAccuracy: Double? = nil
                    if !splits.validation.isEmpty {
                        let figures = Evaluator(model: model, workspace: evalSpace, loader: loader)
                            .evaluate(images: pixels, labels: labels, range: splits.validation)
                        valLoss = figures.loss
                        valAccuracy = figures.accuracy
                    }
                    try sink.receive(
                        .epoch(
                            EpochRecord(
                                epoch: epoch, loss: lossSum / Double(Swift.max(seen, 1)),
                                accuracy: Double(correct) / Double(Swift.max(seen, 1)), valLoss: valLoss,
                                valAccuracy: valAccuracy, lr: lr, seconds: (ContinuousClock.now - epochStart).seconds)))

                    // Early-stopping bookkeeping: a NaN validation loss never counts as better.
                    if let valLoss {
                        if valLoss < bestLoss {
                            bestLoss = valLoss
                            bestAccuracy = valAccuracy
                            bestEpoch = epoch
                            epochsSinceBest = 0
                            best?.copyParameters(from: model)
                        } else {
                            epochsSinceBest += 1
                        }
                    } else {
                        bestEpoch = epoch
                    }
                    let stopsEarly = config.patience.map { epochsSinceBest >= $0 && epoch < plannedEpochs } ?? false
                    if let onCheckpoint {
                        let checkpointStart = ContinuousClock.now
                        defer { checkpointTime += ContinuousClock.now - checkpointStart }
                        try onCheckpoint(
                            captureCheckpoint(
                                TrainingProgress(
                                    epoch: epoch, step: step, plannedEpochs: plannedEpochs,
                                    stepsPerEpoch: stepsPerEpoch, totalSteps: totalSteps, learningRate: lr,
                                    trainSeconds: trainSeconds, samplesTrained: samplesTrained, bestEpoch: bestEpoch,
                                    bestLoss: bestLoss, bestAccuracy: bestAccuracy, epochsSinceBest: epochsSinceBest,
                                    stoppedEarly: stopsEarly, intervalLoss: intervalLoss, intervalSteps: intervalSteps,
                                    shuffleState: shuffleGenerator.state, dropoutState: dropoutGenerator.state,
                                    optimizerSteps: (optimizer as? any CheckpointableOptimizer)?.stepCounter ?? 0)))
                    }
                    if stopsEarly {
                        stop = .earlyStopped
                        break epochs
                    }
                }
            }
        }

        // Keras's EarlyStopping(restore_best_weights=True): the model ends with the best epoch's weights.
        var restored = false
        if config.patience != nil, let best, bestEpoch > 0, bestEpoch != epoch {
            model.copyParameters(from: best)
            restored = true
        }

        let testFigures = try evaluateTest()
        try sink.receive(.test(TestRecord(loss: testFigures.loss, accuracy: testFigures.accuracy)))

        let status: RunStatus
        var endStep: Int? = step
        var message: String?
        var divergedAt: Int?
        switch stop {
        case .none:
            status = .completed
        case .earlyStopped:
            status = .earlyStopped
            message =
                "no lower validation loss for \(config.patience ?? 0) epochs; restored the weights of epoch \(bestEpoch)"
        case .interrupted(let s):
            status = .interrupted
            endStep = s
            message =
                s == 0 ? "stopped on request before the first training step" : "stopped on request after step \(s)"
        case .diverged(let s, let loss):
            status = .diverged
            endStep = s
            divergedAt = s
            message = "loss became \(loss.isNaN ? "NaN" : "infinite") at step \(s); " + divergenceAdvice(step: s)
        }
        try sink.receive(
            .end(
                RunEnd(
                    status: status, step: endStep, epoch: epoch, message: message, time: Date().timeIntervalSince1970)))

        // The epoch a stop broke off logged no `epoch` event and does not count: a run stopped
        // while its data was loading ran 0 epochs, not 1.
        let completedEpochs: Int
        switch stop {
        case .interrupted, .diverged: completedEpochs = epoch - 1
        case .none, .earlyStopped: completedEpochs = epoch
        }
        return TrainingResult(
            status: status, model: model.trained(inputTransform: transform),
            testProbabilities: testFigures.probabilities,
            testLoss: testFigures.loss, testAccuracy: testFigures.accuracy, bestEpoch: bestEpoch,
            validationLoss: bestLoss.isFinite ? bestLoss : nil, validationAccuracy: bestAccuracy,
            restoredBestWeights: restored, epochsRun: completedEpochs, stepsRun: step, trainSeconds: trainSeconds,
            wallSeconds: (ContinuousClock.now - started).seconds, checkpointSeconds: checkpointTime.seconds,
            samplesPerSecond: trainSeconds > 0 ? Double(samplesTrained) / trainSeconds : 0, divergedAtStep: divergedAt,
            statusMessage: message,
            trainCount: splits.train.count, validationCount: splits.validation.count, testCount: test.count)
    }

    /// What to change after the loss stopped being finite at `step`.
    ///
    /// At step 1 the loss comes from the initial weights alone, before any update: the
    /// learning rate cannot be the cause, the initialisation (or the inputs) is. Later, a
    /// Gaussian initialisation far wider than He's (√(2/n_in)) shares the blame.
    func divergenceAdvice(step: Int) -> String {
        let initializer = config.initializer.name
        if step == 1 {
            return "that is before any update, so the learning rate is not the cause: the initial weights "
                + "(--init \(initializer)) or the inputs (--input-transform \(config.inputTransform.rawValue)) make "
                + "the loss overflow; try --init he"
        }
        if case .gaussian(let std) = config.initializer, std > 10 * (2 / Double(max(train.imageSize, 1))).squareRoot()
        {
            return "try a lower --lr, or a narrower --init than \(initializer) (he draws with std √(2/n_in))"
        }
        return "try a lower --lr"
    }

    private func evaluateTest() throws -> (loss: Double, accuracy: Double, probabilities: [Float]) {
        guard test.count > 0 else { return (.nan, .nan, []) }
        var probabilities = [Float](repeating: 0, count: test.count * classCount)
        let evaluator = Evaluator(model: model, workspace: evalSpace, loader: loader)
        let figures = test.pixels.withUnsafeBufferPointer { p in
            test.labels.withUnsafeBufferPointer { l in
                probabilities.withUnsafeMutableBufferPointer { out in
                    evaluator.evaluate(
                        images: p.baseAddress!, labels: l.baseAddress!, range: 0..<test.count,
                        probabilities: out.baseAddress!)
                }
            }
        }
        return (figures.loss, figures.accuracy, probabilities)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
