import Foundation
import Testing

@testable import Metrics

/// Replays Tests/Fixtures/fuzz/<target>/: hand-made hostile inputs and every crasher the
/// fuzzers (scripts/fuzz-metrics.sh) found. `error-*` files must end in a thrown
/// ``MetricLogError``, `ok-*` files in a log; none may trap or hang.
@Suite struct FuzzRegressionTests {
    static let targets: [(folder: String, format: LogFormat, fileName: String)] = [
        ("jsonl", .nnreport, "metrics.jsonl"), ("keras", .kerasCSV, "training.csv"),
        ("lightning", .lightningCSV, "metrics.csv"), ("tensorboard", .tensorBoard, "events.out.tfevents.fuzz"),
    ]

    @Test(arguments: targets.map(\.folder))
    func replay(folder: String) throws {
        let target = try #require(Self.targets.first { $0.folder == folder })
        let directory = Fixtures.url("fuzz/\(folder)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let bytes = try Array(Data(contentsOf: directory.appendingPathComponent(name)))
            let source = URL(fileURLWithPath: "/fuzz/" + target.fileName)
            let outcome = Result { () throws(MetricLogError) in
                try LogReader.parse(bytes, format: target.format, source: source)
            }
            _ = LogReader.detect(bytes, fileName: target.fileName)
            switch outcome {
            case .success(let log):
                _ = log.chartGroups()
                #expect(name.hasPrefix("ok-"), "\(folder)/\(name) was read, expected an error")
            case .failure(let error):
                #expect(name.hasPrefix("error-"), "\(folder)/\(name) failed: \(error)")
            }
        }
    }
}
