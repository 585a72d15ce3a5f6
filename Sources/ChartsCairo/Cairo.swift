import CCairo
import Charts
import Foundation

// The only file that imports CCairo (cairo and FreeType): thin Swift wrappers that check every
// status and turn it into a `RenderError` carrying cairo_status_to_string's text.

/// Throws when `status` is not success.
private func check(_ status: cairo_status_t, _ operation: @autoclosure () -> String) throws(RenderError) {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    throw RenderError.cairo(operation: operation(), status: String(cString: cairo_status_to_string(status)))
}

// MARK: - Fonts

/// A font face loaded from a file through FreeType, usable by Cairo.
final class CairoFontFace: @unchecked Sendable {
    // @unchecked: the pointer is set once and never mutated; cairo reference-counts the face
    // and locks the underlying FT_Face itself while it uses it, so sharing across threads is safe.
    fileprivate let face: OpaquePointer

    fileprivate init(face: OpaquePointer) {
        self.face = face
    }

    /// The face for the font file at `path`, loaded once per process and kept for its lifetime
    /// (cairo's font caches may hold the face after any release of ours, so it is never freed).
    static func load(path: String) throws(RenderError) -> CairoFontFace {
        try FontFileCache.shared.face(at: path)
    }
}

/// The process-wide FreeType library and the faces loaded from it.
private final class FontFileCache: @unchecked Sendable {
    // @unchecked: every access to `library` and `faces` happens under `lock`.
    static let shared = FontFileCache()
    private let lock = NSLock()
    private var library: FT_Library?
    private var faces: [String: CairoFontFace] = [:]

    func face(at path: String) throws(RenderError) -> CairoFontFace {
        lock.lock()
        defer { lock.unlock() }
        if let face = faces[path] { return face }
        guard FileManager.default.fileExists(atPath: path) else { throw RenderError.fontMissing(path: path) }
        if library == nil {
            let error = FT_Init_FreeType(&library)
            guard error == 0, library != nil else { throw RenderError.fontUnreadable(path: path, freeTypeError: error) }
        }
        var ftFace: FT_Face?
        let error = FT_New_Face(library, path, 0, &ftFace)
        guard error == 0, let ftFace else { throw RenderError.fontUnreadable(path: path, freeTypeError: error) }
        // No hinting and no embedded bitmaps: glyph shapes and advances are the same at every
        // scale and on every machine.
        let loadFlags = Int32(FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP)
        guard let cairoFace = cairo_ft_font_face_create_for_ft_face(ftFace, loadFlags) else {
            throw RenderError.cairo(operation: "creating a font face for \(path)", status: "no face returned")
        }
        try check(cairo_font_face_status(cairoFace), "creating a font face for \(path)")
        let face = CairoFontFace(face: cairoFace)
        faces[path] = face
        return face
    }
}

/// Font options fixed for reproducible output: grey antialiasing, no hinting of outlines or
/// metrics, so text looks and measures the same at every scale and on every machine.
private func makeFontOptions() throws(RenderError) -> OpaquePointer {
    guard let options = cairo_font_options_create() else {
        throw RenderError.cairo(operation: "creating font options", status: "out of memory")
    }
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_subpixel_order(options, CAIRO_SUBPIXEL_ORDER_DEFAULT)
    try check(cairo_font_options_status(options), "creating font options")
    return options
}

/// Measures `text` in `face` at `size` with the fixed font options and an identity transform.
func cairoMeasure(_ text: String, face: CairoFontFace, size: Double) throws(RenderError) -> TextMetrics {
    let options = try makeFontOptions()
    defer { cairo_font_options_destroy(options) }
    var fontMatrix = cairo_matrix_t()
    cairo_matrix_init_scale(&fontMatrix, size, size)
    var identity = cairo_matrix_t()
    cairo_matrix_init_identity(&identity)
    guard let scaled = cairo_scaled_font_create(face.face, &fontMatrix, &identity, options) else {
        throw RenderError.cairo(operation: "creating a scaled font", status: "out of memory")
    }
    defer { cairo_scaled_font_destroy(scaled) }
    try check(cairo_scaled_font_status(scaled), "creating a scaled font of size \(size)")
    var fontExtents = cairo_font_extents_t()
    cairo_scaled_font_extents(scaled, &fontExtents)
    var textExtents = cairo_text_extents_t()
    cairo_scaled_font_text_extents(scaled, text, &textExtents)
    try check(cairo_scaled_font_status(scaled), "measuring \"\(text)\"")
    return TextMetrics(width: textExtents.x_advance, ascent: fontExtents.ascent, descent: fontExtents.descent)
}

