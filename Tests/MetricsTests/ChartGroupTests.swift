import Foundation
import Testing

@testable import Metrics

@Suite struct ChartGroupTests {
    @Test func nnreportRunPutsStepLossBehindEpochLines() throws {
        var builder = MetricLogBuilder()
        // 10 steps per epoch, logged every 5 steps; 1-based global steps as nnreport writes them.
        for step in stride(from: 5, through: 30, by: 5) {
            let epoch = Double((step - 1) / 10 + 1)
            builder.add("loss", cadence: .step, step: step, epoch: epoch, value: 1.0 / Double(step))
        }
        for epoch in 1...2 {
            builder.add("loss", cadence: .epoch, epoch: Double(epoch), value: 0.5 / Double(epoch))
            builder.add("val_loss", cadence: .epoch, epoch: Double(epoch), value: 0.6 / Double(epoch))
            builder.add("accuracy", cadence: .epoch, epoch: Double(epoch), value: 0.8)
        }
        let log = MetricLog(
            source: URL(fileURLWithPath: "/r"), format: .nnreport, runName: "r", series: builder.buildSeries())
        #expect(log.estimatedStepsPerEpoch() == 10)
        let groups = log.chartGroups()
        #expect(groups.map(\.quantity) == ["loss", "accuracy"])
        let loss = groups[0]
        #expect(loss.xAxis == .epoch)
        #expect(loss.xLabel == "epoch")
        #expect(loss.lines.map(\.split) == [.train, .validation, .train])
        #expect(loss.lines.map(\.isBackground) == [false, false, true])
        #expect(loss.lines[0].points.map(\.x) == [1, 2])
        // Step 5 is half-way through epoch 1; step 30 (in the unfinished epoch 3) ends it.
        #expect(loss.lines[2].points.map(\.x) == [0.5, 1, 1.5, 2, 2.5, 3])
    }

    @Test func stepOnlyLogsUseAStepAxis() throws {
        let log = try Fixtures.read("tensorboard/simple")
        let groups = log.chartGroups()
        #expect(groups.map(\.quantity) == ["loss", "accuracy"])
        #expect(groups.allSatisfy { $0.xAxis == .step && $0.xLabel == "step" })
        #expect(groups[0].lines.map(\.series.originalName) == ["Loss/train", "Loss/val"])
        #expect(groups[0].lines[0].points.last?.y.isNaN == true, "a gap stays in the line as NaN")
    }

    @Test func lightningStepLossLandsInsideItsEpochs() throws {
        let log = try Fixtures.read("lightning/lightning_logs/version_0")
        let loss = try #require(log.chartGroups().first)
        #expect(loss.lines.map(\.series.originalName) == ["train_loss_epoch", "val_loss", "train_loss_step"])
        let background = try #require(loss.lines.last)
        #expect(background.isBackground)
        for (point, source) in zip(background.points, background.series.points) {
            let epoch = try #require(source.epoch)
            #expect(point.x > epoch - 1 && point.x <= epoch)
        }
        // The per-step lr of LearningRateMonitor has no epochs: its chart counts steps.
        #expect(log.chartGroups().last?.quantity == "lr")
        #expect(log.chartGroups().last?.xAxis == .step)
    }

    @Test func bestAndLastFollowTheGoal() throws {
        let log = try Fixtures.read("keras/old_names.csv")
        #expect(log.series(named: "loss")?.best?.value == 0.2711)
        #expect(log.series(named: "val_accuracy")?.best?.epoch == 4)
        #expect(log.series(named: "val_loss")?.last?.epoch == 2, "the last finite value")
        #expect(log.series(named: "lr")?.best == nil)
    }
}

@Suite struct ComparisonTests {
    @Test func onlyDifferingHyperparametersAreListed() {
        func log(_ parameters: [(String, JSONValue)]) -> MetricLog {
            MetricLog(
                source: URL(fileURLWithPath: "/r"), format: .nnreport, runName: "r",
                hyperparameters: parameters.map { Hyperparameter(name: $0.0, value: $0.1) })
        }
        let runs = [
            log([("lr", 0.01), ("hidden", [256, 128]), ("seed", 1)]),
            log([("lr", 0.001), ("hidden", [256, 128]), ("seed", 1), ("dropout", 0.2)]),
            log([("lr", 0.01), ("hidden", [256, 128]), ("seed", 1)]),
        ]
        #expect(MetricLog.differingHyperparameters(runs) == ["lr", "dropout"])
        #expect(MetricLog.differingHyperparameters([runs[0]]) == [])
    }
}
