import Foundation
import Testing

@testable import Metrics

@Suite struct DVCLiveReaderTests {
    @Test func readsAProjectFolderWithNestedMetricNames() throws {
        let log = try Fixtures.read("dvclive/my-project")
        #expect(log.format == .dvclive)
        #expect(log.runName == "my-project")
        #expect(log.series.map(\.originalName) == ["eval/accuracy", "eval/loss", "train/accuracy", "train/loss"])
        #expect(log.values("loss") == [1.0, 0.85, 0.7, 0.55, 0.4])
        #expect(log.values("val_loss") == [1.1, 0.96, 0.82, 0.68, 0.54], "eval/ pairs with train/")
        #expect(log.steps("val_accuracy") == [0, 1, 2, 3, 4])
        #expect(log.hyperparameter("model.hidden") == [64, 32])
        #expect(log.hyperparameter("lr") == 0.003)
        #expect(log.summary?["eval"]?["accuracy"] == 0.83)
        let groups = log.chartGroups()
        #expect(groups.map(\.quantity) == ["loss", "accuracy"])
        #expect(groups[0].xAxis == .step)
        #expect(groups[0].lines.map(\.series.originalName) == ["train/loss", "eval/loss"])
    }

    @Test func theDVCLiveFolderItselfAndOneMetricFile() throws {
        #expect(try Fixtures.read("dvclive/my-project/dvclive").runName == "my-project")
        let single = try Fixtures.read("dvclive/my-project/dvclive/plots/metrics/train/loss.tsv")
        #expect(single.format == .dvclive)
        #expect(single.series.map(\.originalName) == ["train/loss"])
    }

    @Test func timestampColumnIsIgnored() throws {
        let url = try Fixtures.temporaryFile(
            "acc.tsv", "timestamp\tstep\tacc\n1700000000000\t0\t0.5\n1700000001000\t1\t0.6\n")
        let log = try LogReader.read(url).logs[0]
        #expect(log.format == .dvclive)
        #expect(log.values("accuracy") == [0.5, 0.6])
    }
}

@Suite struct TableReaderTests {
    @Test func aTSVWithAStepColumn() throws {
        let url = try Fixtures.temporaryFile(
            "run.tsv", "step\tloss\tval_loss\ttime\n10\t0.5\t\t1.5\n20\t0.4\t0.45\t3.1\n")
        let log = try LogReader.read(url).logs[0]
        #expect(log.format == .table)
        #expect(log.steps("loss") == [10, 20])
        #expect(log.steps("val_loss") == [20])
        #expect(log.values("time") == [1.5, 3.1], "unknown columns are kept")
    }

    @Test func xColumnByName() throws {
        let url = try Fixtures.temporaryFile("run.csv", "iteration_count,loss,acc\n100,0.5,0.8\n200,0.4,0.85\n")
        let log = try LogReader.read(url, x: "Iteration_Count").logs[0]
        #expect(log.xColumn == "iteration_count")
        #expect(log.steps("loss") == [100, 200])
        #expect(log.series(named: "iteration_count") == nil)
        #expect(log.chartGroups().first?.xLabel == "iteration_count")
    }

    @Test func epochX() throws {
        let url = try Fixtures.temporaryFile("run.csv", "epoch,loss\n1,0.5\n2,0.4\n")
        let log = try LogReader.read(url, format: .table, x: "epoch").logs[0]
        #expect(log.epochs("loss") == [1, 2], "a plain table's epochs are taken as written")
        #expect(log.chartGroups().first?.xAxis == .epoch)
    }

    @Test func withoutAnXColumnRowsAreNumbered() throws {
        let url = try Fixtures.temporaryFile("run.csv", "loss,acc\n0.5,0.8\n0.4,0.85\n")
        let log = try LogReader.read(url).logs[0]
        #expect(log.steps("loss") == [1, 2])
        #expect(log.warnings.isEmpty)
        #expect(log.notes == ["No step or epoch column: rows are numbered from 1."])
    }

    @Test func anUnknownXColumnListsTheColumns() throws {
        let url = try Fixtures.temporaryFile("run.csv", "step,loss\n1,0.5\n")
        #expect(throws: MetricLogError.badXColumn(path: url.path, name: "time", available: ["step", "loss"])) {
            try LogReader.read(url, x: "time").logs
        }
    }

    @Test func aFractionalXIsAnError() throws {
        let url = try Fixtures.temporaryFile("run.csv", "t,loss\n0.5,0.5\n")
        #expect(throws: MetricLogError.self) { try LogReader.read(url, x: "t").logs }
    }
}

@Suite struct PythonJSONTests {
    @Test func dvcliveSummaryWithNaNIsRead() throws {
        let folder = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Fixtures.temporaryFile("dvclive/plots/metrics/loss.tsv", "step\tloss\n0\t0.5\n1\t0.25\n", in: folder)
        _ = try Fixtures.temporaryFile(
            "dvclive/metrics.json", "{\"loss\": 0.25, \"best_val_loss\": NaN, \"step\": 1}", in: folder)
        let log = try LogReader.read(folder).logs[0]
        #expect(log.warnings.isEmpty, "Python's NaN is accepted in DVCLive's metrics.json")
        #expect(log.finalValues.first?.name == "best_val_loss" && log.finalValues.first?.value.isNaN == true)
    }

    @Test func nnreportSummaryWithNaNIsAWarning() throws {
        let folder = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Fixtures.temporaryFile("metrics.jsonl", "{\"event\":\"epoch\",\"epoch\":1,\"loss\":0.5}\n", in: folder)
        _ = try Fixtures.temporaryFile("summary.json", "{\"test_accuracy\": NaN}", in: folder)
        let log = try LogReader.read(folder).logs[0]
        #expect(log.warnings.contains { $0.hasPrefix("summary.json ignored:") }, "nnreport writes strict JSON")
    }
}
