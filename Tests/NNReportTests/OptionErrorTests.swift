import ArgumentParser
import Engine
import Testing

@testable import NNReportKit
@testable import nnreport

/// Bad options are refused by the parser, in process: the message names the option and what it
/// takes, and the exit status is 64 (EX_USAGE), before any data is read or folder written.
@Suite struct OptionErrorTests {
    /// The message and exit status `nnreport <arguments>` ends with, or nil when it parses.
    static func refusal(_ arguments: [String]) -> (message: String, status: Int32)? {
        do {
            _ = try NNReport.parseAsRoot(arguments)
            return nil
        } catch {
            return (NNReport.message(for: error), NNReport.exitCode(for: error).rawValue)
        }
    }

    @Test(arguments: [
        (["mnist", "--epochs", "0"], "--epochs"),
        (["mnist", "--batch-size", "0"], "--batch-size"),
        (["mnist", "--lr", "nan"], "--lr"),
        (["mnist", "--hidden", "0"], "--hidden"),
        (["mnist", "--hidden", "12,x"], "--hidden"),
        (["mnist", "--scale", "3"], "--scale"),
        (["mnist", "--format", "jpeg"], "--format"),
        (["mnist", "--dropout", "1.5"], "--dropout"),
        (["sweep", "mnist", "--vary", "activation=relu,gelu"], "--activation"),
    ])
    func outOfRangeValuesNameTheirOption(arguments: [String], option: String) throws {
        let refusal = try #require(Self.refusal(arguments), "\(arguments) parsed")
        #expect(refusal.message.contains(option), "message: \(refusal.message)")
        #expect(refusal.status == 64)
    }

    /// A closed set's typo lists every value the option takes, in the parser's words.
    @Test(arguments: [
        (["mnist", "--activation", "gelu"], "--activation", ["relu", "sigmoid", "tanh"]),
        (["fashion", "--optimizer", "rmsprop"], "--optimizer", ["sgd", "momentum", "adam"]),
        (["mnist", "--lr-schedule", "linear"], "--lr-schedule", ["constant", "step", "exponential", "cosine"]),
        (
            ["mnist", "--input-transform", "zscore"], "--input-transform",
            ["raw", "unit", "mean-image", "normalize", "standardize"]
        ),
        (["sweep", "mnist", "--preset", "nope"], "--preset", Preset.all.map(\.name)),
    ])
    func closedSetsListTheirValues(arguments: [String], option: String, values: [String]) throws {
        let refusal = try #require(Self.refusal(arguments), "\(arguments) parsed")
        #expect(refusal.message.contains("is invalid for '\(option) <name>'"), "message: \(refusal.message)")
        // The parser quotes a few values inline ('relu', 'sigmoid') and puts longer sets one per line.
        let lines = refusal.message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for value in values {
            #expect(
                refusal.message.contains("'\(value)'") || lines.contains("- \(value)"), "message: \(refusal.message)")
        }
        #expect(refusal.status == 64)
    }

    /// Case is ignored, as in a sweep's --vary, and `exp` is short for the exponential schedule.
    @Test func closedSetsIgnoreCase() throws {
        let command = try #require(
            try NNReport.parseAsRoot([
                "mnist", "--activation", "ReLU", "--optimizer", "ADAM", "--lr-schedule", "exp", "--preset", "Keras",
                "--input-transform", "Unit",
            ]) as? MnistCommand)
        let overrides = command.training.overrides
        #expect(overrides.activation == "relu")
        #expect(overrides.optimizer == "adam")
        #expect(overrides.lrSchedule == "exponential")
        #expect(overrides.inputTransform == "unit")
        #expect(command.training.preset?.name == "keras")
    }

    /// `--help` lists each closed set's values (shell completion offers the same list).
    @Test func helpListsTheValues() {
        let help = HelpTextTests.help(MnistCommand.self)
        #expect(help.contains("--activation <name> Hidden activation. (values: relu, sigmoid, tanh)"))
        #expect(help.contains("--optimizer <name> Optimizer. (values: sgd, momentum, adam)"))
        #expect(help.contains("(values: " + Preset.all.map(\.name).joined(separator: ", ") + ")"))
        #expect(help.contains("(values: constant, step, exponential, cosine)"))
    }
}

/// The configuration is resolved once, while the options are validated, and run as resolved.
@Suite struct ResolvedOnceTests {
    @Test func validatingATrainingCommandResolvesItsConfiguration() throws {
        let command = try #require(
            try NNReport.parseAsRoot(["fashion", "--preset", "keras", "--lr", "0.02", "--epochs", "3"])
                as? FashionCommand
        )
        let resolved = try #require(command.resolved)
        #expect(resolved.preset.name == "keras")
        #expect(resolved.configuration.learningRate == 0.02)
        #expect(resolved.configuration.epochs == 3)
        // The same as the pipeline would resolve by itself.
        let again = try TrainPipeline.resolve(command.makeRequest())
        #expect(again.configuration == resolved.configuration)
    }

    @Test func validatingASweepResolvesEveryTrial() throws {
        let command = try #require(
            try NNReport.parseAsRoot(["sweep", "mnist", "--vary", "lr=0.001,0.01", "--seeds", "2"]) as? SweepCommand)
        let configurations = try #require(command.resolved).configurations
        #expect(configurations.map(\.learningRate).sorted() == [0.001, 0.001, 0.01, 0.01])
        #expect(Set(configurations.map(\.seed)) == [1, 2])
    }
}
