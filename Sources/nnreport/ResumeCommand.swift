import ArgumentParser
import Foundation
import NNReportKit

/// `nnreport resume [FOLDER]`: runs the command of an unfinished run again, into the folder it
/// was writing, so that it continues from its last checkpoint.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue a killed or interrupted run (or sweep) from its last checkpoint.",
        discussion: """
            A run saves a checkpoint at the end of every epoch. When its process is killed (SIGKILL, the \
            out-of-memory killer, a lost node) the hidden staging folder reports/.NAME.partial-PID-N keeps it; \
            a run stopped by Ctrl-C or SIGTERM writes its report and keeps the checkpoint in it. Without \
            FOLDER, the most recent such run under reports/ is continued; FOLDER may be the report folder the \
            run was meant for (reports/mnist-default-20261122-193000), its staging folder, or an interrupted \
            report. The command that started the run is run again, in the folder it was started in, with the \
            same options: the results are those of an uninterrupted run. For runs given --out, running the \
            same command again does the same.
            """)

    @Argument(
        help: ArgumentHelp(
            "The unfinished run: its report folder, its staging folder, or an interrupted report (default: the most recent under reports/).",
            valueName: "folder"))
    var folder: String?

    func run() throws {
        let unfinished: UnfinishedRun
        if let folder {
            guard let run = UnfinishedRun.named(URL(fileURLWithPath: folder, isDirectory: true)) else {
                throw ResumeError.notUnfinished(path: folder)
            }
            unfinished = run
        } else {
            guard let run = UnfinishedRun.all(in: URL(fileURLWithPath: "reports", isDirectory: true)).first else {
                throw ResumeError.nothingToResume(searched: "reports")
            }
            unfinished = run
        }
        guard let marker = unfinished.marker, let arguments = marker.arguments else {
            throw ResumeError.unknownCommand(path: unfinished.folder.path, command: unfinished.marker?.command)
        }
        let destination = unfinished.destination.standardizedFileURL
        // Relative paths of the command (--data-dir, --templates) mean what they meant when it started.
        if let directory = marker.directory, directory != FileManager.default.currentDirectoryPath {
            if FileManager.default.changeCurrentDirectoryPath(directory) {
                Console.error("nnreport resume: running in \(directory), where the run was started")
            } else {
                Console.error("nnreport resume: \(directory), where the run was started, is gone; running here")
            }
        }
        Console.error(
            "nnreport resume: continuing \(destination.path) (\(unfinished.progress)) with `\(marker.command)`")
        // --restart would discard the very run to continue.
        let rerun = arguments.filter { $0 != "--restart" }
        Resumption.current = (destination, marker.command, rerun)
        var command = try NNReport.parseAsRoot(rerun)
        guard command is MnistCommand || command is FashionCommand || command is SweepCommand else {
            throw ValidationError("'\(marker.command)' is not a training run or a sweep; it cannot be resumed")
        }
        try command.run()
    }
}