// MARK: - Surfaces

/// Collects the bytes Cairo streams out of an SVG or PDF surface.
private final class ByteSink {
    var bytes: [UInt8] = []
}

private let writeToSink: cairo_write_func_t = { closure, data, length in
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    if let data, length > 0 {
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    }
    return CAIRO_STATUS_SUCCESS
}

/// Document information written into a PDF (fixed, so bytes do not depend on the clock).
struct PDFInfo {
    var title: String?
    var creator: String?
    var subject: String?
    /// An ISO 8601 date, or nil to write a fixed epoch date.
    var date: String?
}

/// A Cairo surface: an RGB raster, or an SVG or PDF document streamed into memory.
final class CairoSurface {
    enum Kind {
        case raster(width: Int, height: Int)
        case svg(Size)
        case pdf(Size, PDFInfo)
    }

    fileprivate let surface: OpaquePointer
    private let sink: ByteSink?
    /// True for pixel surfaces, where long strokes are drawn in pieces (see `CairoContext.stroke`).
    let isRaster: Bool

    init(_ kind: Kind) throws(RenderError) {
        switch kind {
        case .raster(let width, let height):
            guard width > 0, height > 0, width <= 32767, height <= 32767 else {
                throw RenderError.imageTooLarge(width: width, height: height)
            }
            sink = nil
            isRaster = true
            surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
        case .svg(let size):
            let sink = ByteSink()
            self.sink = sink
            isRaster = false
            surface = cairo_svg_surface_create_for_stream(
                writeToSink, Unmanaged.passUnretained(sink).toOpaque(),
                size.width, size.height)
            cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
            // Pixels, so an SVG of a 640-wide figure is 640 CSS pixels wide like the PNG.
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        case .pdf(let size, let info):
            let sink = ByteSink()
            self.sink = sink
            isRaster = false
            surface = cairo_pdf_surface_create_for_stream(
                writeToSink, Unmanaged.passUnretained(sink).toOpaque(),
                size.width, size.height)
            cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
            if let title = info.title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
            if let creator = info.creator {
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, creator)
            }
            if let subject = info.subject {
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject)
            }
            // Cairo stamps the current time unless told otherwise: fix both dates.
            let date = info.date ?? "1970-01-01T00:00:00Z"
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
        }
        try check(cairo_surface_status(surface), "creating the \(kind) surface")
    }

    deinit {
        cairo_surface_destroy(surface)
    }

    /// Finishes a vector surface and returns the document bytes.
    func finishDocument() throws(RenderError) -> [UInt8] {
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), "finishing the document")
        return sink?.bytes ?? []
    }

    /// Calls `body` with the raster's pixels: rows of native-endian 0xXXRRGGBB words.
    func withPixels<T>(
        _ body: (UnsafePointer<UInt8>, _ width: Int, _ height: Int, _ stride: Int) throws(RenderError) -> T
    )
        throws(RenderError) -> T
    {
        cairo_surface_flush(surface)
        try check(cairo_surface_status(surface), "flushing the raster")
        guard let data = cairo_image_surface_get_data(surface) else {
            throw RenderError.cairo(operation: "reading the raster", status: "the surface has no pixel data")
        }
        return try body(
            UnsafePointer(data), Int(cairo_image_surface_get_width(surface)),
            Int(cairo_image_surface_get_height(surface)), Int(cairo_image_surface_get_stride(surface)))
    }
}

// MARK: - Drawing context

/// A cairo_t drawing on a `CairoSurface`, with the operations `CairoCanvas` needs.
final class CairoContext {
    private let context: OpaquePointer
    private let surface: CairoSurface
    private let fontOptions: OpaquePointer

    /// Segments per piece when a long polyline is stroked in pieces on a raster; nil strokes
    /// every path whole.
    private let strokePiece: Int?

