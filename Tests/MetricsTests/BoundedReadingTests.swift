import Foundation
import Testing
import TestSupport

@testable import Metrics

/// Reading stays bounded whatever the input: files are read a chunk at a time, special files are
/// refused before a byte is read, lines have a length limit, long series are thinned evenly with
/// exact counts, and a log with thousands of metrics gets a bounded number of charts.
@Suite struct BoundedReadingTests {
    @Test func aLongSeriesIsThinnedEvenlyWithExactFigures() {
        var builder = MetricLogBuilder()
        let count = 1_000_003
        // A slow decline with one spike and one dip and a gap, far apart.
        for step in 1...count {
            var value = 1.0 / Double(step).squareRoot()
            if step == 123_457 { value = 50 }
            if step == 876_543 { value = -3 }
            if step == 500_000 { value = .nan }
            builder.add("loss", cadence: .step, step: step, value: value)
        }
        let series = builder.buildSeries()[0]
        #expect(series.points.count <= SeriesBuffer.limit)
        #expect(series.valueCount == count - 1)
        #expect(series.gapCount == 1)
        #expect(series.points.first?.step == 1 && series.last?.step == count, "first and last kept")
        #expect(series.points.contains { $0.step == 123_457 && $0.value == 50 }, "the spike survives")
        #expect(series.best?.value == -3 && series.best?.step == 876_543, "the lowest value survives")
        #expect(series.points.contains { $0.step == 500_000 && $0.value.isNaN }, "the gap survives")
        #expect(zip(series.points, series.points.dropFirst()).allSatisfy { $0.step! < $1.step! })
        // Even density: every tenth of the steps holds about a tenth of the points.
        let tenths = (0..<10).map { part in
            series.points.count { ($0.step! - 1) * 10 / count == part }
        }
        let mean = Double(series.points.count) / 10
        #expect(tenths.allSatisfy { isClose(Double($0), mean, absolute: mean * 0.15) }, "\(tenths)")
    }

    @Test func aFIFOAndADeviceAreRefusedWithoutWaiting() throws {
        let folder = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("live.csv")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        #expect(
            throws: MetricLogError.cannotRead(
                path: fifo.path, reason: "it is a FIFO (named pipe), not a log file; write the log to a file first")
        ) { try LogReader.read(fifo) }
        #expect(throws: MetricLogError.cannotRead(path: "/dev/zero", reason: "it is a device, not a log file")) {
            try LogReader.read(URL(fileURLWithPath: "/dev/zero"), format: .kerasCSV)
        }
    }

    @Test func aLineLongerThanTheLimitIsRefusedNamingIt() throws {
        let huge = String(repeating: "x", count: CSVTokenizer.maximumRecordBytes + 10)
        let csv = try Fixtures.temporaryFile("log.csv", "epoch,loss,note\n0,0.5,\(huge)\n")
        defer { try? FileManager.default.removeItem(at: csv.deletingLastPathComponent()) }
        do {
            _ = try LogReader.read(csv)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("log.csv:2: expected a line of at most 16 MiB"))
        }
        let jsonl = try Fixtures.temporaryFile("metrics.jsonl", "{\"event\":\"run\"}\n{\"note\":\"\(huge)\"}\n")
        #expect(throws: MetricLogError.self) { try LogReader.read(jsonl) }
    }

    @Test func recordsAcrossChunkBoundariesReadAsInMemory() throws {
        // Quoted fields with separators, quotes and line breaks, over several 1 MiB chunks.
        var text = "step,loss,\"note, with comma\"\n"
        for step in 1...40_000 {
            text += "\(step),\(1.0 / Double(step)),\"a \"\"quoted\"\", multi\nline, note \(step)\"\n"
        }
        let url = try Fixtures.temporaryFile("table.csv", text)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        #expect(text.utf8.count > 2 * ByteSource.chunkSize)
        let fromFile = try LogReader.read(url).logs[0]
        let fromMemory = try LogReader.parse(Array(text.utf8), format: .table, source: url)
        #expect(fromFile.series == fromMemory.series)
        #expect(fromFile.values("loss").count == 40_000)
        #expect(fromFile.warnings == ["column \"note, with comma\" holds no numbers: skipped"])
    }

    @Test func thousandsOfMetricsGetABoundedNumberOfCharts() throws {
        let names = (0..<2_000).map { "m\($0)" }
        let header = "step," + names.joined(separator: ",") + "\n"
        let row = { (step: Int) in
            "\(step)," + names.indices.map { String(Double($0 + step)) }.joined(separator: ",") + "\n"
        }
        let log = try LogReader.parse(
            Array((header + row(1) + row(2)).utf8), format: .table, source: URL(fileURLWithPath: "/t.csv"))
        let plan = log.chartPlan()
        #expect(plan.groups.count == MetricLog.defaultMaximumCharts)
        #expect(plan.undrawn.count == 2_000 - MetricLog.defaultMaximumCharts)
        #expect(plan.undrawn.first?.reason == "beyond the first 40 charts (the log has 2000)")
    }
}
