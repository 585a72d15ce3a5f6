import Foundation
import SwiftProtobuf
import Testing
import TestSupport

@testable import Metrics

@Suite struct TensorBoardReaderTests {
    @Test func simpleValuesWithOtherKindsSkippedAndCounted() throws {
        let log = try Fixtures.read("tensorboard/simple")
        #expect(log.format == .tensorBoard)
        #expect(log.runName == "simple")
        let loss = try #require(log.series(named: "loss"))
        #expect(loss.originalName == "Loss/train")
        #expect(loss.cadence == .step)
        #expect(loss.points.map(\.step) == Array(1...11))
        #expect(loss.points[3].value == Double(Float(0.25)))
        #expect(loss.points.last?.value.isNaN == true)
        #expect(log.series(named: "val_loss")?.originalName == "Loss/val")
        #expect(log.steps("val_accuracy") == [2, 4, 6, 8, 10])
        #expect(
            log.warnings == [
                "image summaries skipped: 1", "histogram summaries skipped: 1",
                "NaN or infinite values (shown as gaps) in 'Loss/train': 1",
            ])
    }

    @Test(arguments: ["tensor_content", "typed_vals"])
    func rankZeroTensorsInEveryEncoding(folder: String) throws {
        // tensor_content: float32 bytes for loss, float64 bytes for val_loss;
        // typed_vals: float_val for loss, double_val for val_loss.
        let log = try Fixtures.read("tensorboard/\(folder)")
        #expect(log.values("loss") == [2.0, 1.75, 1.5, 1.25, 1.0])
        #expect(log.values("val_loss") == [2.5, 2.25, 2.0, 1.75, 1.5])
        #expect(log.steps("loss") == [0, 1, 2, 3, 4])
        #expect(log.warnings.isEmpty)
    }

    @Test func kerasTrainAndValidationFoldersArePaired() throws {
        let log = try Fixtures.read("tensorboard/keras_run")
        #expect(log.runName == "keras_run")
        let groups = log.chartGroups()
        #expect(groups.map(\.quantity) == ["loss", "accuracy", "lr"])
        let loss = groups[0]
        #expect(loss.xAxis == .epoch)
        #expect(
            loss.lines.map(\.series.originalName) == [
                "train/epoch_loss", "validation/epoch_loss", "validation/evaluation_loss_vs_iterations",
            ])
        #expect(loss.lines.map(\.split) == [.train, .validation, .validation])
        #expect(loss.lines[0].points.map(\.x) == [1, 2, 3, 4], "epoch_* at step = 0-based epoch")
        #expect(loss.lines[1].points[0].y == Double(Float(0.9)))
        // Keras's evaluation loss is logged at each epoch's end, at step = iterations so far:
        // it marks where epochs end, and is drawn faintly at those ends.
        let iterations = try #require(log.series(named: "val_loss", cadence: .step))
        #expect(iterations.originalName == "validation/evaluation_loss_vs_iterations")
        #expect(iterations.points.map(\.step) == [10, 20, 30, 40])
        #expect(iterations.points.map(\.epoch) == [1, 2, 3, 4])
        #expect(loss.lines[2].isBackground)
        #expect(loss.lines[2].points.map(\.x) == [1, 2, 3, 4])
    }

    @Test func aTruncatedLastRecordIsAWarningNotAnError() throws {
        let log = try Fixtures.read("tensorboard/truncated")
        #expect(log.values("val_accuracy").count == 5)
        #expect(
            log.warnings.last
                == "events.out.tfevents.1700000000.fixture: the last 17 bytes are an incomplete record (the file may still be written): ignored"
        )
    }

    @Test func aDataCRCMismatchSkipsThatRecordAndNamesIt() throws {
        let log = try Fixtures.read("tensorboard/bad_data_crc")
        #expect(log.steps("val_loss") == [4, 6, 8, 10], "the record of step 2 was the corrupt one")
        #expect(
            log.warnings.contains(
                "records with a bad data CRC skipped (first: record 3 at byte 136 of events.out.tfevents.1700000000.fixture): 1"
            ))
    }

    @Test func aLengthCRCMismatchIsAnErrorNamingRecordAndOffset() {
        let file = Fixtures.url("tensorboard/bad_length_crc/events.out.tfevents.1700000000.fixture")
        #expect(
            throws: MetricLogError.corruptRecord(
                path: file.path, record: 5, byteOffset: 232,
                reason: "the CRC of its length field does not match (length field reads 288)")
        ) {
            try LogReader.read(file).logs
        }
    }

    @Test func aLyingLengthIsBoundedByTheFileSize() throws {
        // A valid header claiming 2^60 bytes: never allocated, treated as a record still being written.
        var length = [UInt8](repeating: 0, count: 8)
        length[7] = 0x10
        let header = length + le32(CRC32C.mask(CRC32C.checksum(length)))
        let bytes = try Array(
            Data(contentsOf: Fixtures.url("tensorboard/typed_vals/events.out.tfevents.1700000000.fixture")))
        let log = try LogReader.parse(
            bytes + header + [1, 2, 3], format: .tensorBoard, source: URL(fileURLWithPath: "/tmp/events.out.tfevents.x")
        )
        #expect(log.values("loss").count == 5)
        #expect(
            log.warnings == [
                "events.out.tfevents.x: the last 15 bytes are an incomplete record (the file may still be written): ignored"
            ])
    }

    @Test func aRecordThatIsNotAnEventIsSkippedAndCounted() throws {
        let garbage: [UInt8] = [0xFF, 0xFF, 0xFF]  // an invalid protobuf tag
        let record =
            le64(UInt64(garbage.count)) + le32(CRC32C.mask(CRC32C.checksum(le64(UInt64(garbage.count)))))
            + garbage + le32(CRC32C.mask(CRC32C.checksum(garbage)))
        let bytes = try Array(
            Data(contentsOf: Fixtures.url("tensorboard/typed_vals/events.out.tfevents.1700000000.fixture")))
        let log = try LogReader.parse(record + bytes, format: .tensorBoard, source: URL(fileURLWithPath: "/tmp/e"))
        #expect(log.values("loss").count == 5)
        #expect(log.warnings == ["records that are not TensorBoard Event protobufs skipped: 1"])
    }

    @Test func aFileWithoutScalarsSaysWhatItHeld() throws {
        let bytes = try Array(
            Data(contentsOf: Fixtures.url("tensorboard/simple/events.out.tfevents.1700000000.fixture")))
        let offsets = recordOffsets(bytes)
        // Keep the file-version record and the image and histogram records (the last two).
        let kept = Array(bytes[0..<offsets[1]]) + Array(bytes[offsets[offsets.count - 2]...])
        #expect(
            throws: MetricLogError.noMetrics(
                path: "/tmp/e", format: .tensorBoard,
                reason: "3 records, no scalar summaries (image summaries skipped: 1; histogram summaries skipped: 1)")
        ) {
            try LogReader.parse(kept, format: .tensorBoard, source: URL(fileURLWithPath: "/tmp/e"))
        }
    }

    @Test func halfAndBfloat16AndIntegerTensors() {
        var tensor = Tensorboard_TensorProto()
        tensor.dtype = .dtHalf
        tensor.halfVal = [0x3C00]  // 1.0
        #expect(TensorBoardReader.scalar(of: tensor) == 1.0)
        tensor.halfVal = [0xC000]  // -2.0
        #expect(TensorBoardReader.scalar(of: tensor) == -2.0)
        tensor.dtype = .dtBfloat16
        tensor.halfVal = [0x3FC0]  // 1.5
        #expect(TensorBoardReader.scalar(of: tensor) == 1.5)
        tensor = Tensorboard_TensorProto()
        tensor.dtype = .dtInt64
        tensor.int64Val = [42]
        #expect(TensorBoardReader.scalar(of: tensor) == 42)
        tensor.tensorShape.dim = [.with { $0.size = 2 }]
        #expect(TensorBoardReader.scalar(of: tensor) == nil, "two elements are not a scalar")
        #expect(TensorBoardReader.halfToDouble(0x0001) == 0x1p-24)
        #expect(TensorBoardReader.halfToDouble(0x7C00) == .infinity)
    }
}

