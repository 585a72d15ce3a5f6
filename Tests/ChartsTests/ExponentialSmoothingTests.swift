import Testing
import TestSupport

@testable import Charts

@Suite struct ExponentialSmoothingTests {
    @Test func biasCorrectedLikeTensorBoard() {
        // ema1 = 0.4*1 = 0.4, debiased by 1 - 0.6 = 0.4 -> 1.0
        // ema2 = 0.6*0.4 + 0.4*3 = 1.44, debiased by 1 - 0.36 = 0.64 -> 2.25
        // ema3 = 0.6*1.44 + 0.4*2 = 1.664, debiased by 1 - 0.216 = 0.784 -> 2.1224...
        let smoothed = ExponentialSmoothing.smooth([1, 3, 2], weight: 0.6)
        #expect(isClose(smoothed[0], 1, absolute: 1e-12))
        #expect(isClose(smoothed[1], 2.25, absolute: 1e-12))
        #expect(isClose(smoothed[2], 1.664 / 0.784, absolute: 1e-12))
    }

    @Test func firstPointIsNotPulledTowardsZero() {
        let smoothed = ExponentialSmoothing.smooth([10, 10.5, 9.5, 10], weight: 0.99)
        #expect(smoothed.allSatisfy { $0 > 9 && $0 < 11 })
    }

    @Test func gapsPassThroughWithoutResettingTheAverage() {
        let smoothed = ExponentialSmoothing.smooth([1, .nan, 3], weight: 0.5)
        #expect(smoothed[1].isNaN)
        // As if the NaN were absent: (0.5*0.5 + 0.5*3) / (1 - 0.25).
        #expect(isClose(smoothed[2], (0.25 + 1.5) / 0.75, absolute: 1e-12))
    }

    @Test func constantSeriesAndZeroWeightAreUnchanged() {
        #expect(ExponentialSmoothing.smooth([2, 2, 2], weight: 0.9) == [2, 2, 2])
        #expect(ExponentialSmoothing.smooth([1, 5, 2], weight: 0) == [1, 5, 2])
        #expect(ExponentialSmoothing.smooth([], weight: 0.5) == [])
    }
}
