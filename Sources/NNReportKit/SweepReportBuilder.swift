import Datasets
import Metrics
import Report

/// Turns a sweep's manifest and its trials' records into the plain data of a ``SweepReport``,
/// and the report's statistics into sweep.json's `results`.
struct SweepReportBuilder {
    var manifest: SweepManifest
    /// The records found, by trial key.
    var records: [String: SweepTrialRecord]
    /// How the trials were produced: one command, or the shards' commands and the merge.
    var commands: [String]
    var title: String?

    func build() -> SweepReport {
        let plan = manifest.plan
        let datasetName = DatasetDescriptor.named(plan.dataset)?.displayName ?? plan.dataset
        let axes = plan.axes.map { axis in
            let numbers = axis.values.compactMap(\.number)
            return SweepReport.Axis(
                name: axis.option, values: axis.values.map(\.text),
                numbers: numbers.count == axis.values.count ? numbers : nil)
        }
        let settings = plan.settings.map { setting in
            SweepReport.Setting(
                key: setting.key, values: setting.assignments.map(\.value.text),
                trials: plan.seeds.compactMap { records[SweepTrial(setting: setting, seed: $0).key] })
        }
        let notRun = plan.trials.map(\.key).filter { records[$0] == nil }
        let varied = axes.map(\.name).joined(separator: " × ")
        let seeds = "\(plan.seeds.count) seed\(plan.seeds.count == 1 ? "" : "s")"
        return SweepReport(
            title: title
                ?? (axes.isEmpty
                    ? "\(datasetName): one setting over \(seeds)" : "\(datasetName) sweep: \(varied) × \(seeds)"),
            datasetName: datasetName, preset: plan.preset, axes: axes, seeds: plan.seeds, settings: settings,
            fixedOptions: fixedOptions, commands: commands, reproduce: manifest.sweepCommand, notRun: notRun,
            version: NNReportVersion.string)
    }

    /// Configuration members every trial shares (the seed aside), as option and value text.
    var fixedOptions: [(name: String, value: String)] {
        guard let first = manifest.configurations.first?.objectValue else { return [] }
        return first.compactMap { member in
            guard member.key != "seed", manifest.configurations.allSatisfy({ $0[member.key] == member.value }) else {
                return nil
            }
            let name = member.key.replacingOccurrences(of: "_", with: "-")
            return (SweepOption.named(name) != nil ? "--\(name)" : name, Self.text(member.value))
        }
    }

    /// A configuration value in words: `512,256`, `cosine (minimum 0)`, `none`, `yes`.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: return "none"
        case .bool(let b): return b ? "yes" : "no"
        case .number(let n): return JSONWriter.format(n)
        case .string(let s): return s
        case .array(let items): return items.map(text).joined(separator: ",")
        case .object(let members):
            let kind = value["kind"]?.stringValue
            let rest = members.filter { $0.key != "kind" }.map {
                "\($0.key.replacingOccurrences(of: "_", with: " ")) \(text($0.value))"
            }
            guard let kind else { return rest.joined(separator: ", ") }
            return rest.isEmpty ? kind : "\(kind) (\(rest.joined(separator: ", ")))"
        }
    }

    /// sweep.json's `results`: each setting's statistics and the best setting, as the report prints them.
    static func results(_ report: SweepReport) -> JSONValue {
        let summaries = report.summaries
        let best = report.bestSettingIndex(summaries)
        func stats(_ s: SweepStatistics?) -> JSONValue {
            guard let s else { return .null }
            return ["n": .int(s.count), "mean": .number(s.mean), "std": .number(s.standardDeviation)]
        }
        let members: [(key: String, value: JSONValue)] = [
            (
                "settings",
                .array(
                    zip(report.settings, summaries).enumerated().map { i, pair in
                        [
                            "setting": .string(pair.0.key), "trials": .int(pair.1.trialCount),
                            "finished": .int(pair.1.finished), "diverged": .int(pair.1.diverged),
                            "interrupted": .int(pair.1.interrupted),
                            "final_val_accuracy": stats(pair.1.finalValidationAccuracy),
                            "best_val_accuracy": stats(pair.1.bestValidationAccuracy), "best": .bool(i == best),
                        ]
                    })
            ),
            ("best_setting", best.map { .string(report.settings[$0].key) } ?? .null),
            ("best_setting_test_accuracy", best.map { stats(summaries[$0].testAccuracy) } ?? .null),
            ("not_run", .array(report.notRun.map { .string($0) })),
            ("statistics", "mean and sample standard deviation (n - 1) over the finished trials of each setting"),
        ]
        return .object(members)
    }
}
