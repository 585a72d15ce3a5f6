import Charts
import ChartsCairo
import Foundation
import TestSupport
import Testing

/// Small text-free pictures compared after decoding, against goldens in Goldens/ (regenerate
/// with NNREPORT_UPDATE_GOLDENS=1 after checking the new pictures by eye).
@Suite struct PixelGoldenTests {
    static let goldens = TestData.packageRoot.appendingPathComponent("Tests/ChartsCairoTests/Goldens")

    static func shapes() -> Scene {
        var dashed = StrokeStyle(color: Color(hex: 0xD55E00), width: 2, dash: [4, 3])
        dashed.lineCap = .butt
        var path = Path()
        path.move(to: Point(x: 4, y: 40))
        path.line(to: Point(x: 20, y: 10))
        path.line(to: Point(x: 36, y: 30))
        path.line(to: Point(x: 60, y: 6))
        let items: [SceneItem] = [
            SceneItem(
                .fill(.rect(Rect(x: 4, y: 4, width: 20, height: 12)), Color(hex: 0x0072B2)), role: .data, panel: nil),
            SceneItem(
                .fill(.circle(center: Point(x: 44, y: 30), radius: 12), Color(hex: 0x009E73, alpha: 0.6)), role: .data,
                panel: nil),
            SceneItem(.stroke(path, StrokeStyle(color: .black, width: 2, lineCap: .round)), role: .data, panel: nil),
            SceneItem(
                .stroke(.line(from: Point(x: 2, y: 45.5), to: Point(x: 62, y: 45.5)), dashed), role: .data, panel: nil),
            SceneItem(.pushClip(Rect(x: 48, y: 0, width: 16, height: 16)), role: .clip, panel: nil),
            SceneItem(
                .fill(.circle(center: Point(x: 56, y: 8), radius: 10), Color(hex: 0xCC79A7)), role: .data, panel: nil),
            SceneItem(.popClip, role: .clip, panel: nil),
        ]
        return Scene(size: Size(width: 64, height: 48), background: .white, items: items)
    }

    static func raster() -> Scene {
        let pixels: [UInt8] = (0..<12).flatMap { i -> [UInt8] in [UInt8(i * 20), UInt8(255 - i * 20), 128, 255] }
        let gradient = RasterImage(width: 1, height: 8, pixels: ColorMap.blues.lookupTable(count: 8))
        let items: [SceneItem] = [
            SceneItem(
                .image(
                    RasterImage(width: 4, height: 3, pixels: pixels), Rect(x: 2, y: 2, width: 40, height: 30), .nearest),
                role: .data, panel: nil),
            SceneItem(.image(gradient, Rect(x: 48, y: 2, width: 10, height: 40), .smooth), role: .data, panel: nil),
        ]
        return Scene(size: Size(width: 64, height: 48), background: .white, items: items)
    }

    static var cases: [(String, Scene)] {
        [
            ("shapes", shapes()), ("raster", raster()),
            ("chart", TestRendering.textFreeFigure().build(measurer: FixedTextMeasurer())),
        ]
    }

    @Test(arguments: ["shapes", "raster", "chart"])
    func matchesGolden(name: String) throws {
        let scene = Self.cases.first { $0.0 == name }!.1
        let bytes = try TestRendering.renderer.render(scene, format: .png)
        let url = Self.goldens.appendingPathComponent("\(name).png")
        if ProcessInfo.processInfo.environment["NNREPORT_UPDATE_GOLDENS"] == "1" {
            try Data(bytes).write(to: url)
        }
        guard let golden = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden \(url.path); run with NNREPORT_UPDATE_GOLDENS=1 and inspect it")
            return
        }
        PixelComparison.expectSimilar(try PNGCodec.decode(bytes), try PNGCodec.decode([UInt8](golden)), name: name)
    }

    /// matplotlib's check_figures_equal: a 4x3 raster scaled by 10 with nearest sampling is the
    /// same picture as twelve filled 10x10 squares.
    @Test func nearestRasterEqualsFilledSquares() throws {
        let colors = (0..<12).map { i in Color(red: Double(i) / 11, green: 1 - Double(i) / 11, blue: 0.5) }
        let pixels = colors.flatMap { c -> [UInt8] in
            let (r, g, b, a) = c.rgba8
            return [r, g, b, a]
        }
        let image = Scene(
            size: Size(width: 40, height: 30), background: .white,
            items: [
                SceneItem(
                    .image(
                        RasterImage(width: 4, height: 3, pixels: pixels), Rect(x: 0, y: 0, width: 40, height: 30),
                        .nearest), role: .data, panel: nil)
            ])
        let squares = Scene(
            size: Size(width: 40, height: 30), background: .white,
            items: colors.enumerated().map { i, _ in
                let (r, g, b, _) = colors[i].rgba8
                let exact = Color(red: Double(r) / 255, green: Double(g) / 255, blue: Double(b) / 255)
                return SceneItem(
                    .fill(.rect(Rect(x: Double(i % 4) * 10, y: Double(i / 4) * 10, width: 10, height: 10)), exact),
                    role: .data, panel: nil)
            })
        for scale in [1, 2] {
            PixelComparison.expectSimilar(
                try TestRendering.pixels(of: image, scale: scale),
                try TestRendering.pixels(of: squares, scale: scale), name: "nearest-vs-squares@\(scale)x", tolerance: 1,
                allowedFraction: 0, maxRMS: 0.5)
        }
    }

    /// Scale 2 is the same picture with four times the pixels: averaging 2x2 blocks gives the
    /// scale-1 picture within antialiasing differences.
    @Test func scaleTwoDownsampledMatchesScaleOne() throws {
        let scene = TestRendering.textFreeFigure().build(measurer: FixedTextMeasurer())
        let one = try TestRendering.pixels(of: scene, scale: 1)
        let two = try TestRendering.pixels(of: scene, scale: 2)
        #expect(two.width == 2 * one.width && two.height == 2 * one.height)
        var reduced = [UInt8](repeating: 255, count: one.pixels.count)
        for y in 0..<one.height {
            for x in 0..<one.width {
                for c in 0..<3 {
                    var sum = 0
                    for (dy, dx) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
                        sum += Int(two.pixels[((2 * y + dy) * two.width + 2 * x + dx) * 4 + c])
                    }
                    reduced[(y * one.width + x) * 4 + c] = UInt8((sum + 2) / 4)
                }
            }
        }
        PixelComparison.expectSimilar(
            RasterImage(width: one.width, height: one.height, pixels: reduced), one,
            name: "scale2-vs-scale1", tolerance: 60, allowedFraction: 0.03, maxRMS: 12)
    }
}
