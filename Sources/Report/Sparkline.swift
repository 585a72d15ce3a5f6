/// A Unicode sparkline: a series as a row of block characters ▁▂▃▄▅▆▇█.
///
/// Used where images cannot go (GitHub job summaries). Long series are averaged into at most
/// `width` buckets; non-finite values become a space (a gap).
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public static func render(_ values: [Double], width: Int = 40) -> String {
        precondition(width > 0, "sparkline width must be positive, got \(width)")
        guard !values.isEmpty else { return "" }
        let buckets = min(width, values.count)
        var reduced: [Double] = []
        reduced.reserveCapacity(buckets)
        for b in 0..<buckets {
            let lo = b * values.count / buckets
            let hi = max(lo + 1, (b + 1) * values.count / buckets)
            let finite = values[lo..<hi].filter(\.isFinite)
            reduced.append(finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count))
        }
        let finite = reduced.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return String(repeating: " ", count: buckets) }
        return String(
            reduced.map { v -> Character in
                guard v.isFinite else { return " " }
                guard high > low else { return blocks[3] }
                // In halves when `high - low` overflows (values from -1e308 to 1e308).
                let fraction =
                    (high - low).isFinite ? (v - low) / (high - low) : (v / 2 - low / 2) / (high / 2 - low / 2)
                let level = Int((fraction * Double(blocks.count - 1)).rounded())
                return blocks[min(max(level, 0), blocks.count - 1)]
            })
    }
}
