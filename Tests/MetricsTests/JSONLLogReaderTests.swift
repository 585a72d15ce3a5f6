import Foundation
import Testing

@testable import Metrics

@Suite struct JSONLLogReaderTests {
    static let lines = [
        #"{"event":"run","time":1,"config":{"lr":0.01}}"#,
        #"{"event":"step","epoch":1,"step":1,"loss":2.3,"lr":0.01}"#,
        #"{"event":"epoch","epoch":1,"loss":1.9,"accuracy":0.4,"seconds":1}"#,
    ]

    @Test func aPartialLastLineIsAWarning() throws {
        let text = Self.lines.joined(separator: "\n") + "\n" + #"{"event":"step","epoch":2,"st"#
        let url = try Fixtures.temporaryFile("metrics.jsonl", text)
        let log = try LogReader.read(url).logs[0]
        #expect(log.values("loss", .step) == [2.3])
        #expect(
            log.warnings == [
                "line 4 is incomplete (29 bytes without a line end; the run may still be writing): skipped"
            ])
    }

    @Test func aCompleteLastLineWithoutItsNewlineIsRead() throws {
        let url = try Fixtures.temporaryFile("metrics.jsonl", Self.lines.joined(separator: "\r\n"))
        let log = try LogReader.read(url).logs[0]
        #expect(log.values("accuracy") == [0.4])
        #expect(log.warnings.isEmpty)
    }

    @Test func aMalformedLineInTheMiddleNamesLineAndColumn() throws {
        let text =
            Self.lines[0] + "\n" + #"{"event":"step","epoch":1,"step":2,"loss":1e999}"# + "\n" + Self.lines[2] + "\n"
        let url = try Fixtures.temporaryFile("metrics.jsonl", text)
        #expect(
            throws: MetricLogError.malformed(
                path: url.path, location: .line(2, column: 43), expected: "a JSON event object",
                found: "number 1e999 is out of the range of a 64-bit float")
        ) {
            try LogReader.read(url).logs
        }
    }

    @Test func aLineThatIsNotAnEventObjectIsAnError() throws {
        let url = try Fixtures.temporaryFile("metrics.jsonl", Self.lines[0] + "\n[1,2]\n")
        #expect(
            throws: MetricLogError.malformed(
                path: url.path, location: .line(2, column: nil),
                expected: "a JSON object with a string \"event\" member",
                found: "\"[1,2]\"")
        ) {
            try LogReader.read(url).logs
        }
    }

    @Test func unknownEventsAreCountedAndNullIsAGap() throws {
        let text =
            Self.lines[0] + "\n" + #"{"event":"checkpoint","path":"x"}"# + "\n"
            + #"{"event":"epoch","epoch":1,"loss":null,"accuracy":0.5,"phase":"warmup"}"# + "\n"
        let log = try LogReader.read(try Fixtures.temporaryFile("metrics.jsonl", text)).logs[0]
        #expect(same(log.values("loss"), [.nan]))
        #expect(log.series(named: "phase") == nil)
        #expect(
            log.warnings == [
                "events of unknown kind skipped: 1", "NaN or infinite values (shown as gaps) in 'loss': 1",
            ])
    }

    @Test func summaryJsonBesideTheLog() throws {
        let folder = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Fixtures.temporaryFile("metrics.jsonl", Self.lines[1] + "\n", in: folder)
        _ = try Fixtures.temporaryFile(
            "summary.json", #"{"config": {"lr": 0.5, "hidden": [8]}, "test_accuracy": 0.97, "test_loss": 0.1}"#,
            in: folder)
        let log = try LogReader.read(folder).logs[0]
        #expect(log.hyperparameters.map(\.name) == ["lr", "hidden"])
        #expect(log.testResults == [NamedValue(name: "accuracy", value: 0.97), NamedValue(name: "loss", value: 0.1)])
        #expect(log.summary?["test_accuracy"] == 0.97)
    }

    @Test func aBrokenSummaryIsAWarning() throws {
        let folder = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Fixtures.temporaryFile("metrics.jsonl", Self.lines[1] + "\n", in: folder)
        _ = try Fixtures.temporaryFile("summary.json", "{\"a\": ", in: folder)
        let log = try LogReader.read(folder).logs[0]
        #expect(
            log.warnings == [
                "summary.json ignored: line 1, column 7 (byte 6): unexpected end of text, expected a value"
            ])
    }
}
