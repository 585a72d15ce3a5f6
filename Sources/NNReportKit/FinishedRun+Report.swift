import Datasets
import Engine
import Metrics
import Report

/// Turns a finished run into the plain data of a ``RunReport``.
extension FinishedRun {
    /// Training images drawn in samples.png.
    static let reportSampleCount = 32

    func report(title: String?) -> RunReport {
        let classCount = dataset.descriptor.classCount
        let tested = result.testCount > 0 && result.testProbabilities.count == result.testCount * classCount
        let model = result.model
        let layers = model.layers.enumerated().map { i, layer in
            LayerSummary(
                inputs: layer.inputs, outputs: layer.outputs,
                activation: i == model.layers.count - 1 ? "softmax" : model.activation.rawValue)
        }
        let samples = dataset.train.prefix(Self.reportSampleCount)
        let stepsPerEpoch = Trainer.stepsPerEpoch(for: configuration, count: dataset.train.count)
        return RunReport(
            title: title ?? "\(dataset.descriptor.displayName) · \(preset.name)",
            dataset: DatasetSummary(
                name: dataset.descriptor.name, displayName: dataset.descriptor.displayName,
                classNames: dataset.descriptor.classNames, trainCount: result.trainCount,
                validationCount: result.validationCount, testCount: result.testCount,
                source: dataset.source.path),
            preset: presetSummary(tested: tested),
            status: result.status, statusMessage: recorder.end?.message,
            epochs: recorder.epochs, steps: recorder.steps, test: tested ? recorder.test : nil,
            bestEpoch: result.validationCount > 0 && result.epochsRun > 0 ? result.bestEpoch : nil,
            restoredBestWeights: result.restoredBestWeights, plannedEpochs: configuration.epochs,
            stepsPerEpoch: stepsPerEpoch, trainSeconds: result.trainSeconds, samplesPerSecond: result.samplesPerSecond,
            hyperparameters: hyperparameters, layers: layers, inputTransform: inputTransformText,
            environment: environment.rows, command: command, version: NNReportVersion.string, notes: notes,
            firstLayerWeights: model.layers.first?.weights,
            samples: samples, testImages: tested ? dataset.test : nil,
            testProbabilities: tested ? result.testProbabilities : nil)
    }

    func presetSummary(tested: Bool) -> PresetSummary {
        var rows: [(name: String, published: String, measured: String)] = []
        let published = preset.published
        if let range = published.testAccuracy {
            let text =
                range.lowerBound == range.upperBound
                ? ReportNumberFormat.percent(range.lowerBound)
                : "\(ReportNumberFormat.percent(range.lowerBound)) – \(ReportNumberFormat.percent(range.upperBound))"
            rows.append(("Test accuracy", text, tested ? ReportNumberFormat.percent(result.testAccuracy) : "–"))
        } else if tested {
            rows.append(("Test accuracy", "–", ReportNumberFormat.percent(result.testAccuracy)))
        }
        if let v = published.validationAccuracy {
            rows.append(
                (
                    "Validation accuracy", ReportNumberFormat.percent(v),
                    ReportNumberFormat.percent(result.validationAccuracy)
                ))
        }
        if let loss = published.testLoss {
            rows.append(
                (
                    "Test loss", ReportNumberFormat.significant(loss),
                    tested ? ReportNumberFormat.significant(result.testLoss) : "–"
                ))
        }
        var origin = preset.origin + "."
        let hasFigures =
            published.testAccuracy != nil || published.validationAccuracy != nil || published.testLoss != nil
        origin += (hasFigures ? " Published: " : " Reference: ") + published.text + "."
        if !preset.notes.isEmpty { origin += "\n\n" + preset.notes }
        return PresetSummary(name: preset.name, origin: origin, comparisons: rows)
    }

    var notes: [ReportNote] {
        companions.map { companion in
            switch companion.kind {
            case .scaledInputs: return scaledInputsNote(companion)
            case .literalLearningRate(let rate): return literalLearningRateNote(companion, rate: rate)
            }
        }
    }

