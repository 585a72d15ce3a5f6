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
