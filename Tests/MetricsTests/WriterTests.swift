import Foundation
import Testing

@testable import Metrics

@Suite struct JSONLWriterTests {
    static let events: [MetricEvent] = [
        .run(
            RunStart(
                time: 1_700_000_000,
                config: ["dataset": "mnist", "optimizer": ["name": "adam", "lr": 0.001], "hidden": [256, 128]])),
        .step(StepRecord(epoch: 1, step: 100, loss: 0.9, lr: 0.001)),
        .step(StepRecord(epoch: 1, step: 200, loss: 0.5, lr: 0.001)),
        .epoch(
            EpochRecord(epoch: 1, loss: 0.6, accuracy: 0.82, valLoss: 0.45, valAccuracy: 0.87, lr: 0.001, seconds: 1.5)),
        .step(StepRecord(epoch: 2, step: 300, loss: .nan, lr: 0.001)),
        .step(StepRecord(epoch: 2, step: 400, loss: 0.3, lr: 0.0005)),
        .epoch(
            EpochRecord(epoch: 2, loss: 0.35, accuracy: 0.9, valLoss: 0.31, valAccuracy: 0.91, lr: 0.0005, seconds: 1.4)
        ),
        .test(TestRecord(loss: 0.29, accuracy: 0.915)),
        .end(RunEnd(status: .completed, time: 1_700_000_010)),
    ]

    @Test func roundTripsThroughTheReader() throws {
        let folder = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("metrics.jsonl")
        let writer = try JSONLWriter(url: url)
        for event in Self.events { try writer.receive(event) }
        try writer.close()

        let logs = try LogReader.read(folder).logs
        try #require(logs.count == 1)
        let log = logs[0]
        #expect(log.format == .nnreport)
        #expect(log.runName == folder.lastPathComponent)
        #expect(log.warnings == ["NaN or infinite values (shown as gaps) in 'loss': 1"])
        #expect(same(log.values("loss", .step), [0.9, 0.5, .nan, 0.3]))
        #expect(log.steps("loss", .step) == [100, 200, 300, 400])
        #expect(log.epochs("loss", .step) == [1, 1, 2, 2])
        #expect(log.values("loss", .epoch) == [0.6, 0.35])
        #expect(log.epochs("val_accuracy") == [1, 2])
        #expect(log.values("lr", .step) == [0.001, 0.001, 0.001, 0.0005])
        #expect(log.series(named: "seconds") == nil, "wall-clock fields are not metrics")
        #expect(log.testResults == [NamedValue(name: "loss", value: 0.29), NamedValue(name: "accuracy", value: 0.915)])
        #expect(log.status == "completed")
        #expect(log.hyperparameter("optimizer.lr") == 0.001)
        #expect(log.hyperparameters.map(\.name) == ["dataset", "optimizer.name", "optimizer.lr", "hidden"])
    }

    @Test func everyEventIsReadableWhileTheWriterIsOpen() throws {
        let folder = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("metrics.jsonl")
        let writer = try JSONLWriter(url: url)
        for (count, event) in Self.events.enumerated() {
            try writer.receive(event)
            // Another reader of the file, with the writer still open and nothing closed or flushed by hand.
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.split(separator: "\n").count == count + 1)
            #expect(text.hasSuffix(event.jsonLine + "\n"))
        }
        let live = try LogReader.read(url).logs[0]
        #expect(live.status == "completed")
        try writer.close()
    }

    @Test func appendKeepsEarlierLines() throws {
        let folder = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("metrics.jsonl")
        try JSONLWriter(url: url).write(Self.events[0])
        let again = try JSONLWriter(url: url, append: true)
        try again.write(Self.events[1])
        try again.close()
        #expect(
            try String(contentsOf: url, encoding: .utf8) == Self.events[0].jsonLine + "\n" + Self.events[1].jsonLine
                + "\n")
    }

    @Test func aFullDiskIsATypedErrorNamingTheFile() throws {
        // /dev/full accepts open() and fails every write with ENOSPC.
        let writer = try JSONLWriter(url: URL(fileURLWithPath: "/dev/full"), append: true)
        #expect(throws: MetricWriteError.writeFailed(path: "/dev/full", reason: "No space left on device")) {
            try writer.write(Self.events[1])
        }
    }

    @Test func aMissingFolderIsATypedErrorNamingThePath() {
        let path = "/nonexistent-nnreport-folder/metrics.jsonl"
        #expect(throws: MetricWriteError.cannotOpen(path: path, reason: "No such file or directory")) {
            _ = try JSONLWriter(url: URL(fileURLWithPath: path))
        }
    }

    @Test func writingAfterCloseIsAnError() throws {
        let folder = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = try JSONLWriter(url: folder.appendingPathComponent("m.jsonl"))
        try writer.close()
        #expect(throws: MetricWriteError.self) { try writer.write(Self.events[0]) }
    }
}

