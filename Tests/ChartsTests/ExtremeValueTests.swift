import Testing
import TestSupport

@testable import Charts

/// Every finite Double must get a domain, ticks, labels and a layout: no precondition may fire
/// and nothing may come out infinite or NaN, whatever a log holds (issue 16: 1e308 failed in the
/// axis layout, 1e-320 in the tick code).
@Suite struct ExtremeValueTests {
    /// Values a log can hold that sit at the edges of Double.
    static let edges: [Double] = [
        0, 1, -1, 1e308, -1e308, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, -.leastNormalMagnitude,
        subnormal("1e-320"), -subnormal("1e-320"), subnormal("2e-320"), 1e-300, 1e300, -1e300,
        Double(Int.max), Double(Int.min), Double(Int.max - 1), Double(Int.min) / 2, Double(Int64.max) * 0.999,
        Double(UInt64.max), Double(1 << 53) + 2, 0.1, 1e-15, 1 + 1e-15,
    ]

    /// A subnormal value from its decimal text, as a log file would hold it (a literal warns).
    static func subnormal(_ text: String) -> Double { Double(text)! }

    /// A value with a random sign, random exponent over the whole range, or an edge value.
    static func value(_ rng: inout TestRandom) -> Double {
        switch rng.next() % 4 {
        case 0: return edges[Int(rng.next() % UInt64(edges.count))]
        case 1:
            // Subnormals and the smallest normals.
            let v = Double(sign: .plus, exponent: -1074 + Int(rng.next() % 60), significand: 1 + rng.uniform(in: 0...1))
            return rng.next() % 2 == 0 ? v : -v
        default:
            let exponent = rng.uniform(in: -323...308.2)
            let v = min(Math.pow(10, exponent), .greatestFiniteMagnitude)
            return rng.next() % 2 == 0 ? v : -v
        }
    }

    /// A pair that is sometimes equal, sometimes neighbours, sometimes anything.
    static func pair(_ rng: inout TestRandom) -> (Double, Double) {
        let a = value(&rng)
        let b: Double
        switch rng.next() % 5 {
        case 0: b = a
        case 1: b = a.nextUp
        case 2: b = a * (1 + rng.uniform(in: 1e-15...1e-9))
        default: b = value(&rng)
        }
        return (a, b.isFinite ? b : a)
    }

    static func checkTicks(_ ticks: TickSet, domain: ClosedRange<Double>, context: String) {
        #expect(ticks.values.count == ticks.labels.count, "\(context)")
        #expect(ticks.values.allSatisfy { $0.isFinite }, "\(context): \(ticks.values)")
        #expect(ticks.minor.allSatisfy { $0.isFinite }, "\(context)")
        #expect(zip(ticks.values, ticks.values.dropFirst()).allSatisfy { $0 < $1 }, "\(context): \(ticks.values)")
        #expect(ticks.values.count <= 1000, "\(context): \(ticks.values.count) ticks")
        for label in ticks.labels {
            #expect(!label.isEmpty && !label.contains("NaN") && !label.contains("∞"), "\(context): \(ticks.labels)")
        }
    }

    @Test func niceStepsStayFiniteAndCoverTheirRawValue() {
        var rng = TestRandom(seed: 16)
        for _ in 0..<5_000 {
            let raw = abs(Self.value(&rng))
            guard raw > 0 else { continue }
            let step = NiceStep.atLeast(raw)
            #expect(step.value.isFinite && step.value > 0, "raw \(raw): \(step)")
            #expect(step.value >= raw || step == NiceStep.largest, "raw \(raw): \(step)")
        }
    }

    @Test func linearDomainsAndTicksForAnyPair() {
        var rng = TestRandom(seed: 1)
        for _ in 0..<20_000 {
            let (a, b) = Self.pair(&rng)
            let padding = [0, 0.03, 0.05, 0.5][Int(rng.next() % 4)]
            let includeZero = rng.next() % 4 == 0
            let domain = Domain.covering([a, b], type: .linear, padding: padding, includeZero: includeZero)
            let context = "values \(a), \(b), padding \(padding), zero \(includeZero) -> \(domain)"
            #expect(domain.lowerBound.isFinite && domain.upperBound.isFinite, "\(context)")
            #expect(domain.lowerBound < domain.upperBound, "\(context)")
            #expect(domain.contains(min(a, b)) && domain.contains(max(a, b)), "\(context)")
            let target = 2 + Int(rng.next() % 20)
            let integers = rng.next() % 3 == 0
            let ticks = NiceTicks.ticks(in: domain, targetCount: target, integersOnly: integers)
            Self.checkTicks(ticks, domain: domain, context: "\(context), target \(target), integers \(integers)")
            #expect(ticks.values.count >= 2, "\(context): \(ticks.values)")
        }
    }

