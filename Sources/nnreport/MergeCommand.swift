import ArgumentParser
import NNReportKit

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Compare nnreport run folders in one report.",
        discussion: """
            Reads the metrics.jsonl and summary.json of each run folder written by nnreport mnist or \
            nnreport fashion and writes one comparison report: every metric with one colour per run, \
            the best and last value of each metric per run and the hyperparameters that differ.
            """)

    @Argument(help: ArgumentHelp("Run folders written by nnreport mnist / nnreport fashion.", valueName: "folder"))
    var folders: [String]

    @OptionGroup(title: "Report options") var report: ReportOptions

    func validate() throws {
        guard folders.count >= 2 else {
            throw ValidationError(
                "Give at least two run folders to compare, e.g. nnreport merge reports/a reports/b "
                    + "(for one run, use nnreport render)")
        }
    }

    func run() throws {
        let quiet = report.quiet
        let pipeline = RenderPipeline(
            request: report.renderRequest(inputs: folders), note: { if !quiet { Console.error($0) } })
        report.finish(try pipeline.merge())
    }
}
