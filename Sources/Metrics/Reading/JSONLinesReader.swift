import Foundation

/// Reads a JSON-lines log: one object of metrics per line, as detectron2's `metrics.json`
/// (`iteration`, `total_loss`, `lr`, `bbox/AP`, ...) and mmengine's `scalars.json` (`step`,
/// `loss`, `lr`, and for runners `epoch` and `iter`) write them.
///
/// Every number member is a metric, except the x member: `--x NAME` when given, else the
/// first of `step`, `global_step`, `iteration`, `iter` and `epoch` that a line has. A line
/// without one is counted and skipped. mmengine's runner writes training lines with `epoch`,
/// `iter` and `step` (= iter) but validation lines with only `step`, which there counts epochs
/// (1-based): when a log has both kinds, the lines without `iter` are read as per-epoch values.
/// Text and structured members are not metrics; `NaN`/`Infinity` (as Python writes them) are
/// gaps. A last line without its line end that does not parse is a run still writing.
enum JSONLinesReader {
    static let xCandidates = ["step", "global_step", "iteration", "iter", "epoch"]

    /// Nil when the first non-blank line is a JSON object with a number member, else why not.
    static func mismatch(_ bytes: [UInt8]) -> String? {
        guard let first = firstLine(bytes) else { return "the file has no non-blank line" }
        guard first.first == UInt8(ascii: "{") else { return "the first line does not start with '{'" }
        let value: JSONValue
        do {
            value = try JSONParser.parse(first, allowsNonFinite: true)
        } catch {
            return "the first line is not one JSON object (\(error.description))"
        }
        guard let members = value.objectValue, members.contains(where: { $0.value.doubleValue != nil }) else {
            return "the first line's object has no number member"
        }
        return nil
    }

    /// The first non-blank line, without its line end.
    static func firstLine(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count else { return nil }
        var end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<end]
    }

    /// A line whose x member may mean either a step or an epoch (mmengine's `step` alone).
    private struct PendingLine {
        var x: Int
        var members: [(key: String, value: JSONValue)]
    }

    static func parse(_ input: ByteSource, source: URL, x: String?) throws(MetricLogError) -> MetricLog {
        let path = source.path
        var builder = MetricLogBuilder()
        var pending: [PendingLine] = []
        var runnerLines = 0
        var usedX: [String] = []
        let partial = try JSONLineScanner.forEach(input, expected: "a JSON object", allowsNonFinite: true) {
            lineNumber, value, line throws(MetricLogError) in
            guard let members = value.objectValue else {
                throw .malformed(
                    path: path, location: .line(lineNumber, column: nil), expected: "a JSON object",
                    found: LogFile.excerpt(line))
            }
            let key = x ?? xCandidates.first { name in members.contains { $0.key == name } }
            guard let key, let xValue = members.first(where: { $0.key == key })?.value else {
                builder.tally.add(
                    "lines without \(x.map { "the x member \"\($0)\"" } ?? "a step, iteration or epoch") skipped")
                return
            }
            guard let position = xValue.intValue else {
                throw .malformed(
                    path: path, location: .line(lineNumber, column: nil), expected: "an integer \"\(key)\"",
                    found: LogFile.excerpt(JSONWriter.compact(xValue)))
            }
            if !usedX.contains(key) { usedX.append(key) }
            let isRunnerLine =
                x == nil && key == "step" && members.contains { $0.key == "iter" }
                && members.contains { $0.key == "epoch" }
            if isRunnerLine {
                runnerLines += 1
                let epoch = members.first { $0.key == "epoch" }?.value.doubleValue
                add(members, skipping: ["step", "iter", "epoch"], step: position, epoch: epoch, into: &builder)
            } else if x == nil && key == "step" && !members.contains(where: { $0.key == "iter" }) {
                pending.append(PendingLine(x: position, members: members))
            } else if key == "epoch" {
                add(members, skipping: [key], cadence: .epoch, epoch: Double(position), into: &builder)
            } else {
                add(members, skipping: [key], step: position, into: &builder)
            }
        }
        if let partial { builder.tally.note(partial) }
        // mmengine: lines with only `step` beside training lines with `epoch` and `iter` count epochs.
        let stepMeansEpoch = runnerLines > 0 && !pending.isEmpty
        for line in pending {
            if stepMeansEpoch {
                // mmengine's validation results do not say "val" in their names.
                for member in line.members where member.key != "step" && !builder.contains(member.key) {
                    var name = MetricName(parsing: member.key)
                    if !name.splitIsStated {
                        name.split = .validation
                        name.splitIsStated = true
                    }
                    builder.name(member.key, as: name)
                }
                add(line.members, skipping: ["step"], cadence: .epoch, epoch: Double(line.x), into: &builder)
            } else {
                add(line.members, skipping: ["step"], step: line.x, into: &builder)
            }
        }
        let series = builder.buildSeries()
        guard !series.isEmpty else {
            throw .noMetrics(path: path, format: .jsonLines, reason: "no line has a number member besides its x")
        }
        var notes: [String] = []
        if stepMeansEpoch {
            notes.append(
                "mmengine layout: training lines are placed by their \"step\" (the iteration) and epoch; "
                    + "lines with only \"step\" are validation results, whose \"step\" counts epochs from 1.")
        }
        let xName = usedX.count == 1 && !["step", "epoch"].contains(usedX[0]) ? usedX[0] : nil
        if usedX.contains("epoch") {
            notes.append("Epochs as the log writes them (a JSON-lines log does not say whether it counts from 0 or 1).")
        }
        return MetricLog(
            source: source, format: .jsonLines, runName: LogReader.runName(for: source), series: series,
            xColumn: xName, warnings: builder.tally.messages, notes: notes)
    }

    private static func add(
        _ members: [(key: String, value: JSONValue)], skipping: Set<String>, cadence: MetricCadence? = .step,
        step: Int? = nil, epoch: Double? = nil, into builder: inout MetricLogBuilder
    ) {
        for member in members where !skipping.contains(member.key) {
            guard case .number(let number) = member.value else { continue }
            builder.add(member.key, cadence: cadence, step: step, epoch: epoch, value: number)
        }
    }
}
