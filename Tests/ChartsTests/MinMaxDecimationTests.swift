import Testing
import TestSupport

@testable import Charts

@Suite struct MinMaxDecimationTests {
    @Test func longCurveKeepsEveryColumnsExtremes() {
        var rng = TestRandom(seed: 3)
        let n = 100_000
        var points = (0..<n).map { i in Point(x: 10 + Double(i) * 500 / Double(n), y: 200 + rng.uniform(in: -50...50)) }
        points[54_321].y = 5  // a one-sample spike (upwards on screen)
        points[77_777].y = 390
        let reduced = MinMaxDecimation.reduce([points], columnWidth: 1)[0]
        #expect(reduced.count <= 4 * 501)
        #expect(reduced.first == points.first && reduced.last == points.last)
        #expect(reduced.contains(points[54_321]) && reduced.contains(points[77_777]))
        // Every column's lowest and highest y survive.
        var extremes: [Int: (Double, Double)] = [:]
        for p in points {
            let c = Int(p.x.rounded(.down))
            let e = extremes[c] ?? (p.y, p.y)
            extremes[c] = (min(e.0, p.y), max(e.1, p.y))
        }
        var kept: [Int: (Double, Double)] = [:]
        for p in reduced {
            let c = Int(p.x.rounded(.down))
            let e = kept[c] ?? (p.y, p.y)
            kept[c] = (min(e.0, p.y), max(e.1, p.y))
        }
        for (column, e) in extremes { #expect(kept[column]! == e) }
    }

    @Test func sparseOrUnsortedRunsAreUnchanged() {
        let sparse = (0..<50).map { Point(x: Double($0) * 10, y: Double($0 % 7)) }
        #expect(MinMaxDecimation.reduce([sparse])[0] == sparse)
        let unsorted = (0..<5_000).map { Point(x: Double(($0 * 7919) % 5_000) / 100, y: Double($0)) }
        #expect(MinMaxDecimation.reduce([unsorted])[0] == unsorted)
    }
}
