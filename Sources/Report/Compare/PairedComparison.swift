import Metrics
import Statistics

/// Two runs' predictions on the same test images, paired image by image: the 2×2 table of
/// right and wrong, McNemar's exact test on its discordant cells, the accuracy difference with
/// Newcombe's interval, and the same counts per class.
public struct PairedComparison: Sendable {
    public let baseline: TestPredictions
    public let candidate: TestPredictions
    /// One name per class, in label order (class numbers where the run named none).
    public let classNames: [String]

    /// Images both runs classify correctly, only the baseline, only the candidate, neither.
    public let both: Int
    public let onlyBaseline: Int
    public let onlyCandidate: Int
    public let neither: Int

    /// - Precondition: the same images with the same labels (the pipeline checks it and says
    ///   which file differs).
    public init(baseline: TestPredictions, candidate: TestPredictions, classNames: [String]) {
        precondition(baseline.labels == candidate.labels, "paired predictions need the same test labels")
        self.baseline = baseline
        self.candidate = candidate
        self.classNames = classNames
        var counts = (0, 0, 0, 0)
        for i in baseline.labels.indices {
            switch (baseline.isCorrect(i), candidate.isCorrect(i)) {
            case (true, true): counts.0 += 1
            case (true, false): counts.1 += 1
            case (false, true): counts.2 += 1
            case (false, false): counts.3 += 1
            }
        }
        (both, onlyBaseline, onlyCandidate, neither) = counts
    }

    public var count: Int { baseline.count }

    /// McNemar's exact test; its first classifier is the candidate.
    public var test: McNemarTest { McNemarTest(onlyFirst: onlyCandidate, onlySecond: onlyBaseline) }

    /// The candidate's accuracy minus the baseline's, with the paired table behind it.
    public var difference: PairedProportionDifference {
        PairedProportionDifference(both: both, onlyFirst: onlyCandidate, onlySecond: onlyBaseline, neither: neither)
    }

    /// The test-accuracy row of the results, tested and deciding.
    public func accuracyMetric(level: Double) -> CompareMetric {
        var metric = CompareMetric(
            name: "Test accuracy", goal: .maximize, format: .percent, baseline: difference.second,
            candidate: difference.first, method: .mcnemar(onlyBaseline: onlyBaseline, onlyCandidate: onlyCandidate))
        let z = NormalDistribution.quantile((1 + level) / 2)
        metric.interval = difference.interval(z: z)
        metric.pValue = test.pValue
        metric.log10PValue = test.log10PValue
        metric.decides = true
        return metric
    }

    /// The paired counts of one class.
    public struct ClassRow: Sendable, Equatable {
        public var label: Int
        public var name: String
        public var total: Int
        public var baselineCorrect: Int
        public var candidateCorrect: Int
        public var onlyBaseline: Int
        public var onlyCandidate: Int
    }

    /// The counts per true class, in label order; classes without test images are left out.
    public var perClass: [ClassRow] {
        let classCount = max(classNames.count, (baseline.labels.max() ?? -1) + 1)
        var rows = (0..<classCount).map { c in
            ClassRow(
                label: c, name: c < classNames.count ? classNames[c] : String(c), total: 0, baselineCorrect: 0,
                candidateCorrect: 0, onlyBaseline: 0, onlyCandidate: 0)
        }
        for i in baseline.labels.indices {
            let c = baseline.labels[i]
            let (b, k) = (baseline.isCorrect(i), candidate.isCorrect(i))
            rows[c].total += 1
            if b { rows[c].baselineCorrect += 1 }
            if k { rows[c].candidateCorrect += 1 }
            if b && !k { rows[c].onlyBaseline += 1 }
            if k && !b { rows[c].onlyCandidate += 1 }
        }
        return rows.filter { $0.total > 0 }
    }

    /// The images exactly one run classifies correctly, in index order.
    public var discordantIndices: [Int] {
        baseline.labels.indices.filter { baseline.isCorrect($0) != candidate.isCorrect($0) }
    }
}