@Suite struct CRC32CTests {
    @Test func knownVectors() {
        // RFC 3720 (iSCSI) test vectors and the classic "123456789" check value.
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map(UInt8.init)) == 0x46DD_794E)
        #expect(CRC32C.checksum([]) == 0)
    }

    @Test func slicingBy8AgreesWithBytewiseForEveryLength() {
        var rng = TestRandom(seed: 11)
        let data = (0..<300).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        for length in 0...data.count {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in data[..<length] { crc = (crc >> 8) ^ CRC32C.tables[0][Int((crc ^ UInt32(byte)) & 0xFF)] }
            #expect(CRC32C.checksum(Array(data[..<length])) == ~crc)
        }
    }
}

func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
func le64(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }

/// Offsets of the records of a well-formed TFRecord file.
func recordOffsets(_ bytes: [UInt8]) -> [Int] {
    var offsets: [Int] = []
    var offset = 0
    while offset + 12 <= bytes.count {
        offsets.append(offset)
        let length = (0..<8).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        offset += 16 + length
    }
    return offsets
}

@Suite struct TensorBoardSingleFileTests {
    @Test func aValidationEventFileReadAloneKeepsItsSplit() throws {
        let log = try Fixtures.read("tensorboard/keras_run/validation/events.out.tfevents.1700000000.fixture")
        #expect(log.runName == "keras_run")
        #expect(log.series.map(\.canonicalName) == ["val_loss", "val_accuracy", "val_loss"])
        #expect(log.series(named: "val_loss", cadence: .epoch)?.originalName == "validation/epoch_loss")
    }
}

