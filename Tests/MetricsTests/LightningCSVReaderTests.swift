import Foundation
import Testing

@testable import Metrics

@Suite struct LightningCSVReaderTests {
    @Test func readsARealLightningRunFolder() throws {
        let log = try Fixtures.read("lightning/lightning_logs/version_0")
        #expect(log.format == .lightningCSV)
        #expect(log.runName == "lightning_logs/version_0")
        #expect(log.source.lastPathComponent == "version_0")

        let stepLoss = try #require(log.series(named: "loss", cadence: .step))
        #expect(stepLoss.originalName == "train_loss_step")
        #expect(stepLoss.points.map(\.step) == [2, 5, 8, 11, 14, 17, 20, 23, 26, 29])
        #expect(stepLoss.points.map(\.epoch) == [1, 1, 2, 2, 2, 3, 3, 3, 4, 4])

        let epochLoss = try #require(log.series(named: "loss", cadence: .epoch))
        #expect(epochLoss.originalName == "train_loss_epoch")
        #expect(epochLoss.points.map(\.epoch) == [1, 2, 3, 4])
        #expect(epochLoss.points.first?.value == 0.751654326915741)

        // Unsuffixed validation metrics logged once per epoch are per-epoch series.
        #expect(log.series(named: "val_loss")?.cadence == .epoch)
        #expect(log.values("val_accuracy") == [0.4375, 0.5625, 0.5, 0.5625])
        #expect(log.series(named: "accuracy")?.originalName == "train_acc")
        // LearningRateMonitor rows have a step but no epoch.
        #expect(log.series(named: "lr")?.originalName == "lr-Adam")
        #expect(log.values("lr") == [0.01, 0.01, 0.005, 0.005])
        #expect(log.warnings.isEmpty)
    }

    @Test func hparamsYamlBecomesHyperparameters() throws {
        let log = try Fixtures.read("lightning/lightning_logs/version_0/metrics.csv")
        #expect(log.hyperparameter("hidden") == [16, 8])
        #expect(log.hyperparameter("lr") == 0.01)
        #expect(log.hyperparameter("optimizer.betas") == [0.9, 0.999])
        #expect(log.hyperparameter("optimizer.schedule.gamma") == 0.5)
        #expect(log.hyperparameter("run_name") == "tiny: 'quoted' run")
    }

    @Test func aLightningRootFolderGivesEveryVersion() throws {
        let root = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let csv = try Data(contentsOf: Fixtures.url("lightning/lightning_logs/version_0/metrics.csv"))
        for version in ["version_0", "version_1"] {
            let folder = root.appendingPathComponent("lightning_logs/\(version)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try csv.write(to: folder.appendingPathComponent("metrics.csv"))
        }
        let logs = try LogReader.read(root).logs
        #expect(logs.map(\.runName) == ["lightning_logs/version_0", "lightning_logs/version_1"])
    }

    @Test func sparseRowsOfAFabricLoggerWithoutEpochs() throws {
        let url = try Fixtures.temporaryFile(
            "metrics.csv", "loss_step,step,val_loss\n0.9,0,\n0.8,1,\n,1,0.85\n0.7,2,\n")
        let log = try LogReader.read(url, format: .lightningCSV).logs[0]
        #expect(log.values("loss") == [0.9, 0.8, 0.7])
        #expect(log.steps("val_loss") == [1])
        #expect(log.series(named: "val_loss")?.cadence == .step, "no epoch column: per-step")
    }

    @Test func aBrokenHparamsFileIsAWarningNotAnError() throws {
        let folder = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Fixtures.temporaryFile("metrics.csv", "epoch,step,val_loss\n0,9,0.5\n", in: folder)
        _ = try Fixtures.temporaryFile("hparams.yaml", "a: 1\n  b: 2\n", in: folder)
        let log = try LogReader.read(folder).logs[0]
        #expect(log.values("val_loss") == [0.5])
        #expect(log.warnings == ["hparams.yaml ignored: line 2: mapping values are not allowed in this context"])
    }

    @Test func aNonIntegerStepNamesTheLine() {
        let text = "epoch,step,loss\n0,1,0.5\n0,x,0.4\n"
        #expect(
            throws: MetricLogError.malformed(
                path: "/tmp/m.csv", location: .line(3, column: 2), expected: "an integer step", found: "\"x\"")
        ) {
            try LogReader.parse(Array(text.utf8), format: .lightningCSV, source: URL(fileURLWithPath: "/tmp/m.csv"))
        }
    }
}
