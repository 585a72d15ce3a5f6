import Foundation
import Testing
import TestSupport

@testable import Metrics

/// Inputs built to break readers: each must end in a log or a typed error, never a trap or a hang.
@Suite struct HostileInputTests {
    static let source = URL(fileURLWithPath: "/tmp/hostile")

    @Test func aLineOfMegabytes() throws {
        let big = String(repeating: "x", count: 4 << 20)
        let jsonl = #"{"event":"epoch","epoch":1,"loss":0.5,"note":""# + big + "\"}\n"
        let log = try LogReader.parse(Array(jsonl.utf8), format: .nnreport, source: Self.source)
        #expect(log.values("loss") == [0.5])

        let csv = "epoch,loss,note\n0,0.5," + big + "\n"
        let keras = try LogReader.parse(Array(csv.utf8), format: .kerasCSV, source: Self.source)
        #expect(keras.values("loss") == [0.5])
    }

    @Test func invalidUTF8InAJSONLLineNamesLineAndColumn() {
        let bytes =
            Array(#"{"event":"run"}"#.utf8) + [0x0A] + Array(#"{"event":"x"#.utf8) + [0xC3, 0x28] + Array("\"}\n".utf8)
        #expect(
            throws: MetricLogError.malformed(
                path: Self.source.path, location: .line(2, column: 12), expected: "a JSON event object",
                found: "invalid UTF-8 byte sequence")
        ) {
            try LogReader.parse(bytes, format: .nnreport, source: Self.source)
        }
    }

    @Test func invalidUTF8InACSVFieldNamesLineAndField() {
        let bytes = Array("epoch,loss\n0,0.5\n1,".utf8) + [0xFF, 0xFE] + [0x0A]
        #expect(
            throws: MetricLogError.malformed(
                path: Self.source.path, location: .line(3, column: 2), expected: "UTF-8 text",
                found: "invalid UTF-8 in field 2: \"\\u{FFFD}\\u{FFFD}\"")
        ) {
            try LogReader.parse(bytes, format: .kerasCSV, source: Self.source)
        }
    }

    @Test func deepJSONNestingInALine() {
        let line = #"{"event":"run","config":"# + String(repeating: "[", count: 10_000) + "\n"
        #expect(throws: MetricLogError.self) {
            try LogReader.parse(Array(line.utf8) + Array("{}".utf8), format: .nnreport, source: Self.source)
        }
    }

    @Test func anUnterminatedQuoteRunsToTheEndAsAPartialRecord() throws {
        let text = "epoch,loss\r\n0,0.5\r\n1,\"0.4\r\n2,0.3\r\n"
        let log = try LogReader.parse(Array(text.utf8), format: .kerasCSV, source: Self.source)
        #expect(log.values("loss") == [0.5])
        #expect(log.warnings == ["the last line is incomplete (the run may still be writing): skipped"])
    }

    @Test func hugeNumbersInCSVBecomeCountedGaps() throws {
        let text = "epoch,loss\n0,1e999\n1,-1e999\n2,0.5\n"
        let log = try LogReader.parse(Array(text.utf8), format: .kerasCSV, source: Self.source)
        #expect(same(log.values("loss"), [.nan, .nan, 0.5]))
        #expect(log.warnings == ["NaN or infinite values (shown as gaps) in 'loss': 2"])
    }

    @Test func hugeEpochAndStepNumbersAreErrorsOrValuesNotTraps() {
        let keras = "epoch,loss\n99999999999999999999999,0.5\n"
        #expect(throws: MetricLogError.self) {
            try LogReader.parse(Array(keras.utf8), format: .kerasCSV, source: Self.source)
        }
        let lightning = "epoch,step,loss\n1e300,1e300,0.5\n"
        #expect(throws: MetricLogError.self) {
            try LogReader.parse(Array(lightning.utf8), format: .lightningCSV, source: Self.source)
        }
        let jsonl = #"{"event":"step","epoch":1e300,"step":1,"loss":1}"# + "\n"
        #expect(throws: MetricLogError.self) {
            try LogReader.parse(Array(jsonl.utf8), format: .nnreport, source: Self.source)
        }
    }

    @Test func eventFilesWithLyingLengthsAreBoundedByTheFile() throws {
        for length in [UInt64(1) << 60, UInt64.max, UInt64(Int.max), 100] {
            let lengthBytes = le64(length)
            let bytes = lengthBytes + le32(CRC32C.mask(CRC32C.checksum(lengthBytes))) + [1, 2, 3, 4, 5]
            #expect(
                throws: MetricLogError.noMetrics(
                    path: Self.source.path, format: .tensorBoard,
                    reason:
                        "0 records, no scalar summaries (hostile: the last 17 bytes are an incomplete record (the file may still be written): ignored)"
                )
            ) {
                try LogReader.parse(bytes, format: .tensorBoard, source: Self.source)
            }
        }
    }

    @Test func randomBytesInEveryFormatEndInALogOrATypedError() {
        var rng = TestRandom(seed: 99)
        let seeds = [
            "epoch,loss,val_loss\r\n0,0.5,NA\r\n", "epoch,step,train_loss_step,val_loss\n0,1,0.5,\n0,1,,0.4\n",
            #"{"event":"step","epoch":1,"step":1,"loss":0.5}"# + "\n", "step\tloss\n0\t1\n",
        ].map { Array($0.utf8) }
        for round in 0..<2_000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<Int(rng.next() % 6) {
                let position = Int(rng.next() % UInt64(bytes.count + 1))
                switch rng.next() % 3 {
                case 0: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: position)
                case 1: if position < bytes.count { bytes.remove(at: position) }
                default:
                    if position < bytes.count {
                        bytes[position] = [0x2C, 0x0A, 0x22, 0x0D, 0x09, 0xFF][Int(rng.next() % 6)]
                    }
                }
            }
            for format in LogFormat.allCases {
                _ = try? LogReader.parse(bytes, format: format, source: Self.source).chartGroups()
            }
            _ = LogReader.detect(bytes, fileName: "x")
        }
    }
}