@Suite struct ScalarEventDecoderTests {
    /// Every event file under Tests/Fixtures.
    static func eventFiles() throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: Fixtures.root, includingPropertiesForKeys: nil)!
        return enumerator.compactMap { $0 as? URL }.filter {
            TensorBoardReader.isEventFileName($0.lastPathComponent) && !$0.path.contains("/fuzz/")
        }.sorted { $0.path < $1.path }
    }

    @Test func decodesEveryFixtureRecordAsSwiftProtobufDoes() throws {
        var fast = 0
        for url in try Self.eventFiles() where !url.path.contains("bad_length_crc") {
            var scanner = TFRecordScanner(source: try ByteSource(file: url))
            while let record = try scanner.next() {
                guard let decoded = record.data.withUnsafeBytes(ScalarEventDecoder.decode) else { continue }
                fast += 1
                let event = try Tensorboard_Event(serializedBytes: record.data)
                #expect(event.step == decoded.step, "\(url.lastPathComponent) record \(record.index)")
                guard case .summary(let summary)? = event.what else {
                    Issue.record("a record decoded as scalars has no summary")
                    continue
                }
                let reference = summary.value.map { value -> ScalarEventDecoder.Scalar? in
                    guard case .simpleValue(let number)? = value.value else { return nil }
                    return ScalarEventDecoder.Scalar(tag: value.tag, value: number)
                }
                #expect(reference.map { $0?.value.bitPattern } == decoded.scalars.map { $0.value.bitPattern })
                #expect(reference.map { $0?.tag } == decoded.scalars.map(\.tag))
            }
        }
        #expect(fast > 100, "the fixtures hold simple_value scalars (\(fast) records decoded fast)")
    }

    @Test func otherShapesAndDamagedBytesAreLeftToSwiftProtobuf() {
        // A file_version record, a truncated varint, a tag without a value, a repeated summary.
        let cases: [[UInt8]] = [
            [0x1A, 0x03, 0x61, 0x62, 0x63],
            [0x10, 0x80],
            [0x2A, 0x05, 0x0A, 0x03, 0x0A, 0x01, 0x61],
            [0x2A, 0x00, 0x2A, 0x00],
            [],
        ]
        for bytes in cases {
            #expect(bytes.withUnsafeBytes(ScalarEventDecoder.decode) == nil, "\(bytes)")
        }
    }
}
