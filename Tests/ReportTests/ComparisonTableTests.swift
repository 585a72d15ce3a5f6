import Foundation
import Metrics
import Testing

@testable import Report

/// The comparison table: best and last value per metric and run, where the best was logged,
/// the best run, and only the hyperparameters that differ.
@Suite struct ComparisonTableTests {
    static func series(_ name: String, _ cadence: MetricCadence, _ values: [Double], firstStep: Int = 1)
        -> MetricSeries
    {
        let points = values.enumerated().map { i, value in
            cadence == .epoch
                ? MetricPoint(epoch: Double(i + 1), value: value)
                : MetricPoint(step: firstStep + i * 10, epoch: Double(i / 5 + 1), value: value)
        }
        return MetricSeries(name: MetricName(parsing: name), originalName: name, cadence: cadence, points: points)
    }

    static func run(
        _ name: String, _ series: [MetricSeries], hyperparameters: [(String, JSONValue)] = [],
        test: [NamedValue] = []
    ) -> LoggedRun {
        let log = MetricLog(
            source: URL(fileURLWithPath: "/runs/\(name)"), format: .nnreport, runName: name,
            hyperparameters: hyperparameters.map { Hyperparameter(name: $0.0, value: $0.1) }, series: series,
            testResults: test)
        return LoggedRun(name: name, log: log, location: "runs/\(name)")
    }

    @Test func onlyHyperparametersThatDifferAreListedAndMissingCountsAsDifferent() {
        let table = ComparisonTable(runs: [
            Self.run("a", [], hyperparameters: [("lr", 0.1), ("batch_size", 32), ("seed", 1), ("hidden", [32, 16])]),
            Self.run("b", [], hyperparameters: [("lr", 0.01), ("batch_size", 32), ("seed", 1), ("hidden", [32, 16])]),
            Self.run("c", [], hyperparameters: [("lr", 0.1), ("batch_size", 32), ("hidden", [64])]),
        ])
        #expect(table.differingHyperparameters.map(\.name) == ["lr", "seed", "hidden"])
        #expect(table.differingHyperparameters[0].values == [0.1, 0.01, 0.1])
        #expect(table.differingHyperparameters[1].values == [1, 1, nil])
        #expect(table.differingHyperparameters[2].values == [[32, 16], [32, 16], [64]])
        #expect(table.sharedHyperparameters == [Hyperparameter(name: "batch_size", value: 32)])
        #expect(ComparisonTable.text(table.differingHyperparameters[1].values[2]) == "–")
        #expect(ComparisonTable.text(table.differingHyperparameters[2].values[0]) == "[32,16]")
    }

    @Test func identicalRunsHaveNoDifferingHyperparameters() {
        let settings: [(String, JSONValue)] = [("lr", 0.001), ("optimizer", "adam")]
        let table = ComparisonTable(runs: [
            Self.run("a", [], hyperparameters: settings), Self.run("b", [], hyperparameters: settings),
        ])
        #expect(table.differingHyperparameters.isEmpty)
        #expect(table.sharedHyperparameters.map(\.name) == ["lr", "optimizer"])
    }

    @Test func bestAndLastSkipGapsAndFollowTheGoal() throws {
        let table = ComparisonTable(runs: [
            Self.run(
                "a",
                [
                    Self.series("val_loss", .epoch, [0.5, 0.3, .nan, 0.4]),
                    Self.series("val_accuracy", .epoch, [0.8, 0.9, 0.9, .infinity]),
                ])
        ])
        let loss = try #require(table.rows.first { $0.metric == "val_loss" }?.cells[0])
        #expect(loss.best?.value == 0.3)
        #expect(loss.bestAt == "epoch 2")
        #expect(loss.last?.value == 0.4)
        #expect(loss.lastAt == "epoch 4")
        #expect(loss.gaps == 1)
        #expect(loss.count == 3)
        let accuracy = try #require(table.rows.first { $0.metric == "val_accuracy" }?.cells[0])
        // The first of equal best values; the infinite last value is a gap, not the last value.
        #expect(accuracy.bestAt == "epoch 2")
        #expect(accuracy.last?.epoch == 3)
        #expect(accuracy.gaps == 1)
    }

    @Test func theEpochOrStepOfTheBestIsWhereItWasLogged() throws {
        let table = ComparisonTable(runs: [
            Self.run("a", [Self.series("loss", .step, [2.0, 1.0, 1.5, 1.2])])
        ])
        let row = try #require(table.rows.first)
        #expect(row.label == "loss (per step)")
        #expect(row.cells[0]?.bestAt == "step 11")
        #expect(row.cells[0]?.lastAt == "step 31")
    }

