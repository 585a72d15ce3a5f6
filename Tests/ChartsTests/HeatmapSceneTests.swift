import Testing
import TestSupport

@testable import Charts

@Suite struct HeatmapSceneTests {
    func confusion() -> Heatmap {
        var counts: [[Double]] = []
        for r in 0..<10 {
            var row: [Double] = []
            for c in 0..<10 { row.append(r == c ? Double(950 + r) : Double((r * 3 + c) % 7)) }
            counts.append(row)
        }
        let names = (0..<10).map(String.init)
        return Heatmap(
            values: counts, rowLabels: names, columnLabels: names, xLabel: "predicted", yLabel: "true",
            cellText: .integer, colorBarLabel: "images")
    }

    @Test func cellsCarryTheirCountsOnSquareCells() {
        let (scene, _) = SceneChecks.buildAndCheck(Figure(.heatmap(confusion()), size: Size(width: 600, height: 560)))
        let panel = scene.panels[0]
        #expect(panel.cells.count == 100)
        let diagonal = panel.cells.first { $0.row == 3 && $0.column == 3 }!
        #expect(diagonal.text == "953")
        #expect(panel.cells.allSatisfy { isClose($0.rect.width, $0.rect.height, absolute: 1e-9) })
        #expect(panel.cells.allSatisfy { panel.plotRect.contains($0.rect, tolerance: 1e-9) })
        #expect(panel.colorBar!.axis.label == "images")
        #expect(panel.colorBar!.rect.minX > panel.plotRect.maxX)
    }

    @Test func numbersContrastWithTheirCells() {
        let scene = Figure(.heatmap(confusion()), size: Size(width: 600, height: 560)).build(
            measurer: SceneChecks.measurer)
        for cell in scene.panels[0].cells where cell.value != 0 {
            let text = cell.textColor!
            // Of white and the dark text colour, the one chosen contrasts at least as well.
            let chosen = contrast(text, cell.fill)
            let other = contrast(text == .white ? Theme.light.text : .white, cell.fill)
            #expect(chosen >= other - 0.5, "cell \(cell.row),\(cell.column): \(chosen) vs \(other)")
            #expect(chosen >= 4.5, "cell \(cell.row),\(cell.column) contrast \(chosen)")
        }
        let zero = scene.panels[0].cells.first { $0.value == 0 }!
        #expect(zero.textColor!.alpha < 1)
    }

    @Test func normalisedValuesUsePercentages() {
        let heatmap = Heatmap(
            values: [[0.98, 0.02], [0.1, 0.9]], rowLabels: ["a", "b"], columnLabels: ["a", "b"],
            domain: 0...1, cellText: .percent(1), colorBarFormat: .percent)
        let scene = Figure(.heatmap(heatmap), size: Size(width: 300, height: 260)).build(measurer: SceneChecks.measurer)
        #expect(scene.panels[0].cells.map(\.text) == ["98.0%", "2.0%", "10.0%", "90.0%"])
        #expect(scene.panels[0].colorBar!.axis.labels.last == "100%")
    }

    @Test func longColumnNamesAreSlantedAndStayInside() {
        let names = [
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
        ]
        let values = names.indices.map { r in names.indices.map { c in r == c ? 900.0 : 5 } }
        let heatmap = Heatmap(
            values: values, rowLabels: names, columnLabels: names, xLabel: "predicted", yLabel: "true",
            cellText: .integer)
        let (scene, _) = SceneChecks.buildAndCheck(Figure(.heatmap(heatmap), size: Size(width: 700, height: 700)))
        let slanted = scene.texts.filter { $0.angle != 0 && names.contains($0.string) }
        #expect(slanted.count == 10)
    }

    /// WCAG contrast ratio of two opaque colours.
    func contrast(_ a: Color, _ b: Color) -> Double {
        let (l1, l2) = (max(a.luminance, b.luminance), min(a.luminance, b.luminance))
        return (l1 + 0.05) / (l2 + 0.05)
    }
}
