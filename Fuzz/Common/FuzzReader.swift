import Foundation

/// Runs one log reader on one fuzz input. Any input must end in a returned log or a thrown
/// MetricLogError: a trap, a sanitizer report, a hang or unbounded memory is a finding.
func fuzzReader(_ bytes: [UInt8], format: LogFormat, fileName: String) -> CInt {
    let source = URL(fileURLWithPath: "/fuzz/" + fileName)
    if let log = try? LogReader.parse(bytes, format: format, source: source) {
        // What render does next with a log: group it into charts and look at every series.
        for group in log.chartGroups() {
            for line in group.lines { _ = (line.series.best, line.series.last, line.series.segments.count) }
        }
    }
    // Detection reads the same bytes through every format's checks.
    _ = LogReader.detect(bytes, fileName: fileName)
    return 0
}
