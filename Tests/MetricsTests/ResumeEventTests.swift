import Foundation
import Testing

@testable import Metrics

/// The `resume` event of a run continued from its checkpoint (issue 14), and the exact number
/// form checkpoints keep their state in.
@Suite struct ResumeEventTests {
    @Test func aResumeEventIsOneLineAndReadsAsANoteNotAWarning() throws {
        let event = MetricEvent.resume(RunResume(epoch: 3, step: 1290, time: 1_796_000_000.5))
        #expect(event.jsonLine == #"{"event":"resume","epoch":3,"step":1290,"time":1796000000.5}"#)
        let lines = [
            #"{"event":"run","time":1,"config":{"lr":0.01}}"#,
            #"{"event":"epoch","epoch":3,"loss":1.9,"accuracy":0.4,"seconds":1}"#,
            event.jsonLine,
            #"{"event":"epoch","epoch":4,"loss":1.7,"accuracy":0.5,"seconds":1}"#,
            #"{"event":"end","status":"completed","time":2}"#,
        ]
        let url = try Fixtures.temporaryFile("metrics.jsonl", lines.joined(separator: "\n") + "\n")
        let log = try LogReader.read(url).logs[0]
        #expect(log.values("loss") == [1.9, 1.7])
        #expect(log.warnings.isEmpty, "\(log.warnings)")
        #expect(log.notes == ["The run was stopped after epoch 3 and resumed from its checkpoint."])
        #expect(log.status == "completed")
    }

    @Test(arguments: [
        0.1 + 0.2, 1e-320, -1.5e308, 3, 0, -0.0, .nan, .infinity, -.infinity, 1e15, 123_456_789_012_345.67,
    ])
    func exactNumbersReadBackBitForBit(_ value: Double) throws {
        let text = JSONWriter.compact(["x": .exact(value)])
        let back = try #require(try JSONParser.parse(text)["x"]?.exactDouble)
        #expect(back.bitPattern == value.bitPattern || (back.isNaN && value.isNaN), "\(value) came back as \(back)")
    }

    @Test func generatorStatesAboveTwoToThe53ReadBackExactly() throws {
        for state: UInt64 in [.max, (1 << 53) + 1, 0] {
            let text = JSONWriter.compact(["s": .exact(state)])
            #expect(try JSONParser.parse(text)["s"]?.exactUInt64 == state)
        }
    }
}
