import Foundation
import Metrics
import Report

/// Reads a trial's run folder (summary.json and metrics.jsonl, as `nnreport mnist` writes
/// them) back into the numbers the sweep report aggregates.
///
/// The report is always built from these files, for a sweep run in one go as for merged
/// shards: both paths see the same bytes and so print the same numbers.
enum SweepTrialReader {
    /// Whether `folder` holds a written trial (its summary.json).
    static func exists(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("summary.json").path)
    }

    /// The record of `trial` from `folder`; `relativeFolder` is where the sweep report links it.
    ///
    /// - Throws: ``SweepError/badTrial(path:reason:)`` when a file is missing or unreadable, or
    ///   when the configuration the trial ran with is not `expected`.
    static func read(
        _ trial: SweepTrial, folder: URL, relativeFolder: String, expected: JSONValue
    ) throws(SweepError) -> SweepTrialRecord {
        func fail(_ reason: String) -> SweepError { .badTrial(path: folder.path, reason: reason) }
        let summaryURL = folder.appendingPathComponent("summary.json")
        guard let summaryData = FileManager.default.contents(atPath: summaryURL.path) else {
            throw fail("summary.json is missing (the trial did not finish writing)")
        }
        let summary: JSONValue
        do {
            summary = try JSONParser.parse([UInt8](summaryData))
        } catch {
            throw fail("summary.json is not valid JSON (\(error))")
        }
        guard summary["config"] == expected else {
            throw fail("it was trained with another configuration than its sweep.json lists for \(trial.key)")
        }
        guard let statusText = summary["status"]?.stringValue, let status = RunStatus(rawValue: statusText) else {
            throw fail("summary.json has no valid \"status\"")
        }

        let metricsURL = folder.appendingPathComponent("metrics.jsonl")
        guard let metricsData = FileManager.default.contents(atPath: metricsURL.path) else {
            throw fail("metrics.jsonl is missing")
        }
        let log: MetricLog
        do {
            log = try LogReader.parse([UInt8](metricsData), format: .nnreport, source: metricsURL)
        } catch {
            throw fail("\(error)")
        }
        var message: String?
        if let step = summary["diverged_at_step"]?.intValue { message = "the loss was not finite at step \(step)" }
        return SweepTrialRecord(
            key: trial.key, folder: relativeFolder, seed: trial.seed, status: status, statusMessage: message,
            epochs: epochs(log), testAccuracy: summary["test_accuracy"]?.doubleValue,
            testLoss: summary["test_loss"]?.doubleValue)
    }

    /// The per-epoch figures of `log`, by epoch number.
    static func epochs(_ log: MetricLog) -> [SweepEpoch] {
        func byEpoch(_ name: String) -> [Int: Double] {
            var values: [Int: Double] = [:]
            for p in log.series(named: name, cadence: .epoch)?.points ?? [] {
                if let e = p.epoch { values[Int(e)] = p.value }
            }
            return values
        }
        let loss = byEpoch("loss"), accuracy = byEpoch("accuracy")
        let valLoss = byEpoch("val_loss"), valAccuracy = byEpoch("val_accuracy")
        return Set(loss.keys).union(accuracy.keys).sorted().map { e in
            SweepEpoch(
                epoch: e, loss: loss[e] ?? .nan, accuracy: accuracy[e] ?? .nan, valLoss: valLoss[e],
                valAccuracy: valAccuracy[e])
        }
    }
}

extension SweepTrialReader {
    /// The status summary.json of `folder` records, nil when unreadable.
    static func status(_ folder: URL) -> RunStatus? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("summary.json").path),
            let summary = try? JSONParser.parse([UInt8](data)), let text = summary["status"]?.stringValue
        else { return nil }
        return RunStatus(rawValue: text)
    }
}
