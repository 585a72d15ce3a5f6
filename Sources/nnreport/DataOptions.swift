import ArgumentParser
import Foundation
import NNReportKit

/// Where the dataset comes from.
struct DataOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp(
            "Folder holding the four IDX files (.gz or not), or a subfolder named after the dataset. When given, no other place is searched.",
            valueName: "dir"))
    var dataDirectory: String?

    @Option(
        help: ArgumentHelp(
            "Download from this base URL instead of the public mirrors when the dataset is not found locally.",
            valueName: "url"))
    var mirror: String?

    @Flag(name: .customLong("no-download"), help: "Never download; fail with the list of places searched instead.")
    var noDownload = false

    @Flag(name: .customLong("no-verify"), help: "Skip the MD5 check of the dataset files (for modified copies).")
    var noVerify = false

    func validate() throws {
        if let mirror {
            guard let url = URL(string: mirror), let scheme = url.scheme?.lowercased(),
                ["http", "https", "file"].contains(scheme), url.host != nil || scheme == "file"
            else {
                throw ValidationError("--mirror '\(mirror)' is not a URL: expected e.g. https://example.org/mnist/")
            }
        }
    }

    /// The data settings these options ask for.
    var settings: DataSettings {
        DataSettings(
            directory: dataDirectory.map { URL(fileURLWithPath: $0, isDirectory: true) },
            mirror: mirror.flatMap { URL(string: $0) }, allowDownload: !noDownload, verifyChecksums: !noVerify)
    }
}
