/// One drawing instruction of a built scene, tagged with what it shows.
public struct SceneItem: Hashable, Sendable {
    public enum Primitive: Hashable, Sendable {
        case fill(Path, Color)
        case stroke(Path, StrokeStyle)
        case text(TextItem)
        case image(RasterImage, Rect, ImageInterpolation)
        case pushClip(Rect)
        case popClip
    }

    /// What an item shows; tests use it to check, for example, that data stays in the plot.
    public enum Role: Hashable, Sendable {
        case background
        case grid
        /// Lines, markers, bands, bars, cells and image tiles: the data itself.
        case data
        case axis
        /// Vertical markers and their labels.
        case annotation
        case legend
        /// Titles, axis labels, tick labels and captions.
        case label
        case clip
    }

    public var primitive: Primitive
    public var role: Role
    /// Index into `Scene.panels` of the panel that drew the item, nil for figure-level items.
    public var panel: Int?

    public init(_ primitive: Primitive, role: Role, panel: Int?) {
        self.primitive = primitive
        self.role = role
        self.panel = panel
    }
}
