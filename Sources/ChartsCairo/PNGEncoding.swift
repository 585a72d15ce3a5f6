/// How PNG pixels are compressed: encoding, not drawing, dominates the time a figure takes.
public struct PNGEncoding: Hashable, Sendable {
    /// The per-row prediction filter.
    public enum Filter: Hashable, Sendable {
        case none, sub, up, average, paeth
        /// libpng tries every filter per row and keeps the best: smallest files, slowest.
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

    /// The default for figures: chosen with scripts/bench-render.sh on the report's figures,
    /// see PNGEncoding+Choice in the docs of `FigureRenderer`.
    public static let figures = PNGEncoding(level: 6, filter: .sub)
    /// Smallest files for archiving, several times slower.
    public static let smallest = PNGEncoding(level: 9, filter: .adaptive)
}
