import Charts
import Testing
import TestSupport

@testable import ChartsCairo

/// Long polylines are stroked in pieces on rasters for speed; the picture must stay that of one
/// stroke: a translucent line crossing itself does not get darker where it overlaps, and a
/// dense noisy line differs only in the antialiased rims where pieces cross.
@Suite struct LongStrokeTests {
    func scene(_ points: [Point], alpha: Double) -> Scene {
        Scene(
            size: Size(width: 480, height: 120), background: .white,
            items: [
                SceneItem(
                    .stroke(.polyline(points), StrokeStyle(color: Color.black.withAlpha(alpha), width: 3)),
                    role: .data, panel: nil)
            ])
    }

    @Test(arguments: [1, 2])
    func translucentLineRetracingItselfDoesNotDarken(scale: Int) throws {
        // 400 points running back and forth along the same horizontal line, drawn in pieces.
        let zigzag = (0..<400).map { i in Point(x: i % 2 == 0 ? 10 : 110, y: 20) }
        let once = [Point(x: 10, y: 20), Point(x: 110, y: 20)]
        let long = try TestRendering.pixels(of: scene(zigzag, alpha: 0.4), scale: scale)
        let short = try TestRendering.pixels(of: scene(once, alpha: 0.4), scale: scale)
        // The line's core (its middle row, away from the caps) has the colour of one pass.
        let row = 20 * scale
        for x in (20 * scale)..<(100 * scale) {
            let a = long.pixel(row: row, column: x).0, b = short.pixel(row: row, column: x).0
            #expect(isClose(Int(a), Int(b), absolute: 2), "x \(x): \(a) vs \(b)")
        }
    }

    @Test(arguments: [1.0, 0.3])
    func noisyLineInPiecesLooksLikeOneStroke(alpha: Double) throws {
        var rng = SplitMix(seed: 4)
        // Like a per-step loss: 1,000 noisy points over about 460 pixels.
        let points = (0..<1_000).map { i in Point(x: 5 + Double(i) * 0.46, y: 60 + 80 * (rng.unit() - 0.5)) }
        var whole = TestRendering.renderer
        whole.strokePiece = nil
        let pieces = try PNGCodec.decode(TestRendering.renderer.render(scene(points, alpha: alpha), format: .png))
        let reference = try PNGCodec.decode(whole.render(scene(points, alpha: alpha), format: .png))
        PixelComparison.expectSimilar(
            pieces, reference, name: "pieces-vs-whole-\(alpha)", tolerance: 24,
            allowedFraction: 0.01, maxRMS: 4)
    }

    func crop(_ image: RasterImage, from x0: Int, width: Int) -> [UInt8] {
        var out: [UInt8] = []
        for y in 0..<image.height {
            let start = (y * image.width + x0) * 4
            out += image.pixels[start..<(start + width * 4)]
        }
        return out
    }
}

/// A tiny seeded generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}
