import Charts
import ChartsCairo
import Testing

@Suite struct DeterminismTests {
    let figure = Figure(
        size: Size(width: 400, height: 240), title: "Determinism", rows: 1, columns: 2,
        panels: [
            .line(
                LineChart(
                    title: "Loss",
                    series: [LineSeries("train", x: [1, 2, 3, 4], y: [1, 0.5, 0.4, 0.35], marker: .circle)])),
            .images(
                ImageGrid(
                    tiles: [ImageTile(rows: 2, columns: 2, values: [-1, 0, 1, 0.5], caption: ["w"])], columns: 1,
                    colorMap: .blueRed, scaling: .perTileSymmetric)),
        ])

    @Test(arguments: OutputFormat.allCases)
    func twoRendersGiveIdenticalBytes(format: OutputFormat) throws {
        let first = try TestRendering.renderer.render(figure, format: format, metadata: FigureMetadata(title: "t"))
        // Other work in between must not leak into the bytes (Cairo numbers SVG ids per process).
        _ = try TestRendering.renderer.render(TestRendering.textFreeFigure(), format: format)
        let second = try TestRendering.renderer.render(figure, format: format, metadata: FigureMetadata(title: "t"))
        #expect(first == second)
    }

    @Test func svgIdsAreNumberedFromOneAndImagesStaySharp() throws {
        let svg = String(decoding: try TestRendering.renderer.render(figure, format: .svg), as: UTF8.self)
        #expect(svg.contains("id=\"surface1\""))
        #expect(svg.contains("id=\"image1\""))
        #expect(svg.contains("image-rendering:pixelated"))
    }

    @Test func scenesBuildIdenticallyInParallel() async throws {
        let reference = try TestRendering.renderer.render(figure, format: .png)
        try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<6 {
                group.addTask { try TestRendering.renderer.render(figure, format: .png) }
            }
            for try await bytes in group { #expect(bytes == reference) }
        }
    }
}
