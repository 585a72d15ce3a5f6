import Testing
import TestSupport

@testable import Charts

@Suite struct DomainTests {
    @Test func dataRangeIsPaddedOnBothSides() {
        let domain = Domain.covering([0, 10], type: .linear, padding: 0.05)
        #expect(domain == -0.5...10.5)
    }

    @Test func nonFiniteValuesAreIgnored() {
        let domain = Domain.covering([.nan, 2, .infinity, 4, -.infinity], type: .linear, padding: 0)
        #expect(domain == 2...4)
    }

    @Test func zeroWidthRangeIsWidened() {
        #expect(Domain.covering([5, 5, 5], type: .linear) == 4.5...5.5)
        #expect(Domain.covering([0], type: .linear) == -1...1)
        #expect(Domain.covering([1e9, 1e9 + 1e-6], type: .linear).upperBound - 1e9 > 1e7)
        #expect(Domain.covering([0.5], type: .log) == 0.25...1)
    }

    @Test func barsStartAtZeroWithoutPaddingBelow() {
        let domain = Domain.covering([3, 7], type: .linear, padding: 0.05, includeZero: true)
        #expect(domain.lowerBound == 0)
        #expect(isClose(domain.upperBound, 7.35, absolute: 1e-12))
    }

    @Test func logDomainIgnoresNonPositiveValuesAndPadsInLogSpace() {
        let domain = Domain.covering([-1, 0, 0.01, 100], type: .log, padding: 0.05)
        #expect(abs(Math.log10(domain.lowerBound) + 2.2) < 1e-12)
        #expect(isClose(Math.log10(domain.upperBound), 2.2, absolute: 1e-12))
    }

    @Test func noDrawableValuesGiveADefaultRange() {
        #expect(Domain.covering([.nan], type: .linear) == 0...1)
        #expect(Domain.covering([-3, 0], type: .log) == 1...10)
    }
}
