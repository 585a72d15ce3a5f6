import Foundation

/// A run's prediction for every test image: `test_predictions.csv` in each run folder, what
/// `nnreport compare` pairs two runs on.
///
/// ```
/// index,label,predicted,probability
/// 0,7,7,0.999871
/// 1,2,2,0.998013
/// ```
///
/// `index` is the image's position in the test file (from 0), `label` its class, `predicted` the
/// class with the highest probability (the lower class on a tie, as the accuracy counts it) and
/// `probability` the model's probability of that class, to 6 decimals. 10,000 MNIST images make
/// about 190 kB: small enough to commit with the report.
public struct TestPredictions: Sendable, Equatable {
    public static let fileName = "test_predictions.csv"
    static let header = "index,label,predicted,probability"

    /// The true class of each image.
    public var labels: [Int]
    /// The predicted class of each image.
    public var predicted: [Int]
    /// The probability of the predicted class.
    public var probabilities: [Double]

    public init(labels: [Int], predicted: [Int], probabilities: [Double]) {
        precondition(
            labels.count == predicted.count && labels.count == probabilities.count,
            "\(labels.count) labels, \(predicted.count) predictions, \(probabilities.count) probabilities")
        self.labels = labels
        self.predicted = predicted
        self.probabilities = probabilities
    }

    /// The predictions behind `statistics` (its arg max and its probability per image).
    public init(_ statistics: ClassificationStatistics) {
        self.init(
            labels: statistics.labels, predicted: statistics.predictions,
            probabilities: statistics.confidences.map(Double.init))
    }

    public var count: Int { labels.count }

    /// Whether image `i` is classified correctly.
    public func isCorrect(_ i: Int) -> Bool { predicted[i] == labels[i] }

    /// Images classified correctly.
    public var correctCount: Int { labels.indices.count { predicted[$0] == labels[$0] } }

    /// The file's text: the header and one line per image, `\n` line ends.
    public var csv: String {
        var out = Self.header + "\n"
        out.reserveCapacity(count * 20)
        for i in labels.indices {
            out += "\(i),\(labels[i]),\(predicted[i]),\(Self.probabilityText(probabilities[i]))\n"
        }
        return out
    }

    /// A probability to 6 decimals: fixed, so that the same model writes the same bytes.
    static func probabilityText(_ p: Double) -> String {
        guard p.isFinite else { return p.isNaN ? "nan" : (p > 0 ? "inf" : "-inf") }
        return String(format: "%.6f", p)
    }
}

extension TestPredictions {
    /// Reads a `test_predictions.csv`; `path` names the file in errors.
    ///
    /// The header must be the one nnreport writes, every row must have its index in order, a
    /// label and prediction that are whole numbers in 0...255, and a probability in [0, 1]
    /// (`nan` is accepted: a diverged model's outputs). CRLF line ends are accepted.
    ///
    /// - Throws: ``TestPredictionsError`` naming the file, the line and what was wrong.
    public static func parse(_ bytes: [UInt8], path: String) throws(TestPredictionsError) -> TestPredictions {
        func fail(_ line: Int, _ reason: String) -> TestPredictionsError {
            TestPredictionsError(path: path, line: line, reason: reason)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw fail(0, "it is not UTF-8 text")
        }
        // "\r\n" is one Character in Swift: split on it as well as on "\n".
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first else { throw fail(1, "the file is empty; expected the header \(header)") }
        guard first == header else {
            throw fail(1, "expected the header \"\(header)\", found \"\(first.prefix(80))\"")
        }
        var labels: [Int] = [], predicted: [Int] = [], probabilities: [Double] = []
        labels.reserveCapacity(lines.count)
        predicted.reserveCapacity(lines.count)
        probabilities.reserveCapacity(lines.count)
        for (offset, line) in lines.dropFirst().enumerated() {
            let number = offset + 2
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 4 else {
                throw fail(number, "expected 4 fields (index, label, predicted, probability), found \(fields.count)")
            }
            guard let index = Int(fields[0]), index == offset else {
                throw fail(number, "expected index \(offset), found \"\(fields[0].prefix(40))\"")
            }
            guard let label = Int(fields[1]), (0...255).contains(label) else {
                throw fail(number, "label \"\(fields[1].prefix(40))\" is not a class number 0...255")
            }
            guard let prediction = Int(fields[2]), (0...255).contains(prediction) else {
                throw fail(number, "predicted class \"\(fields[2].prefix(40))\" is not a class number 0...255")
            }
            guard let probability = Double(fields[3]), probability.isNaN || (0...1).contains(probability) else {
                throw fail(number, "probability \"\(fields[3].prefix(40))\" is not a number in [0, 1]")
            }
            labels.append(label)
            predicted.append(prediction)
            probabilities.append(probability)
        }
        return TestPredictions(labels: labels, predicted: predicted, probabilities: probabilities)
    }
}

/// A `test_predictions.csv` that cannot be read.
public struct TestPredictionsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// 1-based; 0 for the file as a whole.
    public var line: Int
    public var reason: String

    public var description: String {
        line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)"
    }
}
