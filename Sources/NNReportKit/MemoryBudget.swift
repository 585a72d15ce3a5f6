import Engine
import Foundation

/// How much memory nnreport lets its training runs take: three quarters of the machine's memory
/// (or of the container's limit, when a cgroup sets one), or `NNREPORT_MEMORY_LIMIT` when set
/// (`64GiB`, `512MiB`, or bytes). Configurations estimated above it are refused before training.
public struct MemoryBudget: Sendable, Equatable {
    /// The most the runs of one command may hold at once, in bytes.
    public var limit: Double
    /// Where the limit comes from, for the refusal: "75% of this machine's 23.5 GiB".
    public var source: String

    public static let fraction = 0.75
    public static let environmentVariable = "NNREPORT_MEMORY_LIMIT"

    public init(limit: Double, source: String) {
        self.limit = limit
        self.source = source
    }

    /// The budget of this process: `NNREPORT_MEMORY_LIMIT`, else 75% of the physical memory or
    /// of the cgroup's limit, whichever is smaller.
    ///
    /// - Throws: ``MemoryBudgetError/badLimit(_:)`` for an unreadable `NNREPORT_MEMORY_LIMIT`.
    public static func current(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(MemoryBudgetError) -> MemoryBudget {
        if let text = environment[environmentVariable] {
            guard let bytes = parseSize(text) else { throw .badLimit(text) }
            return MemoryBudget(limit: bytes, source: "\(environmentVariable)=\(text)")
        }
        let physical = Double(ProcessInfo.processInfo.physicalMemory)
        if let cgroup = cgroupLimit(), cgroup < physical {
            return MemoryBudget(
                limit: cgroup * fraction,
                source: "\(Int(fraction * 100))% of this container's memory limit of \(format(cgroup))")
        }
        return MemoryBudget(
            limit: physical * fraction,
            source: "\(Int(fraction * 100))% of this machine's \(format(physical)) of memory")
    }

    /// Refuses `estimate` (times `concurrent` runs at once) when it exceeds the budget.
    ///
    /// - Parameter what: the options that decide the size, for the message ("--hidden 65536,65536").
    public func check(_ estimate: MemoryEstimate, concurrent: Int = 1, what: String) throws(MemoryBudgetError) {
        let total = estimate.totalBytes * Double(concurrent)
        guard total > limit else { return }
        throw .tooLarge(estimate: estimate, concurrent: concurrent, options: what, budget: self)
    }

    /// `8GiB`, `512 MiB`, `2g`, `1e9`: bytes, with an optional binary (KiB, MiB, GiB, TiB) or
    /// short (k, m, g, t, also binary) unit.
    static func parseSize(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [
            ("tib", 0x1p40), ("gib", 0x1p30), ("mib", 0x1p20), ("kib", 0x1p10), ("t", 0x1p40), ("g", 0x1p30),
            ("m", 0x1p20), ("k", 0x1p10), ("b", 1),
        ]
        for (suffix, scale) in units where trimmed.hasSuffix(suffix) {
            let number = trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            guard let value = Double(number), value > 0, value.isFinite else { return nil }
            return value * scale
        }
        guard let value = Double(trimmed), value > 0, value.isFinite else { return nil }
        return value
    }

    /// The cgroup (v2, then v1) memory limit of this process, when one is set.
    static func cgroupLimit() -> Double? {
        for path in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                let value = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), value > 0
            else { continue }
            // "max" (v2) fails to parse; v1 reports "no limit" as a number near 2^63.
            if value < 0x1p60 { return value }
        }
        return nil
    }

    /// `17.4 GB` style, in binary units: "16.2 GiB", "512.0 MiB".
    static func format(_ bytes: Double) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = bytes
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(Int(value)) bytes" : String(format: "%.1f %@", value, units[unit])
    }
}
