import Foundation
import Testing
import TestSupport
@testable import Engine

/// The step-neuron box network, the box approximation of a smooth function, and the data
/// analysis behind the ReLU fits.
@Suite struct ApproximationTests {
    @Test func boxNetworkIsHeightInsideAndZeroOutside() {
        let h = 1.5, start = -0.5, width = 2.0
        let box = StepNetwork.box(height: h, start: start, width: width)
        #expect(box.hiddenWeights == [1, 1])
        #expect(box.hiddenBiases == [0.5, -1.5])
        #expect(box.outputWeights == [h, -h])
        let end = start + width
        // Left of the box, on its left edge (included), inside, just before and on the right edge (excluded), right of it.
        #expect(box(start.nextDown) == 0)
        #expect(box(start - 1) == 0)
        #expect(box(start) == h)
        #expect(box(start + width / 2) == h)
        #expect(box(end.nextDown) == h)
        #expect(box(end) == 0)
        #expect(box(end + 3) == 0)
        // The hidden neurons: both off, first on, both on (cancelling).
        #expect(box.hidden(start - 1) == [0, 0])
        #expect(box.hidden(start + 0.1) == [1, 0])
        #expect(box.hidden(end + 0.1) == [1, 1])
        #expect(box.switchPoints == [start, end])
    }

    @Test func stepGraphDrawsVerticalJumpsAtTheEdges() {
        let graph = StepNetwork.box(height: 2, start: 0, width: 1.5).graph(over: -1...3)
        #expect(graph.x == [-1, 0, 0, 1.5, 1.5, 3])
        #expect(graph.y == [0, 0, 2, 2, 0, 0])
        // A neuron with a negative weight is on left of its switch point: the graph still follows the values.
        let falling = StepNetwork(hiddenWeights: [-1], hiddenBiases: [1], outputWeights: [3])
        #expect(falling.graph(over: 0...2).x == [0, 1, 1, 2])
        #expect(falling.graph(over: 0...2).y == [3, 3, 0, 0])
    }

    @Test func reluGraphHasItsKinksAsCorners() {
        let net = ReLUNetwork1D(w1: [1, -1, 1], b1: [-2, 1, -20], w2: [1, 2, 1], b2: 0.5)
        let graph = net.graph(over: 0...5)
        #expect(graph.x == [0, 1, 2, 5])
        #expect(graph.y == [2.5, 0.5, 0.5, 3.5])
        let unit = net.graph(ofUnit: 0, over: 0...5)
        #expect(unit.x == [0, 2, 5] && unit.y == [0, 0, 3])
        #expect(net.graph(ofUnit: 2, over: 0...5).x == [0, 5])
    }

    @Test func boxAtZeroHasPlainZeroBias() {
        let box = StepNetwork.box(height: 2, start: 0, width: 1)
        #expect(box.hiddenBiases[0].sign == .plus)
    }

    @Test func boxApproximationErrorShrinksWithTheNumberOfBoxes() {
        let target = TargetFunction.sinMix
        var previous: ErrorSummary?
        for n in [4, 8, 16, 32, 64] {
            let approximation = BoxApproximation(target, boxes: n)
            #expect(approximation.network.hiddenCount == 2 * n)
            let error = approximation.error(against: target)
            #expect(
                error.maxAbsolute <= approximation.errorBound(lipschitz: target.lipschitzBound), "N = \(n): \(error)")
            #expect(error.rms <= error.maxAbsolute)
            if let previous {
                #expect(error.maxAbsolute < previous.maxAbsolute, "N = \(n): \(error) vs \(previous)")
                #expect(error.rms < previous.rms, "N = \(n): \(error) vs \(previous)")
            }
            previous = error
        }
        // Once the boxes are narrower than the bumps, doubling N halves the error (error ~ 1/N).
        let e32 = BoxApproximation(target, boxes: 32).error(against: target)
        let e64 = BoxApproximation(target, boxes: 64).error(against: target)
        #expect(isClose(e64.maxAbsolute / e32.maxAbsolute, 0.5, absolute: 0.1))
        #expect(isClose(e64.rms / e32.rms, 0.5, absolute: 0.1))
    }

    @Test func boxApproximationIsTheStaircaseOfCentreValues() {
        let target = TargetFunction.sinMix
        let approximation = BoxApproximation(target, boxes: 8)
        #expect(approximation.edges.first == -3 && approximation.edges.last == 3)
        #expect(approximation.boxWidth == 0.75)
        for k in 0..<8 {
            let centre = approximation.centres[k]
            #expect(approximation.heights[k] == target(centre))
            #expect(approximation(centre) == target(centre))
            #expect(approximation(approximation.edges[k]) == approximation.heights[k])
        }
        #expect(approximation(3) == 0)
        #expect(approximation(-3.5) == 0)
        // The merged network (shared edges as one neuron) computes the same staircase with N + 1 neurons.
        let merged = approximation.mergedNetwork
        #expect(merged.hiddenCount == 9)
        for i in 0..<600 {
            let x = -3.2 + Double(i) * 0.0107
            #expect(isClose(merged(x), approximation(x), absolute: 1e-12), "x = \(x)")
        }
    }

    @Test func errorSummaryFindsTheWorstPoint() {
        let summary = ErrorSummary(residuals: [0.1, -0.5, 0.2, 0.5], at: [0, 1, 2, 3])
        #expect(summary.maxAbsolute == 0.5)
        #expect(summary.worstX == 1)
        #expect(isClose(summary.rms, (0.55 / 4).squareRoot(), absolute: 1e-15))
    }

    static let dataSet1 = (x: (0...12).map(Double.init), t: [8, 6, 4, 2, 0, 2, 4, 2, 0, 2, 4, 6, 8.0])
    static let dataSet2 = (x: (0...10).map(Double.init), t: [0, 1, 2, 3, 2, 1, 2, 3, 4, 5, 6.0])

    @Test func kinkAnalysisCountsTurnsAndSlopeChanges() {
        let a1 = KinkAnalysis(x: Self.dataSet1.x, t: Self.dataSet1.t)
        #expect(a1.turns == [4, 6, 8])
        #expect(a1.slopeChanges.map(\.x) == [4, 6, 8])
        #expect(a1.slopeChanges.map(\.change) == [4, -4, 4])
        #expect(a1.minimumKinks == 3)
        #expect(a1.interpolantUnits == 4)
        let a2 = KinkAnalysis(x: Self.dataSet2.x, t: Self.dataSet2.t)
        #expect(a2.turns == [3, 5])
        #expect(a2.minimumKinks == 2)
        #expect(a2.interpolantUnits == 3)
        // A flat stretch carries the previous direction: up, flat, up is no turn; up, flat, down is one.
        #expect(KinkAnalysis(x: [0, 1, 2, 3], t: [0, 1, 1, 2]).turns.isEmpty)
        #expect(KinkAnalysis(x: [0, 1, 2, 3], t: [0, 1, 1, 0]).turns == [2])
    }

    @Test func handBuiltNetworkFitsBothDataSetsExactly() throws {
        for data in [Self.dataSet1, Self.dataSet2] {
            let analysis = KinkAnalysis(x: data.x, t: data.t)
            let network = try #require(analysis.interpolatingNetwork(hiddenUnits: 4))
            #expect(network.hiddenUnits == 4)
            let worst = network.residuals(x: data.x, t: data.t).map(abs).max()!
            #expect(worst < 1e-12)
            // Too few units for the polyline: no network.
            #expect(analysis.interpolatingNetwork(hiddenUnits: analysis.interpolantUnits - 1) == nil)
        }
    }
}
