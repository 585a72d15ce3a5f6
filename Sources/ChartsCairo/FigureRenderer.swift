import Charts
import Foundation

/// Builds figures into scenes and renders them as PNG (at scale 1 or 2), SVG or PDF.
///
/// ```swift
/// let renderer = FigureRenderer(fonts: try .dejaVuSans())
/// try renderer.write(figure, to: url, format: .png, scale: 2,
///                    metadata: FigureMetadata(title: "Loss", software: "nnreport 0.1.0", command: "nnreport mnist"))
/// ```
///
/// Output is deterministic: the same figure gives the same bytes on the same machine (fixed
/// font files and font options, no timestamps; PDF dates are fixed).
public struct FigureRenderer: Sendable {
    public let fonts: FontSet
    public var pngEncoding: PNGEncoding
    /// Long polylines are stroked in pieces of this many segments on rasters (nil: whole), for
    /// speed; see `CairoContext.stroke`.
    var strokePiece: Int? = 16

    public init(fonts: FontSet, pngEncoding: PNGEncoding = .figures) {
        self.fonts = fonts
        self.pngEncoding = pngEncoding
    }

    /// The measurer layout uses: the same fonts and options as drawing.
    public var measurer: CairoTextMeasurer { CairoTextMeasurer(fonts: fonts) }

    /// The figure after layout, for inspection or drawing on another canvas.
    public func scene(for figure: Figure) -> Scene {
        figure.build(measurer: measurer)
    }

    /// The bytes of `figure` in `format`. `scale` (1 or 2) multiplies PNG pixels; SVG and PDF
    /// are vector and ignore it.
    public func render(
        _ figure: Figure, format: OutputFormat, scale: Int = 1, metadata: FigureMetadata = FigureMetadata()
    )
        throws(RenderError) -> [UInt8]
    {
        try render(scene(for: figure), format: format, scale: scale, metadata: metadata)
    }

    /// The bytes of an already built scene in `format`.
    public func render(
        _ scene: Scene, format: OutputFormat, scale: Int = 1, metadata: FigureMetadata = FigureMetadata()
    )
        throws(RenderError) -> [UInt8]
    {
        guard scale == 1 || scale == 2 else { throw RenderError.invalidScale(scale) }
        switch format {
        case .png:
            let width = Int((scene.size.width * Double(scale)).rounded(.up))
            let height = Int((scene.size.height * Double(scale)).rounded(.up))
            let surface = try CairoSurface(.raster(width: width, height: height))
            try draw(scene, on: surface, scale: Double(scale))
            let encoding = pngEncoding
            return try surface.withPixels { pixels, width, height, stride throws(RenderError) in
                try PNGCodec.encodeXRGB32(
                    pixels: pixels, width: width, height: height, stride: stride,
                    encoding: encoding, metadata: metadata)
            }
        case .svg:
            let surface = try CairoSurface(.svg(scene.size))
            try draw(scene, on: surface, scale: 1)
            return SVGPostProcessor.process(try surface.finishDocument())
        case .pdf:
            let info = PDFInfo(
                title: metadata.title.map(FigureMetadata.safeText),
                creator: metadata.software.map(FigureMetadata.safeText),
                subject: metadata.command.map(FigureMetadata.safeText), date: nil)
            let surface = try CairoSurface(.pdf(scene.size, info))
            try draw(scene, on: surface, scale: 1)
            return try surface.finishDocument()
        }
    }

    /// Renders `figure` and writes it to `url` atomically (a temporary file renamed into place).
    public func write(
        _ figure: Figure, to url: URL, format: OutputFormat, scale: Int = 1, metadata: FigureMetadata = FigureMetadata()
    ) throws(RenderError) {
        let bytes = try render(figure, format: format, scale: scale, metadata: metadata)
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw RenderError.writeFailed(path: url.path, reason: "\(error.localizedDescription)")
        }
    }

    private func draw(_ scene: Scene, on surface: CairoSurface, scale: Double) throws(RenderError) {
        let context = try CairoContext(surface: surface, scale: scale, strokePiece: strokePiece)
        var canvas = CairoCanvas(context: context, fonts: fonts)
        scene.draw(on: &canvas)
        try canvas.finish()
    }
}
