import Foundation

/// Tiny IDX files built in memory, for tests that need a dataset without the real MNIST.
///
/// The bytes follow the IDX layout (big-endian magic `0x00000801` / `0x00000803`, big-endian
/// UInt32 dimensions, then unsigned bytes). Pixels and labels are a fixed function of the index,
/// so fixtures are the same on every run.
public enum DatasetsFixtures {
    /// An IDX file with any magic number and dimensions, and `payload` after the header
    /// (no consistency checks: malformed files are the point).
    public static func idx(magic: UInt32, dimensions: [UInt32], payload: [UInt8]) -> [UInt8] {
        var bytes = bigEndian(magic)
        for dimension in dimensions { bytes += bigEndian(dimension) }
        return bytes + payload
    }

    /// An idx3-ubyte file of `count` images of `rows` x `columns`; pixel `p` of image `i` is
    /// `(i * 31 + p * 7) % 256`.
    public static func images(count: Int, rows: Int = 4, columns: Int = 3) -> [UInt8] {
        idx(
            magic: 0x0000_0803, dimensions: [UInt32(count), UInt32(rows), UInt32(columns)],
            payload: pixels(count: count, rows: rows, columns: columns))
    }

    /// The pixels ``images(count:rows:columns:)`` writes.
    public static func pixels(count: Int, rows: Int = 4, columns: Int = 3) -> [UInt8] {
        let size = rows * columns
        return (0..<(count * size)).map { UInt8(truncatingIfNeeded: ($0 / size) * 31 + ($0 % size) * 7) }
    }

    /// An idx1-ubyte file holding `labels`.
    public static func labels(_ labels: [UInt8]) -> [UInt8] {
        idx(magic: 0x0000_0801, dimensions: [UInt32(labels.count)], payload: labels)
    }

    /// `count` labels cycling through `0..<classCount`, starting at `start`.
    public static func labelValues(count: Int, classCount: Int = 10, start: Int = 0) -> [UInt8] {
        (0..<count).map { UInt8((start + $0) % classCount) }
    }

    /// Writes `files` (name → bytes) into `folder`, creating it.
    public static func write(_ files: [String: [UInt8]], into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, bytes) in files {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
    }

    /// Every file below `folder` (relative paths, sorted), for asserting that nothing was left.
    public static func listing(of folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return (enumerator.allObjects as? [String] ?? []).sorted()
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }
}
