/// The font a text item asks for: the renderer maps the weight to a concrete font file.
public struct FontSpec: Hashable, Sendable {
    public enum Weight: Hashable, Sendable { case regular, bold }

    /// Size in figure units (points at scale 1).
    public var size: Double
    public var weight: Weight

    public init(size: Double, weight: Weight = .regular) {
        precondition(size > 0 && size.isFinite, "font size must be positive, got \(size)")
        self.size = size
        self.weight = weight
    }

    /// The same font at another size.
    public func withSize(_ size: Double) -> FontSpec { FontSpec(size: size, weight: weight) }
}
