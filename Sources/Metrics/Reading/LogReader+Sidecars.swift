import Foundation

extension LogReader {
    /// Adds what the tools write beside a log: summary.json (nnreport), hparams.yaml
    /// (Lightning), params.yaml and metrics.json (DVCLive), args.yaml (Ultralytics). A sidecar
    /// that cannot be read gives a warning, not an error: the metrics are still good.
    static func addSidecars(to log: inout MetricLog, folder: URL) {
        switch log.format {
        case .nnreport:
            // nnreport writes strict JSON: a NaN there is damage, not a value.
            if let summary = readJSON(folder.appendingPathComponent("summary.json"), pythonFloats: false, log: &log) {
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
            if let hparams = readSettings(folder.appendingPathComponent("hparams.yaml"), warnings: &log.warnings) {
                log.hyperparameters = Hyperparameter.flatten(hparams)
            }
        case .dvclive:
            if let params = readSettings(folder.appendingPathComponent("params.yaml"), warnings: &log.warnings) {
                log.hyperparameters = Hyperparameter.flatten(params)
            }
            // DVCLive writes with Python's json, which writes NaN and Infinity for non-finite values.
            if let summary = readJSON(folder.appendingPathComponent("metrics.json"), pythonFloats: true, log: &log) {
                log.summary = summary
                for parameter in Hyperparameter.flatten(summary) {
                    // DVCLive's summary repeats each metric's last value beside the step; the
                    // values that are not a metric's last (best_val_loss) are final values.
                    guard parameter.name != "step", let value = parameter.value.doubleValue else { continue }
                    let name = parameter.name.replacingOccurrences(of: ".", with: "/")
                    if let series = log.series.first(where: { $0.originalName == name }), series.last?.value == value {
                        continue
                    }
                    log.finalValues.append(NamedValue(name: name, value: value))
                }
                if !log.finalValues.isEmpty {
                    log.notes.append("Final values from DVCLive's metrics.json (the run's summary).")
                }
            }
        case .ultralytics:
            if let args = readSettings(folder.appendingPathComponent("args.yaml"), warnings: &log.warnings) {
                log.hyperparameters = Hyperparameter.flatten(args)
            }
        case .kerasCSV, .tensorBoard, .table, .huggingFace, .mlflow, .jsonLines:
            break
        }
    }

    private static func readJSON(_ url: URL, pythonFloats: Bool, log: inout MetricLog) -> JSONValue? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONParser.parse(try LogFile.read(url), allowsNonFinite: pythonFloats)
        } catch let error as JSONParseError {
            log.warnings.append("\(url.lastPathComponent) ignored: \(error)")
        } catch {
            log.warnings.append("\(url.lastPathComponent) ignored: \(error)")
        }
        return nil
    }

    /// A YAML settings file (hparams.yaml, params.yaml, args.yaml), or nil when it is missing;
    /// one that cannot be read adds a line to `warnings` instead.
    static func readSettings(_ url: URL, warnings: inout [String]) -> JSONValue? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let bytes = try LogFile.read(url)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                warnings.append("\(url.lastPathComponent) ignored: it is not UTF-8 text")
                return nil
            }
            return try YAMLDocument.parse(text)
        } catch let error as YAMLDocument.Failure {
            warnings.append("\(url.lastPathComponent) ignored: \(error)")
        } catch {
            warnings.append("\(url.lastPathComponent) ignored: \(error)")
        }
        return nil
    }

    /// The files a log's sidecars occupy in its folder (not to be read or named again).
    static func sidecarNames(_ format: LogFormat) -> Set<String> {
        switch format {
        case .nnreport: return ["summary.json"]
        case .lightningCSV: return ["hparams.yaml"]
        case .dvclive: return ["params.yaml", "metrics.json"]
        case .ultralytics: return ["args.yaml"]
        default: return []
        }
    }
}
