import Foundation
import Testing

@testable import Metrics

@Suite struct KerasCSVReaderTests {
    @Test func readsARealKeras3LogWithLearningRate() throws {
        let log = try Fixtures.read("keras/new_names.csv")
        #expect(log.format == .kerasCSV)
        #expect(log.runName == "new_names")
        #expect(log.series.map(\.canonicalName) == ["accuracy", "lr", "loss", "val_accuracy", "val_loss"])
        #expect(log.series.allSatisfy { $0.cadence == .epoch })
        #expect(log.epochs("loss") == [1, 2, 3, 4, 5, 6], "Keras's 0-based epochs become 1-based")
        #expect(log.values("val_loss").first == 0.5895501375198364)
        #expect(log.values("accuracy").last == 0.9375)
        #expect(log.series(named: "lr")?.originalName == "learning_rate")
        #expect(log.warnings.isEmpty)
    }

    @Test func oldNamesNAAndNonFiniteValues() throws {
        let log = try Fixtures.read("keras/old_names.csv")
        #expect(log.series.map(\.originalName) == ["acc", "loss", "lr", "val_acc", "val_loss"])
        #expect(log.series.map(\.canonicalName) == ["accuracy", "loss", "lr", "val_accuracy", "val_loss"])
        // NA: no value in epoch 3 (the line joins epochs 2 and 4); nan and inf: gaps, counted.
        #expect(log.epochs("val_accuracy") == [1, 2, 4])
        #expect(same(log.values("loss"), [0.5123, 0.3802, .nan, 0.2711]))
        #expect(same(log.values("val_loss"), [0.4511, 0.332, .nan]))
        #expect(log.series(named: "loss")?.segments.map { $0.map(\.epoch) } == [[1, 2], [4]])
        #expect(
            log.warnings == [
                "NaN or infinite values (shown as gaps) in 'loss': 1",
                "NaN or infinite values (shown as gaps) in 'val_loss': 1",
            ])
    }

    @Test func customSeparatorIsDetected() throws {
        let log = try Fixtures.read("keras/semicolon.csv")
        #expect(log.format == .kerasCSV)
        #expect(log.values("loss") == [1.0, 0.5, 0.3333333333333333])
        #expect(log.series(named: "val_loss") == nil, "a column of NA only has no points")
    }

    @Test func resumedRunKeepsTheLaterRowOfARepeatedEpoch() throws {
        let log = try Fixtures.read("keras/appended.csv")
        #expect(log.epochs("loss") == [1, 2, 3, 4, 5])
        #expect(log.values("loss") == [0.9, 0.7, 0.45, 0.35, 0.25])
        #expect(log.warnings.contains("repeated epochs in 'loss' (the later value kept): 1"))
    }

    @Test func unknownColumnsAreKeptAndTextColumnsSkipped() throws {
        let url = try Fixtures.temporaryFile(
            "log.csv", "epoch,loss,note,top5_acc\r\n0,0.5,warmup,0.9\r\n1,0.4,,0.95\r\n")
        let log = try LogReader.read(url).logs[0]
        #expect(log.format == .kerasCSV)
        #expect(log.values("top5_acc") == [0.9, 0.95])
        #expect(log.series(named: "top5_acc")?.goal == .maximize)
        #expect(log.warnings == ["column \"note\" holds no numbers: skipped"])
    }

    @Test func repeatedHeaderIsSkippedAndCounted() throws {
        let url = try Fixtures.temporaryFile("log.csv", "epoch,loss\r\n0,0.5\r\nepoch,loss\r\n1,0.4\r\n")
        let log = try LogReader.read(url).logs[0]
        #expect(log.values("loss") == [0.5, 0.4])
        #expect(log.warnings == ["repeated header lines skipped: 1"])
    }

    @Test func quotedFieldsFollowPythonsCSVModule() throws {
        let url = try Fixtures.temporaryFile(
            "log.csv", "epoch,\"a,b\",loss\r\n0,\"[1, 2]\",0.5\r\n1,\"[3, 4]\",\"0.25\"\r\n")
        let log = try LogReader.read(url).logs[0]
        #expect(log.values("loss") == [0.5, 0.25])
        #expect(log.warnings == ["column \"a,b\" holds no numbers: skipped"])
    }

    @Test func partialLastRowIsAWarning() throws {
        let url = try Fixtures.temporaryFile("log.csv", "epoch,loss,val_loss\r\n0,0.5,0.6\r\n1,0.4")
        let log = try LogReader.read(url).logs[0]
        #expect(log.values("loss") == [0.5])
        #expect(log.warnings == ["the last line is incomplete (the run may still be writing): skipped"])
    }

    @Test func mismatchedFieldCountNamesTheLine() {
        let text = "epoch,loss,val_loss\r\n0,0.5,0.6\r\n1,0.4\r\n2,0.3,0.2\r\n"
        #expect(
            throws: MetricLogError.malformed(
                path: "/tmp/x.csv", location: .line(3, column: nil), expected: "3 fields (epoch,loss,val_loss)",
                found: "2 fields")
        ) {
            try LogReader.parse(Array(text.utf8), format: .kerasCSV, source: URL(fileURLWithPath: "/tmp/x.csv"))
        }
    }

    @Test func textInANumericColumnNamesLineAndColumn() {
        let text = "epoch,loss\n0,0.5\n1,oops\n"
        #expect(
            throws: MetricLogError.malformed(
                path: "/tmp/x.csv", location: .line(3, column: 2),
                expected: "a number, NA or an empty cell in column \"loss\"",
                found: "\"oops\"")
        ) {
            try LogReader.parse(Array(text.utf8), format: .kerasCSV, source: URL(fileURLWithPath: "/tmp/x.csv"))
        }
    }

    @Test func aBadEpochCellIsAnError() {
        let text = "epoch,loss\n0,0.5\n-1,0.4\n"
        #expect(throws: MetricLogError.self) {
            try LogReader.parse(Array(text.utf8), format: .kerasCSV, source: URL(fileURLWithPath: "/tmp/x.csv"))
        }
    }
}
