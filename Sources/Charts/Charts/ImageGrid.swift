/// Small images in rows and columns, each with a caption: weight tiles, samples, predictions.
public struct ImageGrid: Hashable, Sendable {
    /// How tile values map onto the colour map.
    public enum Scaling: Hashable, Sendable {
        /// This fixed range for every tile (for example 0...255 for pixel bytes).
        case fixed(ClosedRange<Double>)
        /// One range spanning every tile's values.
        case shared
        /// One range symmetric about zero, ±(largest |value| over all tiles): for diverging maps.
        case sharedSymmetric
        /// Each tile spans its own values.
        case perTile
        /// Each tile symmetric about zero, ±(its own largest |value|): for diverging maps.
        case perTileSymmetric

        var isShared: Bool {
            switch self {
            case .fixed, .shared, .sharedSymmetric: true
            case .perTile, .perTileSymmetric: false
            }
        }
    }

    public var title: String?
    public var tiles: [ImageTile]
    public var columns: Int
    public var colorMap: ColorMap
    public var scaling: Scaling
    /// Largest edge of a tile in figure units; tiles shrink to fit the panel.
    public var maximumTileSize: Double
    public var spacing: Double
    /// A colour bar for shared scalings; ignored for per-tile ones, whose ranges differ.
    public var showsColorBar: Bool

    public init(
        title: String? = nil, tiles: [ImageTile], columns: Int, colorMap: ColorMap = .greyReversed,
        scaling: Scaling = .fixed(0...255), maximumTileSize: Double = 112, spacing: Double = 6,
        showsColorBar: Bool = false
    ) {
        precondition(columns > 0, "an image grid needs at least one column, got \(columns)")
        self.title = title
        self.tiles = tiles
        self.columns = columns
        self.colorMap = colorMap
        self.scaling = scaling
        self.maximumTileSize = maximumTileSize
        self.spacing = spacing
        self.showsColorBar = showsColorBar
    }

    /// The value range mapped onto the colour map for each tile.
    public func valueRanges() -> [ClosedRange<Double>] {
        func symmetric(_ r: ClosedRange<Double>) -> ClosedRange<Double> {
            let m = max(abs(r.lowerBound), abs(r.upperBound))
            return m > 0 ? -m...m : -1...1
        }
        func widened(_ r: ClosedRange<Double>) -> ClosedRange<Double> {
            r.lowerBound < r.upperBound ? r : Domain.widened(r.lowerBound)
        }
        switch scaling {
        case .fixed(let range):
            return Array(repeating: widened(range), count: tiles.count)
        case .shared, .sharedSymmetric:
            let ranges = tiles.map(\.finiteRange)
            let all = (ranges.map(\.lowerBound).min() ?? 0)...(ranges.map(\.upperBound).max() ?? 0)
            let range = scaling == .shared ? widened(all) : symmetric(all)
            return Array(repeating: range, count: tiles.count)
        case .perTile:
            return tiles.map { widened($0.finiteRange) }
        case .perTileSymmetric:
            return tiles.map { symmetric($0.finiteRange) }
        }
    }
}
