import Datasets
import Foundation
import Metrics
import Report

/// An nnreport run folder as `nnreport compare` reads it: summary.json, the metric log and,
/// when the run was tested, test_predictions.csv.
struct CompareRunFolder {
    var url: URL
    var summary: JSONValue
    var log: MetricLog
    /// Nil when the folder has no test_predictions.csv (an interrupted or diverged run, or one
    /// written before nnreport kept them).
    var predictions: TestPredictions?

    /// - Throws: ``CompareError/unreadable(path:reason:)`` naming the file that cannot be read.
    static func read(_ url: URL) throws(CompareError) -> CompareRunFolder {
        let summary = try readSummary(url)
        let metricsURL = url.appendingPathComponent("metrics.jsonl")
        let log: MetricLog
        do {
            guard let first = try LogReader.read(metricsURL, format: .nnreport).logs.first else {
                throw CompareError.unreadable(path: metricsURL.path, reason: "it holds no run")
            }
            log = first
        } catch let error as CompareError {
            throw error
        } catch {
            throw .unreadable(path: metricsURL.path, reason: "\(error)")
        }
        let predictionsURL = url.appendingPathComponent(TestPredictions.fileName)
        var predictions: TestPredictions?
        if let data = FileManager.default.contents(atPath: predictionsURL.path) {
            do {
                predictions = try TestPredictions.parse([UInt8](data), path: predictionsURL.path)
            } catch {
                throw .unreadable(
                    path: predictionsURL.path + (error.line > 0 ? ":\(error.line)" : ""), reason: error.reason)
            }
        }
        return CompareRunFolder(url: url, summary: summary, log: log, predictions: predictions)
    }

    /// summary.json of the run folder `url`, which must be an object with a `config`.
    static func readSummary(_ url: URL) throws(CompareError) -> JSONValue {
        let file = url.appendingPathComponent("summary.json")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .unreadable(path: file.path, reason: "cannot read it")
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse([UInt8](data))
        } catch {
            throw .unreadable(path: file.path, reason: "not valid JSON (\(error))")
        }
        guard json["config"]?.objectValue != nil else {
            throw .unreadable(path: file.path, reason: "it has no \"config\": not the summary.json of an nnreport run")
        }
        return json
    }

    var name: String { url.standardizedFileURL.lastPathComponent }
    var status: String { summary["status"]?.stringValue ?? "unknown" }

    /// `nnreport run folder: MNIST, preset default, 20 epochs, completed`.
    var description: String {
        var parts = [displayDataset(summary)]
        if let preset = summary["preset"]?.stringValue { parts.append("preset \(preset)") }
        if let epochs = summary["epochs_run"]?.intValue { parts.append("\(epochs) epoch\(epochs == 1 ? "" : "s")") }
        if let seed = summary["seed"]?.intValue { parts.append("seed \(seed)") }
        parts.append(status.replacingOccurrences(of: "_", with: " "))
        return "nnreport run folder: " + parts.joined(separator: ", ")
    }
}

/// "MNIST" for summary.json's `"dataset": "mnist"`.
func displayDataset(_ summary: JSONValue) -> String {
    let name = summary["dataset"]?.stringValue ?? "unknown data set"
    return DatasetDescriptor.named(name)?.displayName ?? name
}
