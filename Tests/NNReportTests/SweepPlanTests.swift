import Engine
import Foundation
import Testing

@testable import NNReportKit
@testable import nnreport

/// Planning a sweep: `--vary` parsing, canonical trial order and names, shard slices, and
/// option checks before any work.
@Suite struct SweepPlanTests {
    @Test func varyValuesAreParsedAndSortedIntoCanonicalText() throws {
        let lr = try SweepAxis(parsing: "lr=0.03,1e-3,0.01,0.003")
        #expect(lr.option == "lr")
        #expect(lr.values.map(\.text) == ["0.001", "0.003", "0.01", "0.03"])
        #expect(lr.canonicalArgument == "lr=0.001,0.003,0.01,0.03")

        let hidden = try SweepAxis(parsing: "hidden=256-128,100")
        #expect(hidden.values == [.widths([100]), .widths([256, 128])])
        let piped = try SweepAxis(parsing: "hidden=256,128|100")
        #expect(piped == hidden, "'|' separates values, commas stay inside one")
        #expect(try SweepAxis(parsing: hidden.canonicalArgument) == hidden)

        #expect(try SweepAxis(parsing: "--activation=tanh,ReLU").values == [.name("relu"), .name("tanh")])
        #expect(try SweepAxis(parsing: "shuffle=yes,false").values == [.flag(false), .flag(true)])
        #expect(try SweepAxis(parsing: "batch-size=128,32").values.map(\.text) == ["32", "128"])
    }

