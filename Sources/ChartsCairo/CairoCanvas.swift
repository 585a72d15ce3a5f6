import Charts

/// A `Canvas` drawing through Cairo onto a raster, SVG or PDF surface.
final class CairoCanvas: Canvas {
    private let context: CairoContext
    private let fonts: FontSet
    private var firstError: RenderError?

    init(context: CairoContext, fonts: FontSet) {
        self.context = context
        self.fonts = fonts
    }

    func fill(_ path: Path, color: Color) {
        context.fill(path, color: color)
    }

    func stroke(_ path: Path, style: StrokeStyle) {
        context.stroke(path, style: style)
    }

    func draw(_ text: TextItem) {
        // The anchor offset comes from the metrics layout measured, so text lands exactly
        // where the scene reserved room for it.
        context.show(
            text.string, face: fonts.face(for: text.font.weight), size: text.font.size, color: text.color,
            pivot: text.position, angle: text.angle, origin: text.anchor.baselineOffset(for: text.metrics))
    }

    func draw(_ image: RasterImage, in rect: Rect, interpolation: ImageInterpolation) {
        do {
            try context.draw(image, in: rect, interpolation: interpolation)
        } catch {
            firstError = firstError ?? error
        }
    }

    func pushClip(_ rect: Rect) {
        context.pushClip(rect)
    }

    func popClip() {
        context.popClip()
    }

    /// Throws the first failure of any drawing call.
    func finish() throws(RenderError) {
        if let firstError { throw firstError }
        try context.checkStatus("drawing the figure")
    }
}
