import Foundation
import Testing
import TestSupport

@testable import Metrics

/// The committed log fixtures (Tests/Fixtures, made by scripts/make-fixtures/make_fixtures.py).
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MetricsTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures")

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Reads a fixture expecting exactly one run.
    static func read(_ relative: String, format: LogFormat? = nil, x: String? = nil) throws -> MetricLog {
        let logs = try LogReader.read(url(relative), format: format, x: x).logs
        try #require(logs.count == 1, "expected one run in \(relative), got \(logs.count)")
        return logs[0]
    }

    /// Writes `text` to a fresh temporary file named `name` and returns its URL.
    static func temporaryFile(_ name: String, _ bytes: [UInt8], in folder: URL? = nil) throws -> URL {
        let folder = try folder ?? makeTemporaryFolder()
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url
    }

    static func temporaryFile(_ name: String, _ text: String, in folder: URL? = nil) throws -> URL {
        try temporaryFile(name, Array(text.utf8), in: folder)
    }

    static func makeTemporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnreport-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension MetricLog {
    /// Values of the series with this canonical name and cadence, gaps as NaN.
    func values(_ canonical: String, _ cadence: MetricCadence? = nil) -> [Double] {
        series(named: canonical, cadence: cadence)?.points.map(\.value) ?? []
    }

    func epochs(_ canonical: String, _ cadence: MetricCadence? = nil) -> [Double?] {
        series(named: canonical, cadence: cadence)?.points.map(\.epoch) ?? []
    }

    func steps(_ canonical: String, _ cadence: MetricCadence? = nil) -> [Int?] {
        series(named: canonical, cadence: cadence)?.points.map(\.step) ?? []
    }
}

/// Element-wise equality with NaN equal to NaN and a relative tolerance.
func same(_ a: [Double], _ b: [Double], tolerance: Double = 1e-12) -> Bool {
    a.count == b.count
        && zip(a, b).allSatisfy { x, y in
            (x.isNaN && y.isNaN) || isClose(x, y, relative: tolerance)
        }
}
