/// The statistics of one sweep setting over its seeds: what the comparison table prints.
///
/// Only finished trials (completed or early-stopped) enter the statistics; diverged and
/// interrupted ones are counted so the table can say so. A setting with such trials is never
/// chosen as the best: averaging only its survivors would flatter it.
public struct SweepSettingSummary: Sendable, Equatable {
    /// Trials the plan has for the setting (one per seed), whether or not they ran.
    public var trialCount: Int
    /// Trials that entered the statistics.
    public var finished: Int
    public var diverged: Int
    public var interrupted: Int
    /// Validation accuracy after each trial's last epoch.
    public var finalValidationAccuracy: SweepStatistics?
    /// Each trial's highest validation accuracy of any epoch.
    public var bestValidationAccuracy: SweepStatistics?
    public var testAccuracy: SweepStatistics?

    /// The summary of `setting`'s trials, taken in their (ascending seed) order, out of
    /// `planned` (the sweep's number of seeds).
    public init(_ setting: SweepReport.Setting, planned: Int) {
        let finishedTrials = setting.trials.filter(\.isFinished)
        trialCount = max(planned, setting.trials.count)
        finished = finishedTrials.count
        diverged = setting.trials.count { $0.status == .diverged }
        interrupted = setting.trials.count { $0.status == .interrupted }
        finalValidationAccuracy = SweepStatistics(finishedTrials.compactMap(\.finalValidationAccuracy))
        bestValidationAccuracy = SweepStatistics(finishedTrials.compactMap { $0.bestValidationAccuracy?.value })
        testAccuracy = SweepStatistics(
            finishedTrials.compactMap { t in t.testAccuracy.flatMap { $0.isFinite ? $0 : nil } })
    }

    /// Whether the setting can be the best: every planned trial ran and finished, and validation was measured.
    public var isEligibleForBest: Bool {
        finished == trialCount && bestValidationAccuracy != nil
    }
}

extension SweepReport {
    /// One summary per setting, in setting order.
    public var summaries: [SweepSettingSummary] { settings.map { SweepSettingSummary($0, planned: seeds.count) } }

    /// The setting with the highest mean best validation accuracy among those whose trials all
    /// finished; on an exact tie the first in setting order. Nil without a validation split.
    /// Test accuracy plays no part in the choice.
    public func bestSettingIndex(_ summaries: [SweepSettingSummary]) -> Int? {
        var best: (index: Int, mean: Double)?
        for (i, s) in summaries.enumerated() where s.isEligibleForBest {
            guard let mean = s.bestValidationAccuracy?.mean else { continue }
            if best == nil || mean > best!.mean { best = (i, mean) }
        }
        return best?.index
    }

    /// The epochs 1...E drawn for `metric`, E being the last epoch any finished trial logged it.
    public func epochRange(_ metric: SweepMetric) -> ClosedRange<Int>? {
        let last = trials.filter(\.isFinished).flatMap { t in t.epochs.filter { $0.value(metric) != nil }.map(\.epoch) }
            .max()
        return last.map { 1...max($0, 1) }
    }

    /// `metric` of each finished trial of `setting` at each epoch of `epochs` (nil where a trial
    /// has no value, e.g. after it stopped early), and their statistics per epoch.
    public func curve(_ setting: Setting, _ metric: SweepMetric, epochs: ClosedRange<Int>) -> SweepCurve {
        let finished = setting.trials.filter(\.isFinished)
        let epochList = Array(epochs)
        let values = finished.map { trial in
            epochList.map { epoch in trial.epochs.first { $0.epoch == epoch }?.value(metric) }
        }
        let statistics = epochList.indices.map { j in SweepStatistics(values.compactMap { $0[j] }) }
        return SweepCurve(epochs: epochList, seeds: finished.map(\.seed), values: values, statistics: statistics)
    }
}
