import Testing
import TestSupport

@testable import Charts

@Suite struct BarChartSceneTests {
    @Test func barsStartAtZeroAndScaleWithTheirValues() {
        let chart = BarChart(
            categories: ["a", "b", "c"], series: [BarSeries("p", values: [0.2, 0.5, 1.0])],
            yAxis: AxisSpec(domain: 0...1))
        let (_, _) = SceneChecks.buildAndCheck(Figure(.bar(chart), size: Size(width: 300, height: 200)))
        let scene = Figure(.bar(chart), size: Size(width: 300, height: 200)).build(measurer: SceneChecks.measurer)
        let panel = scene.panels[0]
        let bars = panel.bars
        #expect(bars.count == 3)
        let zero = panel.yAxis!.scale.position(of: 0)!.rounded()
        #expect(bars.allSatisfy { $0.rect.maxY == zero })
        // Heights in proportion to values (within a pixel of rounding).
        let unit = bars[2].rect.height
        #expect(
            isClose(bars[0].rect.height, 0.2 * unit, absolute: 1)
                && isClose(bars[1].rect.height, 0.5 * unit, absolute: 1))
        #expect(panel.xAxis!.labels == ["a", "b", "c"])
        #expect(panel.legend == nil)
    }

    @Test func groupedBarsSitSideBySideWithoutOverlap() {
        let chart = BarChart(
            categories: ["0", "1", "2", "3"],
            series: [
                BarSeries("train", values: [0.9, 0.8, 0.95, 0.7]), BarSeries("test", values: [0.85, 0.75, 0.9, 0.6]),
            ])
        let (scene, _) = SceneChecks.buildAndCheck(Figure(.bar(chart), size: Size(width: 480, height: 300)))
        let panel = scene.panels[0]
        for category in 0..<4 {
            let pair = panel.bars.filter { $0.category == category }.sorted { $0.series < $1.series }
            #expect(pair.count == 2)
            #expect(pair[0].rect.maxX <= pair[1].rect.minX)
            #expect(pair[0].color != pair[1].color)
        }
        #expect(panel.legend?.entries == ["train", "test"])
        #expect(!panel.bars.contains { $0.rect.intersects(panel.legend!.frame) })
    }

    @Test func perBarColoursOverrideTheSeriesColour() {
        let highlight = Color(hex: 0x009E73)
        let chart = BarChart(
            categories: ["a", "b"],
            series: [BarSeries("p", values: [1, 2], color: .black, barColors: [nil, highlight])])
        let scene = Figure(.bar(chart), size: Size(width: 200, height: 150)).build(measurer: SceneChecks.measurer)
        #expect(scene.panels[0].bars.map(\.color) == [.black, highlight])
    }

    @Test func longCategoryNamesAreSlantedAndStayInside() {
        let names = [
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
        ]
        let chart = BarChart(categories: names, series: [BarSeries("accuracy", values: names.map { _ in 0.9 })])
        let (scene, _) = SceneChecks.buildAndCheck(Figure(.bar(chart), size: Size(width: 420, height: 300)))
        let labels = scene.texts.filter { names.contains($0.string) }
        #expect(labels.count == 10)
        #expect(labels.allSatisfy { $0.angle != 0 })
    }
}
