import Datasets
import Engine
import Foundation
import LinearAlgebra
import Metrics
import Report
import Testing
import TestSupport

@testable import NNReportKit
@testable import nnreport

/// The committed `reports/example` is what the code writes for its command, and the README
/// quotes it.
///
/// The full check (20 epochs, every file compared) is `scripts/check-example.sh`; these tests
/// are its fast part: the configuration the command resolves to, the learning rate of every
/// logged step, the first steps trained again, and the README's figures.
@Suite struct ExampleReportTests {
    static let folder = TestData.packageRoot.appendingPathComponent("reports/example")
    /// Steps trained again: the first ten `step` events of the example (one every 8 steps).
    static let retrainedSteps = 80

    static func summary() throws -> JSONValue {
        try JSONParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent("summary.json"))))
    }

    /// The lines of the example's metrics.jsonl.
    static func metricLines() throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent("metrics.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    /// The configuration `nnreport mnist` resolves the example's command to, as summary.json's `command` gives it.
    static func configuration() throws -> TrainingConfiguration {
        let command = try #require(try summary()["command"]?.stringValue)
        let words = command.split(separator: " ").map(String.init)
        #expect(Array(words.prefix(2)) == ["nnreport", "mnist"], "\(command)")
        return try TrainPipeline.resolve(MnistCommand.parse(Array(words.dropFirst(2))).makeRequest()).configuration
    }

    @Test func theExampleIsTheDefaultCommandsConfiguration() throws {
        let summary = try Self.summary()
        #expect(summary["command"]?.stringValue == "nnreport mnist --out reports/example --quiet")
        let configuration = try Self.configuration()
        #expect(summary["config"] == configuration.json)
        let run = try JSONParser.parse(try #require(try Self.metricLines().first))
        #expect(run["event"]?.stringValue == "run")
        #expect(run["config"] == configuration.json)
    }

    /// Every logged learning rate, through all 20 epochs, is the schedule's rate for its step.
    @Test func everyLoggedLearningRateIsTheSchedules() throws {
        let configuration = try Self.configuration()
        let summary = try Self.summary()
        let totalSteps = try #require(summary["steps_run"]?.intValue)
        var checked = 0
        for line in try Self.metricLines() {
            let event = try JSONParser.parse(line)
            guard event["event"]?.stringValue == "step", let step = event["step"]?.intValue,
                let epoch = event["epoch"]?.intValue
            else { continue }
            let rate = configuration.schedule.rate(
                base: configuration.learningRate, epoch: epoch, step: step - 1, totalSteps: totalSteps)
            #expect(event["lr"]?.doubleValue == rate, "step \(step)")
            checked += 1
        }
        #expect(checked == totalSteps / 8)
    }

    /// The first steps trained again from the command's configuration give the example's
    /// losses to the last bit where the example's BLAS (library and kernel) is this machine's.
    ///
    /// Another kernel sums in another order, and such differences grow from ~1e-7 at the first
    /// logged step to ~1e-3 by the fourth (1 and 2 threads measured); there only the first
    /// logged loss is compared, within 1e-5, which a change of seeds, initialisation, data order,
    /// dropout or optimiser still exceeds by far.
    @Test func theFirstStepsTrainedAgainGiveTheExamplesLosses() throws {
        let dataset = try DataSettings(directory: TestData.mnistDirectory).load("mnist", note: { _ in })
        let configuration = try Self.configuration()
        let counter = StepCounter(limit: Self.retrainedSteps)
        let recorder = MetricRecorder()
        let test = LabeledImages(
            count: 100, rows: 28, columns: 28, pixels: Array(dataset.test.pixels.prefix(100 * 784)),
            labels: Array(dataset.test.labels.prefix(100)))
        _ = try Trainer(
            configuration: configuration, train: dataset.train, test: test, sink: recorder,
            shouldStop: { counter.next() }
        ).run()

        let committed = try Self.metricLines().map { try JSONParser.parse($0) }
            .filter { $0["event"]?.stringValue == "step" }.prefix(Self.retrainedSteps / 8)
        let fresh = recorder.steps
        #expect(fresh.count == committed.count)
        let sameBLAS = try Self.summary()["environment"]?["blas"]?.stringValue == BLAS.configuration
        for (record, event) in zip(fresh, committed).prefix(sameBLAS ? committed.count : 1) {
            #expect(record.step == event["step"]?.intValue)
            let loss = try #require(event["loss"]?.doubleValue)
            if sameBLAS {
                #expect(record.loss == loss, "step \(record.step): \(record.loss), the example has \(loss)")
            } else {
                #expect(isClose(record.loss, loss, relative: 1e-5), "step \(record.step): \(record.loss) vs \(loss)")
            }
        }
    }

    /// The `default` MNIST row of the README's presets table quotes the example's test accuracy,
    /// its interval and its training time.
    @Test func theReadmeQuotesTheExample() throws {
        let summary = try Self.summary()
        let readme = try String(contentsOf: TestData.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let accuracy = ReportNumberFormat.percent(try #require(summary["test_accuracy"]?.doubleValue))
        let interval = try #require(summary["test_accuracy_ci95"]?.arrayValue).compactMap(\.doubleValue)
        let (low, high) = (ReportNumberFormat.percent(interval[0]), ReportNumberFormat.percent(interval[1]))
        let quoted = "**\(accuracy)** (95% CI \(low)–\(high))"
        let time = ReportNumberFormat.duration(try #require(summary["train_seconds"]?.doubleValue))
        #expect(readme.contains("| \(quoted), \(time) of training |"), "the README should quote \(quoted), \(time)")
    }
}

/// Lets `limit` training steps run, then asks the trainer to stop.
private final class StepCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Whether the trainer should stop before its next step.
    func next() -> Bool {
        lock.withLock {
            count += 1
            return count > limit
        }
    }
}
