import Charts
import ChartsCairo
import Foundation
import TestSupport
import Testing

/// Shared renderer and helpers for the Cairo tests.
enum TestRendering {
    /// DejaVu Sans from fonts-dejavu-core (a documented apt dependency of nnreport).
    static let renderer: FigureRenderer = {
        do {
            return FigureRenderer(fonts: try .dejaVuSans())
        } catch {
            fatalError("DejaVu Sans is needed for the ChartsCairo tests: \(error)")
        }
    }()

    /// A scene drawing `image` pixel for pixel, so any raster can be written as a PNG.
    static func scene(showing image: RasterImage) -> Scene {
        let size = Size(width: Double(image.width), height: Double(image.height))
        return Scene(
            size: size, background: .white,
            items: [SceneItem(.image(image, Rect(origin: .zero, size: size), .nearest), role: .data, panel: nil)])
    }

    /// Decoded PNG of `scene` at `scale`.
    static func pixels(of scene: Scene, scale: Int = 1) throws -> RasterImage {
        try PNGCodec.decode(renderer.render(scene, format: .png, scale: scale))
    }

    /// A small text-free line chart and heatmap, laid out with the fixed measurer.
    static func textFreeFigure() -> Figure {
        let x = (0..<40).map(Double.init)
        let hidden = AxisSpec(ticks: .hidden)
        let line = LineChart(
            xAxis: hidden, yAxis: hidden,
            series: [
                LineSeries("a", x: x, y: x.map { 1 / ($0 + 1) }, marker: .circle),
                LineSeries.aggregate("b", x: x, runs: [x.map { 0.5 + 0.01 * $0 }, x.map { 0.6 + 0.012 * $0 }]),
            ], markers: [VerticalMarker(x: 20)], legend: .hidden)
        let heatmap = Heatmap(
            values: [[0, 0.5], [0.75, 1]], rowLabels: ["", ""], columnLabels: ["", ""], domain: 0...1,
            showsColorBar: false)
        return Figure(
            size: Size(width: 160, height: 80), rows: 1, columns: 2, panels: [.line(line), .heatmap(heatmap)])
    }
}

/// Compares images like matplotlib's `compare_images`: per-pixel channel differences with a
/// tolerance, writing the actual and a diff image to a temporary folder on failure.
enum PixelComparison {
    /// Records an issue when more than `allowedFraction` of pixels differ by more than
    /// `tolerance` in some channel, or the RMS difference exceeds `maxRMS`.
    static func expectSimilar(
        _ actual: RasterImage, _ expected: RasterImage, name: String, tolerance: Int = 24,
        allowedFraction: Double = 0.002,
        maxRMS: Double = 4, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard actual.width == expected.width, actual.height == expected.height else {
            Issue.record(
                "\(name): size \(actual.width)x\(actual.height), expected \(expected.width)x\(expected.height)",
                sourceLocation: sourceLocation)
            return
        }
        var bad = 0
        var squares = 0.0
        var diff = [UInt8](repeating: 255, count: actual.pixels.count)
        for p in 0..<(actual.width * actual.height) {
            var worst = 0
            for c in 0..<3 {
                let d = abs(Int(actual.pixels[p * 4 + c]) - Int(expected.pixels[p * 4 + c]))
                worst = max(worst, d)
                squares += Double(d * d)
            }
            if worst > tolerance { bad += 1 }
            // Diff image: unchanged pixels faint grey, differing ones red by size of difference.
            let shade = UInt8(255 - min(255, worst * 4))
            diff[p * 4] = worst > 0 ? 255 : 235
            diff[p * 4 + 1] = worst > 0 ? shade : 235
            diff[p * 4 + 2] = worst > 0 ? shade : 235
        }
        let rms = (squares / Double(actual.pixels.count / 4 * 3)).squareRoot()
        let fraction = Double(bad) / Double(actual.width * actual.height)
        guard fraction > allowedFraction || rms > maxRMS else { return }
        var where_ = "(could not write the images)"
        if let folder = try? TestData.makeTemporaryDirectory("nnreport-pixels") {
            let actualURL = folder.appendingPathComponent("\(name)-actual.png")
            let diffURL = folder.appendingPathComponent("\(name)-diff.png")
            let diffImage = RasterImage(width: actual.width, height: actual.height, pixels: diff)
            if let a = try? TestRendering.renderer.render(TestRendering.scene(showing: actual), format: .png),
                let d = try? TestRendering.renderer.render(TestRendering.scene(showing: diffImage), format: .png)
            {
                try? Data(a).write(to: actualURL)
                try? Data(d).write(to: diffURL)
                where_ = "actual and diff images in \(folder.path)"
            }
        }
        Issue.record(
            "\(name): \(bad) pixels (\(fraction * 100)%) differ by more than \(tolerance), RMS \(rms); \(where_)",
            sourceLocation: sourceLocation)
    }
}
