import Testing
@testable import Metrics

@Suite struct JSONWriterTests {
    @Test func numbersAreWrittenInOneFixedForm() {
        #expect(JSONWriter.format(3) == "3")
        #expect(JSONWriter.format(-0.0) == "0")
        #expect(JSONWriter.format(0.1) == "0.1")
        #expect(JSONWriter.format(.nan) == "null")
        #expect(JSONWriter.format(.infinity) == "null")
    }

    @Test func eventLinesKeepTheirFieldOrder() {
        let event = MetricEvent.step(StepRecord(epoch: 1, step: 100, loss: 0.41, lr: 0.001))
        #expect(event.jsonLine == #"{"event":"step","epoch":1,"step":100,"loss":0.41,"lr":0.001}"#)
    }

    @Test func stringsAreEscaped() {
        #expect(JSONWriter.compact(.string("a\"b\\c\n\u{1}")) == #""a\"b\\c\n\u0001""#)
    }
}
