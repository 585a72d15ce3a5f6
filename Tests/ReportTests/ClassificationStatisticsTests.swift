import Testing
import TestSupport
@testable import Report

@Suite struct ClassificationStatisticsTests {
    /// Three classes, five samples: two mistakes, one of them very confident.
    let stats = ClassificationStatistics(
        labels: [0, 1, 2, 2, 1],
        probabilities: [
            0.8, 0.1, 0.1,
            0.2, 0.7, 0.1,
            0.05, 0.9, 0.05,  // 2 predicted as 1 with 0.9
            0.1, 0.1, 0.8,
            0.4, 0.3, 0.3,  // 1 predicted as 0 with 0.4
        ],
        classCount: 3)

    @Test func confusionCountsTrueRowsAgainstPredictedColumns() {
        #expect(stats.confusion == [[1, 0, 0], [1, 1, 0], [0, 1, 1]])
        #expect(stats.predictions == [0, 1, 1, 2, 0])
        #expect(stats.correctCount == 3)
        #expect(stats.accuracy == 0.6)
    }

    @Test func perClassRowsNameTheMostCommonConfusion() {
        let rows = stats.perClass
        #expect(rows[1].accuracy == 0.5)
        #expect(rows[1].mostConfusedWith == 0)
        #expect(rows[2].mostConfusedWith == 1)
        #expect(rows[0].mostConfusedWith == nil)
        #expect(rows[0].precision == 0.5)
    }

    @Test func mistakesAreOrderedByConfidence() {
        #expect(stats.mostConfidentMistakes(limit: 10) == [2, 4])
        #expect(stats.mostConfidentMistakes(limit: 1) == [2])
    }

    @Test func wilsonIntervalMatchesPublishedValues() {
        // Wilson 95% interval for 8 of 10 (Newcombe 1998, table I): 0.4902 to 0.9433.
        let ci = ClassificationStatistics.wilsonInterval(successes: 8, trials: 10, z: 1.959963984540054)
        #expect(isClose(ci.lowerBound, 0.4902, absolute: 1e-4))
        #expect(isClose(ci.upperBound, 0.9433, absolute: 1e-4))
        let all = ClassificationStatistics.wilsonInterval(successes: 10, trials: 10, z: 1.959963984540054)
        #expect(all.upperBound == 1)
        #expect(isClose(all.lowerBound, 0.7225, absolute: 1e-4))
    }
}
