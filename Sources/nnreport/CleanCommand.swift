import ArgumentParser
import Foundation
import NNReportKit

/// `nnreport clean [--dry-run] [FOLDER...]`: removes what killed processes left beside reports.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Remove the hidden folders killed runs left under reports/ (their checkpoints too).",
        discussion: """
            A run killed without a chance to clean up (SIGKILL, the out-of-memory killer, a lost node) leaves \
            its hidden staging folder, .NAME.partial-PID-N, beside the report it was writing, with a checkpoint \
            that `nnreport resume` continues from. This command removes such folders whose process is gone \
            (on another machine: whose heartbeat stopped a minute ago or more), and puts back reports that a \
            killed --force left moved aside. Folders still being written are left alone. Reports interrupted \
            by Ctrl-C or SIGTERM are reports: they are kept, with their checkpoint.
            """)

    @Argument(
        help: ArgumentHelp(
            "Folders to clean (default: reports), or one leftover folder to remove.", valueName: "folder"))
    var folders: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Only say what would be removed.")
    var dryRun = false

    func run() throws {
        let places = (folders.isEmpty ? ["reports"] : folders).map { URL(fileURLWithPath: $0, isDirectory: true) }
        let lines = try LeftoverCleaning.run(folders: places, dryRun: dryRun)
        for line in lines { Console.error(line) }
        if lines.isEmpty {
            Console.error("Nothing to clean in \(places.map(\.path).joined(separator: ", ")).")
        }
    }
}
