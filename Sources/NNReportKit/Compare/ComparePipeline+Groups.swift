import Foundation
import Metrics
import Report

extension ComparePipeline {
    /// Two groups of seeds: each setting both sweeps share (or the one setting of each) compared
    /// with Welch's t-test over its seeds.
    func compareGroups(_ b: CompareGroupSide, _ c: CompareGroupSide, settings: ReportSettings) throws -> CompareReport {
        var notes: [String] = []
        if let note = try CompareFacts.checkTestSets(
            b.summaries[0], at: b.settings[0].trialPath(b.url), c.summaries[0], at: c.settings[0].trialPath(c.url))
        {
            notes.append(MarkdownText.cell(note))
        }
        let shared = b.settings.filter { s in c.settings.contains { $0.key == s.key } }.map(\.key)
        var pairs: [(CompareGroupSide.Setting, CompareGroupSide.Setting)]
        if !shared.isEmpty {
            pairs = shared.map { key in (b.settings.first { $0.key == key }!, c.settings.first { $0.key == key }!) }
            let unmatched = (b.settings + c.settings).map(\.key).filter { !shared.contains($0) }
            if !unmatched.isEmpty {
                notes.append(
                    "Settings in only one of the two, not compared: "
                        + unmatched.map { "`\(MarkdownText.code($0))`" }.joined(separator: ", ") + ".")
            }
        } else if b.settings.count == 1, c.settings.count == 1 {
            pairs = [(b.settings[0], c.settings[0])]
        } else {
            throw CompareError.noCommonSetting(
                baseline: b.url.path, baselineSettings: b.settings.map(\.key), candidate: c.url.path,
                candidateSettings: c.settings.map(\.key))
        }
        let level = 1 - request.alpha
        let groupPairs = pairs.map { bs, cs in
            GroupPair(setting: bs.key == cs.key ? bs.key : "", baseline: bs.trials, candidate: cs.trials)
        }
        let metrics = groupPairs.flatMap { GroupComparison.metrics($0, level: level) }
        for pair in groupPairs {
            let unfinished = (pair.baseline + pair.candidate).filter { !$0.isFinished }
            if !unfinished.isEmpty {
                let names = unfinished.map { "`\(MarkdownText.code($0.key))` (\($0.status.rawValue))" }
                notes.append("Left out of the statistics: \(names.joined(separator: ", ")).")
            }
        }

        // Settings: every value a side's trials use, the seed aside (the seeds are listed apart).
        func values(_ side: CompareGroupSide) -> [(name: String, value: String)] {
            var names: [String] = []
            var valuesByName: [String: [String]] = [:]
            for summary in side.summaries {
                for (name, value) in CompareFacts.settings(summary) where name != "--seed" {
                    if valuesByName[name] == nil { names.append(name) }
                    if !(valuesByName[name]?.contains(value) ?? false) { valuesByName[name, default: []].append(value) }
                }
            }
            var rows = names.map { ($0, valuesByName[$0]!.joined(separator: " | ")) }
            let seeds = Set(side.settings.flatMap { $0.trials.map(\.seed) }).sorted().map(String.init)
            rows.append(("seeds", seeds.joined(separator: ", ")))
            return rows
        }
        let (configuration, same) = CompareFacts.difference(values(b), values(c))
        return CompareReport(
            title: settings.title, kind: .groups, alpha: request.alpha,
            baseline: side("baseline", name: b.name, url: b.url, description: b.description),
            candidate: side("candidate", name: c.name, url: c.url, description: c.description),
            metrics: metrics, configuration: configuration, sharedSettingCount: same,
            environment: CompareFacts.environmentRows(b.summaries[0], c.summaries[0]), notes: notes,
            groups: groupPairs, command: settings.command, version: NNReportVersion.string)
    }
}

extension CompareGroupSide.Setting {
    /// The folder of the first trial, for messages about its summary.json.
    func trialPath(_ root: URL) -> String {
        guard let trial = trials.first else { return root.path }
        return root.appendingPathComponent(trial.folder).path
    }
}
