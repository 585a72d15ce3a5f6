import Foundation

/// Process-wide settings every command makes before doing work.
enum ProcessSetup {
    /// Writes beyond the file-size limit (`ulimit -f`, some quota setups) raise SIGXFSZ, whose
    /// default action kills the process without a word. Ignoring it turns the failure into an
    /// EFBIG error from write(2), which the report writer reports with the path, cleaning up.
    static func prepare() {
        signal(SIGXFSZ, SIG_IGN)
        // A closed pipe (`nnreport ... | head`) should end output quietly, not kill mid-write
        // of a report: EPIPE on stdout is then an ordinary error.
        signal(SIGPIPE, SIG_IGN)
    }
}
