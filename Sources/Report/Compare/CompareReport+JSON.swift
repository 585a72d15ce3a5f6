import Metrics

/// The comparison report's summary.json and comparison.csv: the verdicts and numbers for scripts.
extension CompareReport {
    public var json: JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map { .number($0) } ?? .null }
        func side(_ s: Side) -> JSONValue {
            ["name": .string(s.name), "location": .string(s.location), "description": .string(s.description)]
        }
        let metricList: [JSONValue] = metrics.map { m in
            var members: [(key: String, value: JSONValue)] = [
                ("metric", .string(m.name)), ("setting", m.setting.map { .string($0) } ?? .null),
                ("baseline", number(m.baseline)), ("candidate", number(m.candidate)),
                ("difference", number(m.difference)),
            ]
            if m.baselineCount != nil {
                members += [
                    ("baseline_std", number(m.baselineSpread)), ("candidate_std", number(m.candidateSpread)),
                    ("baseline_n", m.baselineCount.map { .int($0) } ?? .null),
                    ("candidate_n", m.candidateCount.map { .int($0) } ?? .null),
                ]
            }
            members.append(("interval", m.interval.map { [.number($0.lower), .number($0.upper)] } ?? .null))
            switch m.method {
            case .mcnemar(let onlyBaseline, let onlyCandidate):
                members += [
                    ("test", "mcnemar_exact"), ("only_baseline_correct", .int(onlyBaseline)),
                    ("only_candidate_correct", .int(onlyCandidate)),
                ]
            case .welch(let t, let df):
                members += [("test", "welch_t"), ("t", t.isFinite ? .number(t) : .string("\(t)")), ("df", number(df))]
            case .tolerance(let amount, let spec):
                members += [("test", "tolerance"), ("tolerance", .number(amount)), ("tolerance_given", .string(spec))]
            case .reference(let reason):
                members += [("test", .null), ("not_tested", .string(reason))]
            case .runStatus(let b, let c):
                members += [("test", "status"), ("baseline_status", .string(b)), ("candidate_status", .string(c))]
            }
            members += [
                ("p", number(m.pValue)), ("log10_p", number(m.log10PValue)), ("p_holm", number(m.adjustedPValue)),
                ("decides", .bool(m.decides)), ("verdict", .string(m.verdict.rawValue)),
            ]
            return .object(members)
        }
        func rows(_ list: [DiffRow]) -> JSONValue {
            .array(
                list.map {
                    ["name": .string($0.name), "baseline": .string($0.baseline), "candidate": .string($0.candidate)]
                })
        }
        var members: [(key: String, value: JSONValue)] = [
            ("kind", .string("compare")), ("comparison", .string(kind.rawValue)), ("title", .string(title)),
            ("verdict", .string(verdict.rawValue)), ("alpha", .number(alpha)), ("level", .number(level)),
            ("baseline", side(baseline)), ("candidate", side(candidate)), ("metrics", .array(metricList)),
            ("configuration_differences", rows(configuration)),
            ("environment", rows(environment)), ("environment_differs", .bool(environmentDiffers)),
        ]
        if let paired {
            members.append(
                (
                    "paired",
                    [
                        "images": .int(paired.count), "both_correct": .int(paired.both),
                        "only_baseline_correct": .int(paired.onlyBaseline),
                        "only_candidate_correct": .int(paired.onlyCandidate), "both_wrong": .int(paired.neither),
                    ]
                ))
        }
        members += [
            ("notes", .array(notes.map { .string($0) })), ("warnings", .array(warnings.map { .string($0) })),
            ("version", .string(version)), ("command", .string(command)),
        ]
        return .object(members)
    }

    /// One row per result: the table of the README as CSV.
    public var csv: String {
        var lines = ["metric,setting,baseline,candidate,difference,interval_low,interval_high,test,p,p_holm,verdict"]
        func n(_ value: Double?) -> String { value.map(ReportCSV.number) ?? "" }
        for m in metrics {
            let test: String
            switch m.method {
            case .mcnemar: test = "mcnemar_exact"
            case .welch: test = "welch_t"
            case .tolerance: test = "tolerance"
            case .reference: test = ""
            case .runStatus: test = "status"
            }
            let fields = [
                ReportCSV.quote(m.name), ReportCSV.quote(m.setting ?? ""), n(m.baseline), n(m.candidate),
                n(m.difference), n(m.interval?.lower), n(m.interval?.upper), test, n(m.pValue), n(m.adjustedPValue),
                m.verdict.rawValue,
            ]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The test images exactly one run classifies correctly: index, label and both predictions.
    public var discordantCSV: String? {
        guard let paired else { return nil }
        var lines = ["index,label,baseline_predicted,candidate_predicted,correct_run"]
        for i in paired.discordantIndices {
            let label = paired.baseline.labels[i]
            let who = paired.baseline.isCorrect(i) ? "baseline" : "candidate"
            lines.append("\(i),\(label),\(paired.baseline.predicted[i]),\(paired.candidate.predicted[i]),\(who)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