    @Test func theBestRunIsMarkedPerMetricByItsGoal() throws {
        let table = ComparisonTable(runs: [
            Self.run("a", [Self.series("val_loss", .epoch, [0.9, 0.4]), Self.series("val_acc", .epoch, [0.7, 0.8])]),
            Self.run("b", [Self.series("val_loss", .epoch, [0.8, 0.3, 0.5]), Self.series("val_acc", .epoch, [0.85])]),
            Self.run("c", [Self.series("val_loss", .epoch, [0.3, 0.6])]),
        ])
        let loss = try #require(table.rows.first { $0.metric == "val_loss" })
        // b and c both reach 0.3: the first run with the best value wins.
        #expect(loss.bestRun == 1)
        #expect(loss.cells.map { $0?.best?.epoch } == [2, 2, 1])
        let accuracy = try #require(table.rows.first { $0.metric == "val_accuracy" })
        #expect(accuracy.bestRun == 1)
        #expect(accuracy.cells[2] == nil)
        #expect(accuracy.isFraction)
        #expect(accuracy.text(0.85) == "85.00%")
    }

    @Test func aMetricOfOneRunWithoutAGoalOrTiedHasNoBestRun() throws {
        let table = ComparisonTable(runs: [
            Self.run("a", [Self.series("lr", .epoch, [0.1, 0.01]), Self.series("val_loss", .epoch, [1])]),
            Self.run("b", [Self.series("lr", .epoch, [0.1, 0.05])]),
        ])
        let lr = try #require(table.rows.first { $0.metric == "lr" })
        #expect(lr.goal == .none)
        #expect(lr.cells[0]?.best == nil)
        #expect(lr.cells[0]?.last?.value == 0.01)
        #expect(lr.bestRun == nil)
        #expect(table.rows.first { $0.metric == "val_loss" }?.bestRun == nil)
        let tied = ComparisonTable(runs: [
            Self.run("a", [Self.series("val_loss", .epoch, [0.5, 0.2])]),
            Self.run("b", [Self.series("val_loss", .epoch, [0.2, 0.3])]),
        ])
        #expect(tied.rows[0].bestRun == nil)
    }

    @Test func rowsFollowChartOrderWithTestFiguresLastInTheirQuantity() {
        let table = ComparisonTable(runs: [
            Self.run(
                "a",
                [
                    Self.series("lr", .step, [0.1]), Self.series("val_accuracy", .epoch, [0.5]),
                    Self.series("loss", .step, [1]), Self.series("accuracy", .epoch, [0.4]),
                    Self.series("val_loss", .epoch, [1]), Self.series("loss", .epoch, [1]),
                ], test: [NamedValue(name: "accuracy", value: 0.9), NamedValue(name: "loss", value: 0.3)])
        ])
        #expect(
            table.rows.map(\.label) == [
                "loss", "loss (per step)", "val_loss", "test_loss", "accuracy", "val_accuracy", "test_accuracy",
                "lr (per step)",
            ])
        let test = table.rows.first { $0.metric == "test_accuracy" }?.cells[0]
        #expect(test?.cadence == nil)
        #expect(test?.best?.value == 0.9)
        #expect(test?.bestAt == nil)
    }

    @Test func twoSeriesOfOneNameInARunGetTwoRows() {
        let table = ComparisonTable(runs: [
            Self.run("a", [Self.series("lr-Adam", .step, [0.1]), Self.series("lr-SGD", .step, [0.2])]),
            Self.run("b", [Self.series("lr-Adam", .step, [0.3])]),
        ])
        #expect(table.rows.map(\.label) == ["lr (per step)", "lr-SGD (per step)"])
        #expect(table.rows[0].cells.map { $0?.last?.value } == [0.1, 0.3])
        #expect(table.rows[1].cells.map { $0?.last?.value } == [0.2, nil])
    }

    @Test func accuraciesLoggedAsPercentagesStayNumbers() throws {
        let table = ComparisonTable(runs: [Self.run("a", [Self.series("val_acc", .epoch, [55, 97.5])])])
        let row = try #require(table.rows.first)
        #expect(!row.isFraction)
        #expect(row.text(row.cells[0]?.best?.value) == "97.50")
    }

    @Test func theJSONCarriesEveryRunsBestAndLastWithTheirPositions() throws {
        let runs = [
            Self.run("a", [Self.series("val_loss", .epoch, [0.5, 0.2, 0.3])], hyperparameters: [("lr", 0.1)]),
            Self.run("b", [Self.series("val_loss", .epoch, [0.4])], hyperparameters: [("lr", 0.2)]),
        ]
        let json = JSONValue.object(ComparisonTable.json(runs: runs))
        let metric = try #require(json["metrics"]?.arrayValue?.first)
        #expect(metric["metric"] == "val_loss")
        #expect(metric["best_run"] == "a")
        #expect(metric["runs"]?["a"]?["best"] == 0.2)
        #expect(metric["runs"]?["a"]?["best_epoch"] == 2)
        #expect(metric["runs"]?["a"]?["last"] == 0.3)
        #expect(metric["runs"]?["a"]?["last_step"] == .null)
        #expect(json["differing_hyperparameters"] == ["lr"])
        #expect(json["runs"]?.arrayValue?.map { $0["name"] } == ["a", "b"])
    }
}