    init(surface: CairoSurface, scale: Double, strokePiece: Int? = 16) throws(RenderError) {
        precondition(strokePiece.map { $0 >= 2 } ?? true, "stroke pieces need at least two segments")
        self.surface = surface
        self.strokePiece = strokePiece
        guard let context = cairo_create(surface.surface) else {
            throw RenderError.cairo(operation: "creating a drawing context", status: "out of memory")
        }
        self.context = context
        do {
            fontOptions = try makeFontOptions()
        } catch {
            cairo_destroy(context)
            throw error
        }
        try check(cairo_status(context), "creating a drawing context")
        cairo_scale(context, scale, scale)
        cairo_set_antialias(context, CAIRO_ANTIALIAS_DEFAULT)
        cairo_set_fill_rule(context, CAIRO_FILL_RULE_WINDING)
        cairo_set_font_options(context, fontOptions)
    }

    deinit {
        cairo_font_options_destroy(fontOptions)
        cairo_destroy(context)
    }

    /// Throws the context's sticky error status, if any drawing call failed.
    func checkStatus(_ operation: String) throws(RenderError) {
        try check(cairo_status(context), operation)
    }

    private func setSource(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }

    private func append(_ path: Path) {
        cairo_new_path(context)
        for element in path.elements {
            switch element {
            case .move(let p): cairo_move_to(context, p.x, p.y)
            case .line(let p): cairo_line_to(context, p.x, p.y)
            case .curve(let c1, let c2, let end): cairo_curve_to(context, c1.x, c1.y, c2.x, c2.y, end.x, end.y)
            case .close: cairo_close_path(context)
            }
        }
    }

    func fill(_ path: Path, color: Color) {
        append(path)
        setSource(color)
        cairo_fill(context)
    }

    func stroke(_ path: Path, style: StrokeStyle) {
        cairo_set_line_width(context, style.width)
        cairo_set_dash(context, style.dash, Int32(style.dash.count), 0)
        setLineCap(style.lineCap)
        switch style.lineJoin {
        case .miter: cairo_set_line_join(context, CAIRO_LINE_JOIN_MITER)
        case .round: cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        case .bevel: cairo_set_line_join(context, CAIRO_LINE_JOIN_BEVEL)
        }
        guard surface.isRaster, let piece = strokePiece, style.dash.isEmpty, style.lineJoin == .round,
            let points = Self.polyline(path), points.count > 4 * piece
        else {
            append(path)
            setSource(style.color)
            cairo_stroke(context)
            return
        }
        // A long zigzag (a noisy per-step loss) costs Cairo's scan converter time in proportion
        // to the edges crossing each scanline; strokes of 16 segments each keep that small
        // (a 1,000-point noisy line: 6.8 ms -> 3 ms). Pieces meet end to end with butt caps and
        // a disc of the line's width fills each meeting point, which is exactly what the round
        // join there would add; the line's own caps are drawn at its two ends (a square cap is
        // a butt cap half a width further out). A translucent line is drawn opaque into a
        // group then painted with its alpha, so overlaps do not darken; only antialiased rims
        // where pieces cross add up, a few pixel values.
        let translucent = style.color.alpha < 1
        if translucent { cairo_push_group(context) }
        cairo_set_source_rgba(context, style.color.red, style.color.green, style.color.blue, 1)
        setLineCap(.butt)
        var ends = points
        if style.lineCap == .square {
            ends[0] = Self.extend(points[0], awayFrom: points[1], by: style.width / 2)
            ends[ends.count - 1] = Self.extend(
                points[points.count - 1], awayFrom: points[points.count - 2], by: style.width / 2)
        }
        var start = 0
        while start < ends.count - 1 {
            let end = min(ends.count - 1, start + piece)
            cairo_new_path(context)
            cairo_move_to(context, ends[start].x, ends[start].y)
            for p in ends[(start + 1)...end] { cairo_line_to(context, p.x, p.y) }
            cairo_stroke(context)
            start = end
        }
        cairo_new_path(context)
        var discs = Array(stride(from: piece, to: points.count - 1, by: piece).map { points[$0] })
        if style.lineCap == .round { discs += [points[0], points[points.count - 1]] }
        for c in discs {
            cairo_new_sub_path(context)
            cairo_arc(context, c.x, c.y, style.width / 2, 0, 2 * Double.pi)
        }
        cairo_fill(context)
        if translucent {
            cairo_pop_group_to_source(context)
            cairo_paint_with_alpha(context, style.color.alpha)
        }
    }

