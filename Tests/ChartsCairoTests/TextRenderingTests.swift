import Charts
import ChartsCairo
import Testing
import TestSupport

@Suite struct TextRenderingTests {
    let measurer = TestRendering.renderer.measurer

    @Test func measurementsScaleLinearlyWithSize() {
        let small = measurer.measure("Validation loss 0.0123", font: FontSpec(size: 10))
        let large = measurer.measure("Validation loss 0.0123", font: FontSpec(size: 20))
        #expect(isClose(large.width, 2 * small.width, absolute: 1e-6))
        #expect(isClose(large.ascent, 2 * small.ascent, absolute: 1e-6))
        // DejaVu Sans: ascent 0.928 em, descent 0.236 em.
        #expect(isClose(small.ascent, 9.28, absolute: 0.05) && isClose(small.descent, 2.36, absolute: 0.05))
    }

    @Test func boldIsWiderAndEmptyIsZero() {
        let regular = measurer.measure("Accuracy", font: FontSpec(size: 12))
        let bold = measurer.measure("Accuracy", font: FontSpec(size: 12, weight: .bold))
        #expect(bold.width > regular.width)
        #expect(measurer.measure("", font: FontSpec(size: 12)).width == 0)
        #expect(measurer.measure("✓ ✗ −0.5 ×10⁻⁴", font: FontSpec(size: 12)).width > 0)
    }

    /// Ink of drawn text stays inside the box layout reserved for it, for every anchor and
    /// for rotated labels, at scale 1 and 2.
    @Test(arguments: [1, 2])
    func inkStaysInsideTheMeasuredBox(scale: Int) throws {
        let font = FontSpec(size: 14)
        var items: [SceneItem] = []
        var boxes: [Rect] = []
        let anchors: [(TextAnchor, Double, Point)] = [
            (TextAnchor(.leading, .top), 0, Point(x: 10, y: 10)),
            (TextAnchor(.center, .center), 0, Point(x: 150, y: 60)),
            (TextAnchor(.trailing, .baseline), 0, Point(x: 290, y: 40)),
            (TextAnchor(.center, .top), -Double.pi / 2, Point(x: 20, y: 150)),
            (TextAnchor(.trailing, .center), -Double.pi / 4, Point(x: 250, y: 120)),
        ]
        for (anchor, angle, position) in anchors {
            let text = TextItem(
                "Ag loss 0.97", at: position, font: font, color: .black, anchor: anchor, angle: angle,
                metrics: measurer.measure("Ag loss 0.97", font: font))
            items.append(SceneItem(.text(text), role: .label, panel: nil))
            boxes.append(text.bounds)
        }
        let scene = Scene(size: Size(width: 300, height: 220), background: .white, items: items)
        let image = try TestRendering.pixels(of: scene, scale: scale)
        var inkInside = Array(repeating: 0, count: boxes.count)
        for y in 0..<image.height {
            for x in 0..<image.width {
                let (r, g, b, _) = image.pixel(row: y, column: x)
                guard Int(r) + Int(g) + Int(b) < 600 else { continue }
                let point = Point(x: (Double(x) + 0.5) / Double(scale), y: (Double(y) + 0.5) / Double(scale))
                let owner = boxes.firstIndex { $0.contains(point, tolerance: 1) }
                #expect(owner != nil, "ink at \(point) outside every text box")
                if let owner { inkInside[owner] += 1 }
            }
        }
        #expect(inkInside.allSatisfy { $0 > 20 })
    }
}
