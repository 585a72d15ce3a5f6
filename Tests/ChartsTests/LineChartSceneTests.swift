import Testing
import TestSupport

@testable import Charts

@Suite struct LineChartSceneTests {
    let size = Size(width: 640, height: 420)

    func build(_ chart: LineChart) -> (Scene, PanelScene) {
        let (scene, _) = SceneChecks.buildAndCheck(Figure(.line(chart), size: size))
        return (scene, scene.panels[0])
    }

    @Test func ticksLabelsAndPositions() {
        let chart = LineChart(
            xAxis: AxisSpec(label: "epoch", ticks: .integers), yAxis: AxisSpec(label: "loss"),
            series: [LineSeries("train", x: [1, 2, 3, 4, 5], y: [1.0, 0.6, 0.4, 0.3, 0.25])])
        let (_, panel) = build(chart)
        let x = panel.xAxis!, y = panel.yAxis!
        #expect(x.labels == ["1", "2", "3", "4", "5"])
        #expect(y.labels == ["0.4", "0.6", "0.8", "1.0"])
        // Every point sits where the scales put it, within half a pixel, and inside the plot.
        let plot = panel.plotRect
        let xd = x.scale.domain, yd = y.scale.domain
        for (i, position) in panel.series[0].positions.enumerated() {
            let data = chart.series[0].points[i]
            let ex = plot.minX + (data.x - xd.lowerBound) / (xd.upperBound - xd.lowerBound) * plot.width
            let ey = plot.maxY - (data.y - yd.lowerBound) / (yd.upperBound - yd.lowerBound) * plot.height
            #expect(isClose(position!.x, ex, absolute: 0.5) && isClose(position!.y, ey, absolute: 0.5))
            #expect(plot.contains(position!))
        }
        // Tick marks line up with their values.
        for tick in x.ticks { #expect(isClose(x.scale.position(of: tick.value)!, tick.position, absolute: 1e-9)) }
    }

    @Test func legendKeepsSeriesOrderAndCoversNoData() {
        let x = (0..<50).map(Double.init)
        let chart = LineChart(series: [
            LineSeries("train", x: x, y: x.map { 2 * Math.pow(0.9, $0) }),
            LineSeries("validation", x: x, y: x.map { 2.2 * Math.pow(0.92, $0) + 0.1 }),
            LineSeries("hidden", points: x.map { DataPoint(x: $0, y: 1) }, showsInLegend: false),
        ])
        let (scene, panel) = build(chart)
        let legend = panel.legend!
        #expect(legend.entries == ["train", "validation"])
        #expect(legend.coveredData == 0)
        #expect(panel.plotRect.contains(legend.frame))
        // The entries appear top to bottom in the same order.
        let legendTexts = scene.items.compactMap { item -> TextItem? in
            if item.role == .legend, case .text(let t) = item.primitive { return t }
            return nil
        }
        #expect(legendTexts.map(\.string) == ["train", "validation"])
        #expect(legendTexts[0].position.y < legendTexts[1].position.y)
    }

    @Test func legendMovesOutsideWhenEveryCornerHoldsData() {
        // Lines through all four corners and the middle of every edge.
        let x = (0...200).map { Double($0) / 200 }
        let chart = LineChart(series: [
            LineSeries("a", x: x, y: x), LineSeries("b", x: x, y: x.map { 1 - $0 }),
            LineSeries("c", x: x, y: x.map { _ in 0.5 }), LineSeries("d", x: x.map { _ in 0.5 }, y: x),
            LineSeries("e", x: x, y: x.map { _ in 0.02 }), LineSeries("f", x: x, y: x.map { _ in 0.98 }),
            LineSeries("g", x: x.map { _ in 0.02 }, y: x), LineSeries("h", x: x.map { _ in 0.98 }, y: x),
        ])
        let (_, panel) = build(chart)
        #expect(panel.legend?.placement == .outsideRight)
        #expect(panel.legend!.frame.minX >= panel.plotRect.maxX)
    }

    @Test func nonFiniteValuesAreGaps() {
        let chart = LineChart(series: [LineSeries("s", x: [0, 1, 2, 3, 4, 5], y: [1, 2, .nan, 3, .infinity, 2])])
        let (_, panel) = build(chart)
        let positions = panel.series[0].positions
        #expect(positions[2] == nil && positions[4] == nil)
        #expect(positions.compactMap { $0 }.count == 4)
        #expect(LineChart.runs(positions).map(\.count) == [2, 1, 1])
    }

    @Test func logScaleSkipsNonPositiveValues() {
        let chart = LineChart(
            yAxis: AxisSpec(scale: .log),
            series: [LineSeries("loss", x: [1, 2, 3, 4], y: [2.3, 0, 0.05, -1])])
        let (_, panel) = build(chart)
        #expect(panel.series[0].positions.map { $0 == nil } == [false, true, false, true])
        #expect(panel.yAxis!.labels.contains("0.1") && panel.yAxis!.labels.contains("1"))
    }

    @Test func smoothingDrawsRawFaintAndNamesTheWeight() {
        var rng = TestRandom(seed: 9)
        let x = (0..<300).map(Double.init)
        let chart = LineChart(series: [
            LineSeries(
                "loss", points: x.map { DataPoint(x: $0, y: 1 / ($0 + 1) + rng.uniform(in: 0...0.1)) }, smoothing: 0.6)
        ])
        let (scene, panel) = build(chart)
        #expect(panel.legend?.entries == ["loss (EMA 0.6)"])
        let strokes = scene.items.compactMap { item -> StrokeStyle? in
            if item.role == .data, case .stroke(_, let style) = item.primitive { return style }
            return nil
        }
        #expect(strokes.count == 2)
        #expect(strokes[0].color.alpha < 0.5 && strokes[1].color.alpha == 1)
        let smoothed = panel.series[0].smoothedPositions!
        #expect(smoothed.count == 300)
    }

    @Test func bandLegendNamesMeaningAndCount() {
        let x = [1.0, 2, 3, 4]
        let runs = [[1.0, 0.8, 0.6, 0.5], [1.2, 0.9, 0.7, 0.55], [0.9, 0.7, 0.65, 0.45]]
        let series = LineSeries.aggregate("loss", x: x, runs: runs)
        #expect(isClose(series.points[0].y, (1.0 + 1.2 + 0.9) / 3, absolute: 1e-12))
        let (scene, panel) = build(LineChart(series: [series]))
        #expect(panel.legend?.entries == ["loss (mean ± std, n = 3)"])
        let bandFills = scene.items.filter { item in
            if item.role == .data, case .fill(_, let color) = item.primitive { return color.alpha < 1 }
            return false
        }
        #expect(bandFills.count == 1)
        let minMax = LineSeries.aggregate("acc", x: x, runs: runs, spread: .minMax)
        #expect(minMax.band!.lower[0] == 0.9 && minMax.band!.upper[0] == 1.2)
        #expect(LineChart.legendLabel(for: minMax) == "acc (mean, min–max, n = 3)")
    }

    @Test func verticalMarkerIsLabelledAtItsEpoch() {
        let chart = LineChart(
            series: [LineSeries("v", x: [1, 2, 3, 4, 5, 6], y: [3, 2, 1.5, 1.2, 1.3, 1.4])],
            markers: [VerticalMarker(x: 4, label: "best epoch 4")])
        let (scene, panel) = build(chart)
        let marker = panel.markers[0]
        #expect(isClose(marker.position, panel.xAxis!.scale.position(of: 4)!, absolute: 1e-9))
        let label = scene.texts.first { $0.string == "best epoch 4" }!
        #expect(panel.plotRect.contains(label.bounds))
        #expect(label.position.x > marker.position)
    }

    @Test func markerLabelMovesToTheBottomWhenDataFillsTheTop() {
        // Accuracy-like data hugging the top of the plot.
        let x = (1...10).map(Double.init)
        let chart = LineChart(
            series: [
                LineSeries("train", x: x, y: x.map { $0 == 1 ? 0.9 : 0.99 }),
                LineSeries("validation", x: x, y: x.map { $0 == 1 ? 0.91 : 0.985 }),
            ], markers: [VerticalMarker(x: 7, label: "early stop")], legend: .hidden)
        let (scene, panel) = build(chart)
        let label = scene.texts.first { $0.string == "early stop" }!
        #expect(label.anchor.vertical == .bottom)
        #expect(label.bounds.maxY <= panel.plotRect.maxY && label.bounds.minY > panel.plotRect.midY)
    }

    @Test func longSeriesIsReducedForDrawingOnly() {
        var rng = TestRandom(seed: 5)
        let points = (0..<100_000).map { DataPoint(x: Double($0) / 1000, y: rng.uniform(in: 0...1)) }
        let (_, panel) = build(LineChart(series: [LineSeries("steps", points: points)]))
        #expect(panel.series[0].positions.count == 100_000)
        #expect(panel.series[0].drawnPointCount <= Int(panel.plotRect.width * 2 + 2) * 4)
    }

    @Test func constantSeriesGetsAWidenedAxis() {
        let (_, panel) = build(LineChart(series: [LineSeries("flat", x: [1, 2, 3], y: [0.5, 0.5, 0.5])]))
        let y = panel.yAxis!
        #expect(y.scale.domain.contains(0.5) && y.scale.domain.lowerBound < 0.5)
        #expect(y.ticks.count >= 2)
        #expect(isClose(panel.series[0].positions[0]!.y, panel.plotRect.midY, absolute: 0.5))
    }

    @Test func longTitleIsWrappedNotClipped() {
        let title = String(repeating: "A very long title that keeps going ", count: 4)
        let chart = LineChart(title: title, series: [LineSeries("s", x: [0, 1], y: [0, 1])])
        let (scene, _) = build(chart)
        let lines = scene.texts.filter { $0.font.weight == .bold }
        #expect(lines.count >= 2)
        #expect(lines.allSatisfy { $0.bounds.maxX <= size.width })
    }
}