    private func setLineCap(_ cap: StrokeStyle.LineCap) {
        switch cap {
        case .butt: cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
        case .round: cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
        case .square: cairo_set_line_cap(context, CAIRO_LINE_CAP_SQUARE)
        }
    }

    /// `p` moved `distance` further along the direction from `other` to `p`.
    private static func extend(_ p: Point, awayFrom other: Point, by distance: Double) -> Point {
        let dx = p.x - other.x, dy = p.y - other.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return p }
        return Point(x: p.x + dx / length * distance, y: p.y + dy / length * distance)
    }

    /// The points of a path made of one move followed only by lines, else nil.
    private static func polyline(_ path: Path) -> [Point]? {
        var points: [Point] = []
        points.reserveCapacity(path.elements.count)
        for (i, element) in path.elements.enumerated() {
            switch element {
            case .move(let p) where i == 0: points.append(p)
            case .line(let p) where i > 0: points.append(p)
            default: return nil
            }
        }
        return points
    }

    /// Draws `text` with its baseline starting at `origin` after rotating by `angle` about
    /// `pivot`.
    func show(
        _ text: String, face: CairoFontFace, size: Double, color: Color, pivot: Point, angle: Double, origin: Point
    ) {
        cairo_save(context)
        cairo_translate(context, pivot.x, pivot.y)
        if angle != 0 { cairo_rotate(context, angle) }
        cairo_set_font_face(context, face.face)
        cairo_set_font_size(context, size)
        setSource(color)
        cairo_new_path(context)
        cairo_move_to(context, origin.x, origin.y)
        cairo_show_text(context, text)
        cairo_restore(context)
    }

    /// Draws `image` stretched over `rect`, sampled as `interpolation` says.
    func draw(_ image: RasterImage, in rect: Rect, interpolation: ImageInterpolation) throws(RenderError) {
        guard let pixels = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(image.width), Int32(image.height))
        else {
            throw RenderError.cairo(operation: "creating an image", status: "out of memory")
        }
        defer { cairo_surface_destroy(pixels) }
        try check(cairo_surface_status(pixels), "creating a \(image.width)x\(image.height) image")
        cairo_surface_flush(pixels)
        let stride = Int(cairo_image_surface_get_stride(pixels))
        guard let data = cairo_image_surface_get_data(pixels) else {
            throw RenderError.cairo(operation: "filling an image", status: "the surface has no pixel data")
        }
        image.pixels.withUnsafeBufferPointer { source in
            for y in 0..<image.height {
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<image.width {
                    let i = (y * image.width + x) * 4
                    let a = UInt32(source[i + 3])
                    // Cairo wants premultiplied alpha in native-endian 0xAARRGGBB words.
                    let r = (UInt32(source[i]) * a + 127) / 255
                    let g = (UInt32(source[i + 1]) * a + 127) / 255
                    let b = (UInt32(source[i + 2]) * a + 127) / 255
                    row[x] = a << 24 | r << 16 | g << 8 | b
                }
            }
        }
        cairo_surface_mark_dirty(pixels)
        guard let pattern = cairo_pattern_create_for_surface(pixels) else {
            throw RenderError.cairo(operation: "creating an image pattern", status: "out of memory")
        }
        defer { cairo_pattern_destroy(pattern) }
        try check(cairo_pattern_status(pattern), "creating an image pattern")
        cairo_pattern_set_filter(pattern, interpolation == .nearest ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_BILINEAR)
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        var matrix = cairo_matrix_t()
        cairo_matrix_init_scale(&matrix, Double(image.width) / rect.width, Double(image.height) / rect.height)
        cairo_matrix_translate(&matrix, -rect.minX, -rect.minY)
        cairo_pattern_set_matrix(pattern, &matrix)
        cairo_save(context)
        cairo_set_source(context, pattern)
        cairo_new_path(context)
        cairo_rectangle(context, rect.minX, rect.minY, rect.width, rect.height)
        cairo_fill(context)
        cairo_restore(context)
    }

    func pushClip(_ rect: Rect) {
        cairo_save(context)
        cairo_new_path(context)
        cairo_rectangle(context, rect.minX, rect.minY, rect.width, rect.height)
        cairo_clip(context)
    }

    func popClip() {
        cairo_restore(context)
    }
}
