/// Counts the things a reader skipped or repaired, so that a log with 10,000 NaN values gives
/// one warning ("NaN or infinite values (shown as gaps) in 'loss': 10000"), not 10,000.
struct WarningTally: Sendable {
    private var counts: [String: Int] = [:]
    private var order: [String] = []
    private var notes: [String] = []

    /// Counts one more (or `count` more) of `what`.
    mutating func add(_ what: String, count: Int = 1) {
        guard count > 0 else { return }
        if counts[what] == nil { order.append(what) }
        counts[what, default: 0] += count
    }

    /// A warning that stands alone (no count), such as a partial last line with its position.
    mutating func note(_ message: String) {
        if !notes.contains(message) { notes.append(message) }
    }

    var isEmpty: Bool { order.isEmpty && notes.isEmpty }

    /// Counted warnings as "what: count", then notes, in the order first seen.
    var messages: [String] {
        order.map { "\($0): \(counts[$0] ?? 0)" } + notes
    }
}
