/// How PNG pixels are compressed: encoding, not drawing, dominates the time a figure takes.
public struct PNGEncoding: Hashable, Sendable {
    /// The per-row prediction filter.
    public enum Filter: Hashable, Sendable {
        case none, sub, up, average, paeth
        /// libpng picks a filter per row by a heuristic: good for photographs, slow, and worse
        /// than `.none` on charts.
        case adaptive
    }

    /// zlib's match-finding strategy.
    public enum Strategy: Hashable, Sendable {
        case `default`
        /// Tuned for filtered image rows.
        case filtered
        /// Only runs of repeated bytes: fast, and good on flat chart backgrounds.
        case runLength
    }

    /// zlib level 0 (store) to 9 (smallest).
    public var level: Int
    public var filter: Filter
    public var strategy: Strategy

    public init(level: Int, filter: Filter, strategy: Strategy = .default) {
        precondition((0...9).contains(level), "zlib level must be in 0...9, got \(level)")
        self.level = level
        self.filter = filter
        self.strategy = strategy
    }

    /// The default for figures: zlib level 2 without row filters.
    ///
    /// Chosen on the report's four benchmark figures (scripts/bench-render.sh, CPU time on
    /// this 2-core machine, scale 1): charts are flat colours with antialiased edges, which
    /// compress best unfiltered (filters turn the edges into noise). Level 2 takes 28 ms for
    /// the four figures (338 KB); level 6 takes 72 ms (281 KB); level 6 with the Sub filter
    /// 87 ms (387 KB); level 9 unfiltered 240 ms (263 KB); level 9 with adaptive filtering
    /// 526 ms (349 KB). Levels 4 and up switch zlib to lazy matching and cost twice as much for
    /// files 10-20% smaller.
    public static let figures = PNGEncoding(level: 2, filter: .none)
    /// Smallest files (level 9, unfiltered: 22% smaller than `figures`, eight times slower).
    public static let smallest = PNGEncoding(level: 9, filter: .none)
}
