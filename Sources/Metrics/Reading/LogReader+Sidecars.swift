import Foundation

extension LogReader {
    /// Adds what the tools write beside a log: summary.json (nnreport; DVCLive's metrics.json),
    /// hparams.yaml (Lightning), params.yaml (DVCLive). A sidecar that cannot be read gives a
    /// warning, not an error: the metrics are still good.
    static func addSidecars(to log: inout MetricLog, folder: URL) {
        switch log.format {
        case .nnreport:
            if let summary = readJSON(folder.appendingPathComponent("summary.json"), log: &log) {
                log.summary = summary
                if log.hyperparameters.isEmpty, let config = summary["config"] {
                    log.hyperparameters = Hyperparameter.flatten(config)
                }
                if log.testResults.isEmpty {
                    for name in ["accuracy", "loss"] {
                        if let value = summary["test_" + name]?.doubleValue {
                            log.testResults.append(NamedValue(name: name, value: value))
                        }
                    }
                }
            }
        case .lightningCSV:
            if let hparams = readYAML(folder.appendingPathComponent("hparams.yaml"), log: &log) {
                log.hyperparameters = Hyperparameter.flatten(hparams)
            }
        case .dvclive:
            if let params = readYAML(folder.appendingPathComponent("params.yaml"), log: &log) {
                log.hyperparameters = Hyperparameter.flatten(params)
            }
            log.summary = readJSON(folder.appendingPathComponent("metrics.json"), log: &log)
        case .kerasCSV, .tensorBoard, .table:
            break
        }
    }

    private static func readJSON(_ url: URL, log: inout MetricLog) -> JSONValue? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONParser.parse(try LogFile.read(url))
        } catch let error as JSONParseError {
            log.warnings.append("\(url.lastPathComponent) ignored: \(error)")
        } catch {
            log.warnings.append("\(url.lastPathComponent) ignored: \(error)")
        }
        return nil
    }

    private static func readYAML(_ url: URL, log: inout MetricLog) -> JSONValue? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let bytes = try LogFile.read(url)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                log.warnings.append("\(url.lastPathComponent) ignored: it is not UTF-8 text")
                return nil
            }
            return try YAMLSubset.parse(text)
        } catch let error as YAMLSubset.Failure {
            log.warnings.append("\(url.lastPathComponent) ignored: \(error)")
        } catch {
            log.warnings.append("\(url.lastPathComponent) ignored: \(error)")
        }
        return nil
    }
}