    @Test(arguments: [
        ("lr", "no '='"),
        ("lr=", "no values"),
        ("lr=0.1,,0.2", "an empty value"),
        ("lr=0.1,fast", "'fast' is not a valid value"),
        ("lr=0.001,1e-3", "lists 0.001 twice"),
        ("hidden=1x2", "layer widths"),
        ("seed=1,2", "--seeds N or --seed-list"),
        ("learning-rate=0.1", "expected one of activation, batch-size"),
        ("epochs=2.5", "a whole number"),
    ])
    func badVaryArgumentsSayWhatWasExpected(argument: String, message: String) {
        #expect {
            _ = try SweepAxis(parsing: argument)
        } throws: { error in
            "\(error)".contains(message) && "\(error)".contains("--vary")
        }
    }

    @Test func trialsAndTheirNamesDoNotDependOnTheOrderOfArguments() throws {
        let a = try SweepPlan(
            dataset: "mnist",
            axes: [try SweepAxis(parsing: "lr=0.01,0.001"), try SweepAxis(parsing: "hidden=175,100")], seeds: [2, 1])
        let b = try SweepPlan(
            dataset: "mnist",
            axes: [try SweepAxis(parsing: "hidden=100,175"), try SweepAxis(parsing: "lr=0.001,0.01")], seeds: [1, 2])
        #expect(a == b)
        #expect(
            a.trials.map(\.key) == [
                "hidden=100,lr=0.001,seed=1", "hidden=100,lr=0.001,seed=2", "hidden=100,lr=0.01,seed=1",
                "hidden=100,lr=0.01,seed=2", "hidden=175,lr=0.001,seed=1", "hidden=175,lr=0.001,seed=2",
                "hidden=175,lr=0.01,seed=1", "hidden=175,lr=0.01,seed=2",
            ])
        #expect(a.settings[2].arguments == ["--hidden", "175", "--lr", "0.001"])
        let noAxes = try SweepPlan(dataset: "mnist", axes: [], seeds: [1, 2, 3])
        #expect(noAxes.trials.map(\.key) == ["seed=1", "seed=2", "seed=3"])
    }

    @Test func trialFolderNamesAvoidCharactersArtifactStoresRefuse() throws {
        let plan = try SweepPlan(dataset: "mnist", axes: [try SweepAxis(parsing: "init=gaussian:0.01,he")], seeds: [1])
        #expect(plan.trials.map(\.key) == ["init=gaussian:0.01,seed=1", "init=he,seed=1"])
        #expect(plan.trials.map(\.folderName) == ["init=gaussian_0.01,seed=1", "init=he,seed=1"])
    }

    @Test(arguments: 1...5)
    func shardsAreDisjointAndCoverEveryTrialOnce(count: Int) throws {
        let plan = try SweepPlan(
            dataset: "mnist", axes: [try SweepAxis(parsing: "lr=0.001,0.003,0.01,0.03")], seeds: [1, 2, 3])
        let slices = (0..<count).map { SweepShard(index: $0, count: count).trials(of: plan).map(\.key) }
        let all = slices.flatMap { $0 }
        #expect(all.count == plan.trials.count)
        #expect(Set(all) == Set(plan.trials.map(\.key)))
        // Round robin: slice sizes differ by at most one.
        #expect((slices.map(\.count).max() ?? 0) - (slices.map(\.count).min() ?? 0) <= 1)
    }

    @Test func shardIndicesCountFromZeroAsSchedulersDo() throws {
        #expect(try SweepShard(parsing: "0/3") == SweepShard(index: 0, count: 3))
        #expect(try SweepShard(parsing: "2/3") == SweepShard(index: 2, count: 3))
        for bad in ["3/3", "-1/3", "1/0", "1", "a/b", "1/2/3"] {
            #expect(throws: SweepError.self, "\(bad)") { try SweepShard(parsing: bad) }
        }
        #expect {
            try SweepShard(parsing: "3/3")
        } throws: { "\($0)".contains("the last shard is 2/3") && "\($0)".contains("$SLURM_ARRAY_TASK_ID") }
    }

    @Test func eachTrialGetsItsSeedAndOneBLASThreadUnlessThreadsIsGiven() throws {
        let plan = try SweepPlan(dataset: "mnist", axes: [try SweepAxis(parsing: "lr=0.01,0.001")], seeds: [4, 7])
        var base = TrainingOverrides()
        base.epochs = 2
        let configurations = try plan.configurations(base: base)
        #expect(configurations.map(\.seed) == [4, 7, 4, 7])
        #expect(configurations.map(\.learningRate) == [0.001, 0.001, 0.01, 0.01])
        #expect(configurations.allSatisfy { $0.threads == SweepPlan.defaultThreads && $0.epochs == 2 })
        base.threads = 2
        #expect(try plan.configurations(base: base).allSatisfy { $0.threads == 2 })

        let request = SweepRequest(
            plan: plan, overrides: TrainingOverrides(), report: ReportSettings(command: "nnreport sweep mnist"))
        #expect(request.effectiveJobs(trialCount: 4, cores: 2) == 2)
        #expect(request.effectiveJobs(trialCount: 1, cores: 8) == 1)
        #expect(request.trialCommand(plan.trials[1]) == "nnreport mnist --lr 0.001 --seed 7 --threads 1")
    }

    @Test func anOutOfRangeValueIsNamedWithTheAllowedRange() throws {
        let plan = try SweepPlan(
            dataset: "mnist", axes: [try SweepAxis(parsing: "dropout=0.2,1.5"), try SweepAxis(parsing: "lr=0.01")],
            seeds: [1])
        #expect {
            _ = try plan.configurations(base: TrainingOverrides())
        } throws: { error in
            "\(error)" == "--vary dropout=1.5: invalid --dropout 1.5: expected a rate in [0, 1) such as 0.2"
        }
        #expect(throws: SweepError.self) { try SweepPlan(dataset: "mnist", axes: [], seeds: [1, 1]) }
        #expect(throws: SweepError.self) { try SweepPlan.seeds(count: 3, list: [1]) }
        #expect(try SweepPlan.seeds(count: nil, list: nil) == [1, 2, 3])
    }

    @Test func theCommandLineIsRewrittenIntoTheSweepAndTrialCommands() {
        let arguments = SweepArguments([
            "/usr/bin/nnreport", "sweep", "mnist", "--vary", "lr=0.001,0.01", "--epochs=5", "--shard", "1/3",
            "--no-shuffle", "--jobs", "2", "--out", "shards/1", "--title", "My sweep", "--quiet",
        ])
        #expect(
            arguments.sweepCommand(dataset: "mnist")
                == "nnreport sweep mnist --epochs 5 --no-shuffle --title 'My sweep' --vary lr=0.001,0.01")
        let reordered = SweepArguments([
            "nnreport", "sweep", "--title", "My sweep", "--vary", "lr=0.01,1e-3", "--out", "x", "mnist", "--no-shuffle",
            "--epochs", "5",
        ])
        #expect(reordered.sweepCommand(dataset: "mnist") == arguments.sweepCommand(dataset: "mnist"))
        #expect(arguments.trialCommandPrefix(dataset: "mnist") == "nnreport mnist --epochs=5 --no-shuffle")
    }
}
