/// A drawing surface: the only thing a built `Scene` needs to become pixels or vectors.
///
/// Coordinates are figure units with the origin at the top-left and y growing downwards.
/// Implementations report failures (for example a Cairo status) when they finish, so the
/// drawing calls themselves do not throw.
public protocol Canvas {
    /// Fills the interior of `path` (non-zero winding).
    mutating func fill(_ path: Path, color: Color)
    /// Draws the outline of `path`.
    mutating func stroke(_ path: Path, style: StrokeStyle)
    /// Draws one line of text placed and rotated as `text` describes.
    mutating func draw(_ text: TextItem)
    /// Draws `image` stretched to fill `rect`.
    mutating func draw(_ image: RasterImage, in rect: Rect, interpolation: ImageInterpolation)
    /// Restricts further drawing to `rect` intersected with the current clip, until `popClip`.
    mutating func pushClip(_ rect: Rect)
    /// Restores the clip in force before the matching `pushClip`.
    mutating func popClip()
}
