import Testing

@testable import Report

/// test_predictions.csv: written from a run's test statistics, read back by `nnreport compare`.
@Suite struct TestPredictionsTests {
    let statistics = ClassificationStatistics(
        labels: [0, 1, 2], probabilities: [0.8, 0.1, 0.1, 0.6, 0.3, 0.1, 0.2, 0.2, 0.6], classCount: 3)

    @Test func csvHoldsIndexLabelPredictionAndItsProbability() {
        let predictions = TestPredictions(statistics)
        #expect(
            predictions.csv
                == "index,label,predicted,probability\n0,0,0,0.800000\n1,1,0,0.600000\n2,2,2,0.600000\n")
        #expect(predictions.correctCount == 2)
    }

    @Test func csvReadsBackToTheSamePredictions() throws {
        let predictions = TestPredictions(statistics)
        let read = try TestPredictions.parse(Array(predictions.csv.utf8), path: "a/test_predictions.csv")
        #expect(read.labels == predictions.labels && read.predicted == predictions.predicted)
        #expect(zip(read.probabilities, predictions.probabilities).allSatisfy { abs($0 - $1) < 1e-6 })
        // CRLF line ends (a file edited on Windows) read the same.
        let crlf = predictions.csv.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try TestPredictions.parse(Array(crlf.utf8), path: "x").predicted == predictions.predicted)
    }

    @Test(arguments: [
        ("", "x.csv:1: the file is empty; expected the header index,label,predicted,probability"),
        ("a,b\n", "x.csv:1: expected the header \"index,label,predicted,probability\", found \"a,b\""),
        ("index,label,predicted,probability\n0,1,1,0.5\n2,1,1,0.5\n", "x.csv:3: expected index 1, found \"2\""),
        (
            "index,label,predicted,probability\n0,1,1\n",
            "x.csv:2: expected 4 fields (index, label, predicted, probability), found 3"
        ),
        ("index,label,predicted,probability\n0,one,1,0.5\n", "x.csv:2: label \"one\" is not a class number 0...255"),
        ("index,label,predicted,probability\n0,1,1,1.5\n", "x.csv:2: probability \"1.5\" is not a number in [0, 1]"),
    ])
    func malformedFilesAreRefusedWithTheirLine(text: String, message: String) {
        #expect(throws: TestPredictionsError.self) { try TestPredictions.parse(Array(text.utf8), path: "x.csv") }
        do {
            _ = try TestPredictions.parse(Array(text.utf8), path: "x.csv")
        } catch {
            #expect(error.description == message)
        }
    }
}