    func scaledInputsNote(_ companion: CompanionRun) -> ReportNote {
        var text =
            "The same network, seed and schedule trained with \(companion.label) reached "
            + "\(ReportNumberFormat.percent(companion.result.testAccuracy)) test accuracy, against \(ReportNumberFormat.percent(result.testAccuracy)) here"
        let perEpoch = companion.epochs.map { ReportNumberFormat.percent($0.accuracy) }.joined(separator: ", ")
        if !perEpoch.isEmpty { text += " (its training accuracy by epoch: \(perEpoch))" }
        text += "."
        if let mine = firstLayerSaturation,
            let theirs = companion.saturation
        {
            text +=
                " On the first 1,000 test images, \(ReportNumberFormat.percent(mine, decimals: 1)) of the first hidden layer's "
                + "sigmoid outputs are saturated (below 0.01 or above 0.99, where the gradient is under 4% of "
                + "its peak) with raw inputs, against \(ReportNumberFormat.percent(theirs, decimals: 1)) with scaled inputs: "
                + "raw pixel values up to 255 drive the weighted sums far into the flat tails of the sigmoid, "
                + "so those units barely learn."
        }
        return ReportNote(title: "Why raw inputs hold this network back", text: text)
    }

    func literalLearningRateNote(_ companion: CompanionRun, rate: Double) -> ReportNote {
        let text =
            "Trained again with \(companion.label) on the batch-mean loss, everything else equal, the same "
            + "network reached \(ReportNumberFormat.percent(companion.result.testAccuracy)) test accuracy "
            + "(validation \(ReportNumberFormat.percent(companion.result.validationAccuracy))), against "
            + "\(ReportNumberFormat.percent(result.testAccuracy)) with learning rate \(ReportNumberFormat.parameter(configuration.learningRate)) here. "
            + "A step of \(ReportNumberFormat.parameter(configuration.learningRate)) on the mean loss equals a step of "
            + "\(ReportNumberFormat.parameter(rate)) on a loss summed over the batch of \(configuration.batchSize), which is what "
            + "the write-up's un-averaged gradient amounts to."
        return ReportNote(title: "The write-up's learning rate", text: text)
    }

    var hyperparameters: [(name: String, value: String)] {
        let c = configuration
        var rows: [(String, String)] = [
            ("--preset", preset.name),
            ("--hidden", c.hidden.map(String.init).joined(separator: ",")),
            ("--activation", c.activation.rawValue),
            ("--optimizer", c.optimizer.rawValue),
            ("--lr", ReportNumberFormat.parameter(c.learningRate)),
        ]
        switch c.optimizer {
        case .momentum: rows.append(("--momentum", ReportNumberFormat.parameter(c.momentum)))
        case .adam:
            rows.append(("β1, β2, ε", "\(c.beta1), \(c.beta2), \(c.epsilon)"))
        case .sgd: break
        }
        switch c.schedule {
        case .constant: rows.append(("--lr-schedule", "constant"))
        case .step(let every, let factor): rows.append(("--lr-schedule", "step: ×\(factor) every \(every) epochs"))
        case .exponential(let factor): rows.append(("--lr-schedule", "exponential: ×\(factor) per epoch"))
        case .cosine(let minimum): rows.append(("--lr-schedule", "cosine to \(minimum)"))
        }
        rows += [
            ("--batch-size", String(c.batchSize)),
            ("--epochs", String(c.epochs)),
        ]
        if let m = c.maxIterations { rows.append(("--max-iterations", String(m))) }
        rows += [
            ("--dropout", ReportNumberFormat.parameter(c.dropout)),
            ("--weight-decay", ReportNumberFormat.parameter(c.weightDecay)),
            ("--init", c.initializer.name),
            ("--seed", String(c.seed)),
            ("--patience", c.patience.map(String.init) ?? "none"),
            ("--validation", String(c.validationCount)),
        ]
        if let t = c.trainLimit { rows.append(("--train-limit", String(t))) }
        rows += [
            ("--input-transform", c.inputTransform.rawValue),
            ("--shuffle", c.shuffle ? "yes" : "no (file order)"),
            ("--threads", String(c.threads)),
        ]
        return rows
    }

    var inputTransformText: String {
        switch configuration.inputTransform {
        case .raw: return "raw pixel values 0–255, unscaled"
        case .unit: return "pixels scaled to [0, 1]"
        case .meanImage: return "pixels scaled to [0, 1], mean training image subtracted"
        case .normalize:
            let t = result.inputTransform
            return "pixels scaled to [0, 1], then standardised with the training mean \(t.mean[0]) and std \(t.std[0])"
        case .standardize: return "pixels scaled to [0, 1], then each pixel standardised with its training mean and std"
        }
    }
}