@Suite struct KerasCSVWriterTests {
    @Test func writesKerasColumnsRowsAndLineEnds() throws {
        let folder = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("metrics.csv")
        let writer = try KerasCSVWriter(url: url)
        for event in JSONLWriterTests.events { try writer.receive(event) }
        try writer.receive(
            .epoch(
                EpochRecord(epoch: 3, loss: .nan, accuracy: 0.3, valLoss: nil, valAccuracy: nil, lr: nil, seconds: 1)))
        try writer.close()
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(
            text == "epoch,accuracy,loss,lr,val_accuracy,val_loss\r\n" + "0,0.82,0.6,0.001,0.87,0.45\r\n"
                + "1,0.9,0.35,0.0005,0.91,0.31\r\n" + "2,0.3,nan,NA,NA,NA\r\n")

        // And the Keras reader reads it back, epochs 1-based.
        let log = try LogReader.read(url).logs[0]
        #expect(log.format == .kerasCSV)
        #expect(log.values("val_loss") == [0.45, 0.31])
        #expect(log.epochs("accuracy") == [1, 2, 3])
        #expect(log.warnings == ["NaN or infinite values (shown as gaps) in 'loss': 1"])
    }

    @Test func withoutValidationThereAreNoValidationColumns() throws {
        let folder = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("metrics.csv")
        let writer = try KerasCSVWriter(url: url, separator: ";")
        try writer.write(
            EpochRecord(epoch: 1, loss: 1e-05, accuracy: 1, valLoss: nil, valAccuracy: nil, lr: nil, seconds: 0))
        #expect(try String(contentsOf: url, encoding: .utf8) == "epoch;accuracy;loss\r\n0;1.0;1e-05\r\n")
    }

    @Test(arguments: [
        (0.35, "0.35"), (1e-05, "1e-05"), (0.0001, "0.0001"), (100.0, "100.0"), (1e15, "1000000000000000.0"),
        (1e16, "1e+16"), (9007199254740993.0, "9007199254740992.0"), (1.2345678901234567e17, "1.2345678901234566e+17"),
        (123456789012345680.0, "1.2345678901234568e+17"),
        (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"), (-0.0, "-0.0"),
        (0.1 + 0.2, "0.30000000000000004"), (1e22, "1e+22"), (0.30000001192092896, "0.30000001192092896"),
        (2.5e-5, "2.5e-05"), (1234567890123456.7, "1234567890123456.8"), (-1.5, "-1.5"), (0.0, "0.0"),
        (Double.nan, "nan"), (Double.infinity, "inf"), (-Double.infinity, "-inf"),
    ])
    func floatsAreWrittenAsPythonRepr(value: Double, python: String) {
        // Expected strings are Python 3's repr() of the same doubles.
        #expect(PythonFloatFormat.repr(value) == python)
    }
}

@Suite struct InMemoryLogTests {
    @Test func eventsInMemoryGiveTheSameLogAsTheirFile() throws {
        let folder = try Fixtures.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("metrics.jsonl")
        let writer = try JSONLWriter(url: url)
        let recorder = MetricRecorder()
        let fanOut = MetricFanOut([writer, recorder])
        for event in JSONLWriterTests.events { try fanOut.receive(event) }
        try writer.close()
        let fromFile = try LogReader.read(url).logs[0]
        let fromMemory = MetricLog(events: recorder.events, source: url, runName: fromFile.runName)
        #expect(fromMemory == fromFile)
    }
}