    @Test func logDomainsAndTicksForAnyPositivePair() {
        var rng = TestRandom(seed: 2)
        for _ in 0..<20_000 {
            let (a, b) = Self.pair(&rng)
            let domain = Domain.covering([abs(a), abs(b)], type: .log, padding: 0.05)
            let context = "values \(a), \(b) -> \(domain)"
            #expect(domain.lowerBound > 0 && domain.upperBound.isFinite, "\(context)")
            #expect(domain.lowerBound < domain.upperBound, "\(context)")
            if a != 0 && b != 0 {
                #expect(domain.contains(min(abs(a), abs(b))) && domain.contains(max(abs(a), abs(b))), "\(context)")
            }
            let ticks = LogTicks.ticks(in: domain, targetCount: 2 + Int(rng.next() % 12))
            Self.checkTicks(ticks, domain: domain, context: context)
        }
    }

    @Test func scalesMapEveryValueOfTheirDomainToAFinitePosition() {
        var rng = TestRandom(seed: 3)
        for _ in 0..<20_000 {
            let (a, b) = Self.pair(&rng)
            let domain = Domain.covering([a, b], type: .linear)
            let scale = Scale(type: .linear, domain: domain, start: 400, end: 20)
            for v in [a, b, domain.lowerBound, domain.upperBound] {
                let p = scale.position(of: v)
                #expect(
                    p != nil && p!.isFinite && p! >= 20 - 1e-6 && p! <= 400 + 1e-6, "\(v) in \(domain): \(p as Any)")
            }
            #expect(scale.value(at: 400).isFinite && scale.value(at: 20).isFinite, "\(domain)")
        }
    }

    /// Whole charts: a line chart of extreme values on linear, log and whole-number axes is
    /// built and drawn, with every label inside the figure and every point inside its plot.
    @Test(arguments: 0..<4)
    func lineChartsOfExtremeValuesBuild(seed: UInt64) {
        var rng = TestRandom(seed: 100 + seed)
        for _ in 0..<150 {
            let count = 1 + Int(rng.next() % 6)
            var xs: [Double] = [], ys: [Double] = []
            for _ in 0..<count {
                let (a, b) = Self.pair(&rng)
                xs.append(a)
                ys.append(b)
            }
            let yScale: ScaleType = rng.next() % 3 == 0 ? .log : .linear
            let xTicks: AxisSpec.Ticks = rng.next() % 2 == 0 ? .integers : .automatic
            let chart = LineChart(
                xAxis: AxisSpec(label: "step", ticks: xTicks), yAxis: AxisSpec(label: "loss", scale: yScale),
                series: [LineSeries("train", x: xs.sorted(), y: ys)])
            let (scene, _) = SceneChecks.buildAndCheck(Figure(.line(chart), size: Size(width: 480, height: 320)))
            let panel = scene.panels[0]
            for axis in [panel.xAxis, panel.yAxis].compactMap({ $0 }) {
                #expect(axis.ticks.allSatisfy { $0.position.isFinite && $0.value.isFinite }, "x \(xs) y \(ys)")
            }
            for case let p? in panel.series[0].positions {
                #expect(p.x.isFinite && p.y.isFinite, "x \(xs) y \(ys)")
            }
        }
    }

    @Test(arguments: [
        (1.0, 1e308), (subnormal("1e-320"), subnormal("2e-320")),
        (-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude), (Double(Int.min), Double(Int.max)),
        (1e-300, 1e300), (Double.leastNonzeroMagnitude, 2 * .leastNonzeroMagnitude), (0, .leastNonzeroMagnitude),
    ])
    func namedExtremesBuildLinearAndLogCharts(low: Double, high: Double) {
        for scale in [ScaleType.linear, .log] {
            let chart = LineChart(
                xAxis: AxisSpec(label: "epoch", ticks: .integers), yAxis: AxisSpec(label: "v", scale: scale),
                series: [LineSeries("v", x: [0, Double(Int.max)], y: [low, high])])
            let scene = SceneChecks.scene(Figure(.line(chart), size: Size(width: 640, height: 420)))
            let y = scene.panels[0].yAxis!
            #expect(y.ticks.count >= (scale == .log && low <= 0 ? 0 : 2), "\(low)...\(high) \(scale): \(y.labels)")
            #expect(Set(y.labels).count == y.labels.count, "\(low)...\(high) \(scale): \(y.labels)")
        }
    }
}
