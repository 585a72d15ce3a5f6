import ArgumentParser
import Engine
import Testing

@testable import NNReportKit
@testable import nnreport

/// What `--help` says about BLAS threads is what the commands do.
@Suite struct HelpTextTests {
    /// The help of `command` as `nnreport <command> --help` prints it, with its line wrapping undone.
    static func help(_ command: ParsableCommand.Type) -> String {
        NNReport.helpMessage(for: command, columns: 10_000).split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    /// The BLAS threads of the first trial of `nnreport sweep <arguments>`.
    static func trialThreads(_ arguments: [String]) throws -> Int? {
        let request = try SweepCommand.parse(arguments).makeRequest()
        return request.plan.overrides(for: request.plan.trials[0], base: request.overrides).threads
    }

    @Test func sweepHelpSaysEachTrialUsesOneThreadUnlessThreadsIsGiven() throws {
        #expect(try Self.trialThreads(["mnist", "--vary", "lr=0.001,0.01"]) == 1)
        #expect(try Self.trialThreads(["mnist", "--vary", "lr=0.001,0.01", "--jobs", "1"]) == 1)
        #expect(try Self.trialThreads(["mnist", "--vary", "lr=0.001,0.01", "--threads", "2"]) == 2)
        #expect(try Self.trialThreads(["mnist", "--vary", "threads=2,3"]) == 2)
        #expect(try Preset.named("default").configuration.threads == 2)

        let help = Self.help(SweepCommand.self)
        #expect(
            help.contains(
                "Each trial uses 1 BLAS thread, not the preset's 2, unless --threads (or --vary threads=...) sets it"
                    + ", whatever --jobs is"))
        #expect(help.contains("--threads <n> BLAS threads (default: the preset's, 2; in a sweep, 1 per trial"))
        #expect(!help.contains("(default: the preset's, 2)."))
    }

    @Test func trainingHelpGivesThePresetsThreadCount() throws {
        for preset in Preset.all {
            #expect(preset.configuration.threads == 2, "preset \(preset.name)")
        }
        let request = try MnistCommand.parse([]).makeRequest()
        #expect(request.overrides.threads == nil, "no --threads: the preset's count")
        #expect(Self.help(MnistCommand.self).contains("--threads <n> BLAS threads (default: the preset's, 2;"))
    }
}
