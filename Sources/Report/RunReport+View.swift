import Metrics

extension RunReport {
    /// The view of `templates/report.md.mustache` (documented in templates/README.md).
    public func view(figures: [FigureLink], files: [ReportFileEntry]) -> RunReportView {
        typealias F = ReportNumberFormat
        let stats = statistics
        let classNames = dataset.classNames

        var headline: [NameValueView] = []
        if let test {
            var value = "**\(F.percent(test.accuracy))**"
            if let stats {
                let ci = stats.accuracyInterval95
                value +=
                    " (95% CI \(F.percent(ci.lowerBound))–\(F.percent(ci.upperBound)), n = \(F.grouped(stats.sampleCount)))"
            }
            headline.append(NameValueView("Test accuracy", value))
            headline.append(NameValueView("Test loss", F.significant(test.loss)))
        } else {
            headline.append(NameValueView("Test accuracy", "not measured (\(status.rawValue))"))
        }
        let epochsText = "\(epochs.count) of \(plannedEpochs)" + (status == .completed ? "" : " (\(statusWords))")
        headline.append(NameValueView("Epochs", epochsText))
        if let bestEpoch, let best = epochs.first(where: { $0.epoch == bestEpoch }) {
            headline.append(
                NameValueView(
                    "Best epoch",
                    "\(bestEpoch) (validation loss \(F.significant(best.valLoss)), accuracy \(F.percent(best.valAccuracy)))"))
        }
        headline.append(NameValueView("Training time", F.duration(trainSeconds)))
        headline.append(NameValueView("Throughput", "\(F.grouped(samplesPerSecond)) samples/s"))

        let epochRows = epochs.map { e in
            RunReportView.EpochRow(
                epoch: e.epoch, isBest: e.epoch == bestEpoch, loss: F.significant(e.loss),
                accuracy: F.percent(e.accuracy), valLoss: F.significant(e.valLoss), valAccuracy: F.percent(e.valAccuracy),
                lr: e.lr.map { F.significant($0, digits: 3) } ?? "–", seconds: F.duration(e.seconds))
        }
        let perClass = (stats?.perClass ?? []).map { row in
            RunReportView.ClassRow(
                name: classNames[row.classIndex], accuracy: F.percent(row.accuracy), correct: F.grouped(row.correct),
                total: F.grouped(row.total), precision: F.percent(row.precision),
                confusedWith: row.mostConfusedWith.map { "\(classNames[$0]) (\(row.mostConfusedCount))" } ?? "–")
        }
        return RunReportView(
            title: title, subtitle: subtitle,
            statusBanner: status == .completed
                ? nil : RunReportView.Banner(headline: "Run \(statusWords).", text: statusMessage ?? ""),
            status: status.rawValue, headline: headline, figures: RunReportView.Figures(figures),
            preset: preset.map { preset in
                RunReportView.Preset(
                    name: preset.name, origin: preset.origin,
                    rows: preset.comparisons.map { .init(name: $0.name, published: $0.published, measured: $0.measured) })
            },
            notes: notes.map { NoteView(title: $0.title, text: $0.text) }, trainingSentence: trainingSentence,
            epochs: epochRows, hasBest: bestEpoch != nil, restoredBest: restoredBestWeights,
            testSentence: testSentence(stats), perClass: perClass,
            hyperparameters: hyperparameters.map { NameValueView($0.name, $0.value) }, architecture: architecture,
            inputTransform: inputTransform, files: FileView.list(files),
            environment: environment.map { NameValueView($0.name, $0.value) }, command: command, version: version)
    }

    /// "completed", "stopped early", "diverged", "interrupted".
    public var statusWords: String {
        switch status {
        case .completed: return "completed"
        case .earlyStopped: return "stopped early"
        case .diverged: return "diverged"
        case .interrupted: return "interrupted"
        }
    }

    /// "784 → 256 (relu) → 10 (softmax)".
    public var architecture: String {
        guard let first = layers.first else { return "no layers" }
        return ([String(first.inputs)] + layers.map { "\($0.outputs) (\($0.activation))" }).joined(separator: " → ")
    }

    var subtitle: String {
        let presetText = preset.map { "preset `\($0.name)`, " } ?? ""
        let validation =
            dataset.validationCount > 0
            ? "validated on \(ReportNumberFormat.grouped(dataset.validationCount)) held out of the training file"
            : "no validation split"
        return "\(dataset.displayName), \(presetText)\(architecture). "
            + "Trained on \(ReportNumberFormat.grouped(dataset.trainCount)) images, \(validation), "
            + "tested on \(ReportNumberFormat.grouped(dataset.testCount))."
    }

    var trainingSentence: String {
        typealias F = ReportNumberFormat
        let stepCount = steps.last?.step
        var text = "\(epochs.count) epoch\(epochs.count == 1 ? "" : "s")"
        if let stepCount { text += " (\(F.grouped(stepCount)) steps)" }
        text += " in \(F.duration(trainSeconds)), \(F.grouped(samplesPerSecond)) samples/s."
        if let last = epochs.last {
            text += " Final training loss \(F.significant(last.loss)), training accuracy \(F.percent(last.accuracy))"
            if let v = last.valAccuracy { text += ", validation accuracy \(F.percent(v))" }
            text += "."
        }
        if status != .completed, let statusMessage { text += " " + statusMessage }
        return text
    }

    func testSentence(_ stats: ClassificationStatistics?) -> String {
        typealias F = ReportNumberFormat
        guard let stats else { return "The test set was not evaluated (\(statusWords))." }
        let wrong = stats.sampleCount - stats.correctCount
        let worst = stats.perClass.min { ($0.accuracy ?? 1) < ($1.accuracy ?? 1) }
        var text = "\(F.grouped(stats.correctCount)) of \(F.grouped(stats.sampleCount)) test images classified correctly "
            + "(\(F.percent(stats.accuracy))); \(F.grouped(wrong)) mistakes."
        if let worst, let acc = worst.accuracy {
            text += " Hardest class: \(dataset.classNames[worst.classIndex]) (\(F.percent(acc)))."
        }
        return text
    }
}
