import ArgumentParser
import Foundation
import NNReportKit

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Compare nnreport run folders in one report, or join the shards of a sweep.",
        discussion: """
            Run folders (written by nnreport mnist or nnreport fashion): reads each metrics.jsonl and \
            summary.json and writes one comparison report: every metric with one colour per run, the \
            best and last value of each metric per run and the hyperparameters that differ.

            Shard folders (written by nnreport sweep --shard i/n): checks that together they hold every \
            trial of the sweep exactly once and writes the same report the unsharded sweep would; \
            missing or duplicated trials are named and nothing is written.
            """)

    @Argument(
        help: ArgumentHelp(
            "Run folders written by nnreport mnist / fashion, or the shard folders of one sweep.", valueName: "folder"))
    var folders: [String]

    @OptionGroup(title: "Report options") var report: ReportOptions

    var folderURLs: [URL] { folders.map { URL(fileURLWithPath: $0, isDirectory: true) } }

    /// Whether the folders are the shards of a sweep rather than run folders.
    var areShards: Bool { folderURLs.allSatisfy(SweepPipeline.isShardFolder) }

    func validate() throws {
        let shards = folderURLs.filter(SweepPipeline.isShardFolder)
        if !shards.isEmpty, shards.count != folders.count {
            throw ValidationError(
                "Give either run folders or the shard folders of one sweep, not both: "
                    + "\(shards.map(\.path).joined(separator: ", ")) are sweep folders")
        }
        if areShards { return }
        guard folders.count >= 2 else {
            throw ValidationError(
                "Give at least two run folders to compare, e.g. nnreport merge reports/a reports/b "
                    + "(for one run, use nnreport render)")
        }
    }

    func run() throws {
        ProcessSetup.prepare()
        // A signal removes the unfinished report (copied trials and all) and exits.
        let signals = SignalMonitor(policy: .abort)
        signals.install()
        if areShards {
            try mergeShards(signals)
            return
        }
        let quiet = report.quiet
        let pipeline = RenderPipeline(
            request: report.renderRequest(inputs: folders, abortingWhen: { signals.isAborted }),
            note: { if !quiet { Console.error($0) } })
        report.finish(try ExitStatus.mapping(signals) { try pipeline.merge() })
    }

    func mergeShards(_ signals: SignalMonitor) throws {
        let quiet = report.quiet
        let outcome = try ExitStatus.mapping(signals) {
            try SweepPipeline.merge(
                shardFolders: folderURLs, settings: report.settings(abortingWhen: { signals.isAborted }),
                note: { if !quiet { Console.error($0) } })
        }
        try SweepOutput.finish(outcome, json: report.json, quiet: report.quiet, signals: signals)
    }
}
