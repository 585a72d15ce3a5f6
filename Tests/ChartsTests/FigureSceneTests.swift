import Testing
import TestSupport

@testable import Charts

@Suite struct FigureSceneTests {
    @Test func panelsShareTheGridWithoutOverlap() {
        let x = (1...10).map(Double.init)
        let figure = Figure(
            size: Size(width: 1000, height: 400), title: "Run", subtitle: "two panels", rows: 1, columns: 2,
            panels: [
                .line(LineChart(title: "Loss", series: [LineSeries("train", x: x, y: x.map { 1 / $0 })])),
                .line(LineChart(title: "Accuracy", series: [LineSeries("train", x: x, y: x.map { 1 - 0.1 / $0 })])),
            ])
        let (scene, _) = SceneChecks.buildAndCheck(figure)
        #expect(scene.panels.count == 2)
        #expect(scene.panels[0].frame.maxX < scene.panels[1].frame.minX)
        #expect(!scene.panels[0].plotRect.intersects(scene.panels[1].plotRect))
        let title = scene.texts.first { $0.string == "Run" }!
        #expect(scene.panels.allSatisfy { $0.frame.minY > title.bounds.maxY })
        // Same theme, same fonts for the same roles in both panels.
        let tickLabels = scene.items.compactMap { item -> TextItem? in
            if case .text(let t) = item.primitive, t.color == Theme.light.secondaryText { return t }
            return nil
        }
        #expect(Set(tickLabels.map(\.font)) == [Theme.light.tickLabelFont])
        #expect(Set(scene.items.compactMap(\.panel)) == [0, 1])
    }

    @Test func stackedAndThemedPanelsGetTheirOwnFrames() {
        var small = Theme.light
        small.tickLabelFont = FontSpec(size: 8)
        let tile = ImageTile(rows: 2, columns: 2, values: [0, 1, 2, 3], caption: ["x"])
        let panel = Panel.themed(
            small,
            .stack(
                [
                    .images(ImageGrid(tiles: [tile], columns: 1, scaling: .shared)),
                    .bar(
                        BarChart(
                            categories: ["0", "1"], series: [BarSeries("p", values: [0.3, 0.7])],
                            yAxis: AxisSpec(domain: 0...1))),
                ], weights: [1, 1], spacing: 4))
        let (scene, _) = SceneChecks.buildAndCheck(Figure(panel, size: Size(width: 200, height: 260)))
        #expect(scene.panels.map(\.kind) == [.images, .bar])
        #expect(scene.panels[0].frame.maxY <= scene.panels[1].frame.minY)
        let barTicks = scene.texts.filter { $0.string == "0" || $0.string == "1" }
        #expect(barTicks.allSatisfy { $0.font.size == 8 })
    }

    @Test func recordingCanvasSeesClipsAroundData() {
        let chart = LineChart(series: [LineSeries("s", x: [0, 1, 2], y: [0, 1, 0])])
        let (scene, canvas) = SceneChecks.buildAndCheck(Figure(.line(chart), size: Size(width: 300, height: 200)))
        let plot = scene.panels[0].plotRect
        let clippedStrokes = canvas.commands.filter { command in
            if case .stroke(_, _, let clip) = command { return clip == plot }
            return false
        }
        #expect(clippedStrokes.count == 1)
    }
}
