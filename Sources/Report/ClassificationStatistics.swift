/// Test-set statistics of a classifier, computed from its predicted probabilities.
///
/// Everything here is derived from the run's own predictions; nothing is estimated from
/// reduced or plotted data.
public struct ClassificationStatistics: Sendable, Equatable {
    public let classCount: Int
    public let sampleCount: Int
    /// `confusion[trueClass][predictedClass]` = number of test samples.
    public let confusion: [[Int]]
    /// Predicted class per sample (arg max of the probabilities; ties go to the lower class).
    public let predictions: [Int]
    /// Probability of the predicted class per sample.
    public let confidences: [Float]
    /// True class per sample, as given.
    public let labels: [Int]

    /// - Parameters:
    ///   - labels: true class per sample, `count` values in 0..<classCount.
    ///   - probabilities: `count x classCount` row-major class probabilities.
    public init(labels: [Int], probabilities: [Float], classCount: Int) {
        precondition(classCount > 0, "classCount must be positive, got \(classCount)")
        precondition(
            probabilities.count == labels.count * classCount,
            "probabilities \(probabilities.count) != \(labels.count) x \(classCount)")
        var confusion = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
        var predictions = [Int]()
        var confidences = [Float]()
        predictions.reserveCapacity(labels.count)
        confidences.reserveCapacity(labels.count)
        for (i, label) in labels.enumerated() {
            precondition(label >= 0 && label < classCount, "label \(label) of sample \(i) outside 0..<\(classCount)")
            var best = 0
            var bestP = probabilities[i * classCount]
            for c in 1..<classCount where probabilities[i * classCount + c] > bestP {
                best = c
                bestP = probabilities[i * classCount + c]
            }
            predictions.append(best)
            confidences.append(bestP)
            confusion[label][best] += 1
        }
        self.classCount = classCount
        self.sampleCount = labels.count
        self.confusion = confusion
        self.predictions = predictions
        self.confidences = confidences
        self.labels = labels
    }

    /// Fraction of samples whose predicted class is the true class.
    public var accuracy: Double {
        guard sampleCount > 0 else { return .nan }
        let correct = (0..<classCount).reduce(0) { $0 + confusion[$1][$1] }
        return Double(correct) / Double(sampleCount)
    }

    /// Number of correctly classified samples.
    public var correctCount: Int { (0..<classCount).reduce(0) { $0 + confusion[$1][$1] } }

    /// Per true class: samples, correct, accuracy (recall), and the class it is most often mistaken for.
    public var perClass: [ClassAccuracy] {
        (0..<classCount).map { c in
            let row = confusion[c]
            let total = row.reduce(0, +)
            var confusedWith: Int?
            var confusedCount = 0
            for (p, n) in row.enumerated() where p != c && n > confusedCount {
                confusedWith = p
                confusedCount = n
            }
            let predictedTotal = (0..<classCount).reduce(0) { $0 + confusion[$1][c] }
            return ClassAccuracy(
                classIndex: c, total: total, correct: row[c],
                precision: predictedTotal > 0 ? Double(row[c]) / Double(predictedTotal) : nil,
                mostConfusedWith: confusedWith, mostConfusedCount: confusedCount)
        }
    }

    /// Indices of wrongly classified samples, most confident first (ties by index).
    public func mostConfidentMistakes(limit: Int) -> [Int] {
        let wrong = (0..<sampleCount).filter { predictions[$0] != labels[$0] }
        let sorted = wrong.sorted { a, b in
            confidences[a] != confidences[b] ? confidences[a] > confidences[b] : a < b
        }
        return Array(sorted.prefix(max(0, limit)))
    }

    /// The 95% Wilson score interval of the accuracy: the honest error bar of a test accuracy
    /// measured on a finite test set.
    public var accuracyInterval95: ClosedRange<Double> {
        Self.wilsonInterval(successes: correctCount, trials: sampleCount, z: 1.959963984540054)
    }

    /// The Wilson score interval for a binomial proportion.
    public static func wilsonInterval(successes: Int, trials: Int, z: Double) -> ClosedRange<Double> {
        guard trials > 0 else { return 0...1 }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        // At p = 0 or 1 the bound is exactly 0 or 1; say so rather than leave rounding error.
        let lower = successes == 0 ? 0 : max(0, centre - half)
        let upper = successes == trials ? 1 : min(1, centre + half)
        return lower...upper
    }

}

/// One row of the per-class table.
public struct ClassAccuracy: Sendable, Equatable {
    public let classIndex: Int
    public let total: Int
    public let correct: Int
    /// Of the samples predicted as this class, the fraction that are this class.
    public let precision: Double?
    public let mostConfusedWith: Int?
    public let mostConfusedCount: Int

    public var accuracy: Double? { total > 0 ? Double(correct) / Double(total) : nil }
}
