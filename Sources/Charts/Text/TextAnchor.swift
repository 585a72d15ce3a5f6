/// Which point of a text line its `position` names.
public struct TextAnchor: Hashable, Sendable {
    public enum Horizontal: Hashable, Sendable { case leading, center, trailing }
    public enum Vertical: Hashable, Sendable {
        /// The top of the font's ascent.
        case top
        /// Halfway between ascent and descent.
        case center
        case baseline
        /// The bottom of the font's descent.
        case bottom
    }

    public var horizontal: Horizontal
    public var vertical: Vertical

    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// Offset from the anchor point to the start of the baseline, before rotation.
    public func baselineOffset(for metrics: TextMetrics) -> Point {
        let dx: Double
        switch horizontal {
        case .leading: dx = 0
        case .center: dx = -metrics.width / 2
        case .trailing: dx = -metrics.width
        }
        let dy: Double
        switch vertical {
        case .top: dy = metrics.ascent
        case .center: dy = (metrics.ascent - metrics.descent) / 2
        case .baseline: dy = 0
        case .bottom: dy = -metrics.descent
        }
        return Point(x: dx, y: dy)
    }
}
