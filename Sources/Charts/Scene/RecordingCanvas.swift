/// A canvas that records every call, for tests (like swift-nio's EmbeddedChannel or plotters'
/// MockedBackend): draw a scene into it and assert on what arrived.
public struct RecordingCanvas: Canvas {
    public enum Command: Hashable, Sendable {
        case fill(Path, Color, clip: Rect?)
        case stroke(Path, StrokeStyle, clip: Rect?)
        case text(TextItem, clip: Rect?)
        case image(RasterImage, Rect, ImageInterpolation, clip: Rect?)
    }

    public private(set) var commands: [Command] = []
    private var clips: [Rect] = []

    public init() {}

    /// The clip rectangle in force (the intersection of every pushed clip), nil for none.
    public var currentClip: Rect? {
        guard var clip = clips.first else { return nil }
        for rect in clips.dropFirst() {
            let x0 = max(clip.minX, rect.minX), y0 = max(clip.minY, rect.minY)
            let x1 = min(clip.maxX, rect.maxX), y1 = min(clip.maxY, rect.maxY)
            clip = Rect(x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0))
        }
        return clip
    }

    /// How many clips are pushed and not yet popped.
    public var clipDepth: Int { clips.count }

    public var texts: [TextItem] {
        commands.compactMap { if case .text(let t, _) = $0 { return t } else { return nil } }
    }

    public mutating func fill(_ path: Path, color: Color) {
        commands.append(.fill(path, color, clip: currentClip))
    }

    public mutating func stroke(_ path: Path, style: StrokeStyle) {
        commands.append(.stroke(path, style, clip: currentClip))
    }

    public mutating func draw(_ text: TextItem) {
        commands.append(.text(text, clip: currentClip))
    }

    public mutating func draw(_ image: RasterImage, in rect: Rect, interpolation: ImageInterpolation) {
        commands.append(.image(image, rect, interpolation, clip: currentClip))
    }

    public mutating func pushClip(_ rect: Rect) {
        clips.append(rect)
    }

    public mutating func popClip() {
        precondition(!clips.isEmpty, "popClip without a matching pushClip")
        clips.removeLast()
    }
}
