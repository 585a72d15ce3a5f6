import NNReportKit

/// The arguments of an `nnreport sweep` command line, rewritten into the commands a sweep
/// report shows: the same sweep on one machine, and the `nnreport <dataset>` command of a trial.
struct SweepArguments {
    /// Options that take no value; every other `--option` takes the next argument unless written `--option=value`.
    static let flags: Set<String> = [
        "--no-early-stopping", "--shuffle", "--no-shuffle", "--no-download", "--no-verify", "--force", "--quiet",
        "--json", "--help", "-h", "--restart",
    ]
    /// Options that only say how or where this invocation runs, not what the sweep is.
    static let scheduling: Set<String> = [
        "--shard", "--jobs", "--out", "--force", "--quiet", "--json", "--github-summary", "--restart",
    ]
    /// Options of the sweep itself, which a single trial's command does not take.
    static let sweepOnly: Set<String> = ["--vary", "--seeds", "--seed-list", "--title"]

    /// Each option (with its value, when it has one) or positional argument, after `sweep`.
    var items: [(name: String?, words: [String])] = []

    init(_ commandLine: [String]) {
        var rest = Array(commandLine.dropFirst())
        if rest.first == "sweep" { rest.removeFirst() }
        var i = 0
        while i < rest.count {
            let word = rest[i]
            if word.hasPrefix("-"), word.count > 1 {
                let name = String(word.prefix { $0 != "=" })
                if word.contains("=") || Self.flags.contains(name) || i + 1 >= rest.count {
                    items.append((name, [word]))
                    i += 1
                } else {
                    items.append((name, [word, rest[i + 1]]))
                    i += 2
                }
            } else {
                items.append((nil, [word]))
                i += 1
            }
        }
    }

    /// The same sweep as one command in canonical form: the dataset, then the options sorted by
    /// name (each `--vary` with its values sorted), without `--shard`, `--jobs`, `--out` and the
    /// other per-invocation options. Typing the options in another order gives the same text.
    func sweepCommand(dataset: String) -> String {
        let options = items.compactMap { item -> [String]? in
            guard let name = item.name, !Self.scheduling.contains(name) else { return nil }
            var words = item.words
            if let equals = words[0].firstIndex(of: "="), words.count == 1 {
                words = [String(words[0][..<equals]), String(words[0][words[0].index(after: equals)...])]
            }
            if name == "--vary", words.count == 2, let axis = try? SweepAxis(parsing: words[1]) {
                words[1] = axis.canonicalArgument
            }
            return words
        }
        let sorted = options.enumerated().sorted { a, b in
            (a.element[0], a.element.count > 1 ? a.element[1] : "", a.offset)
                < (b.element[0], b.element.count > 1 ? b.element[1] : "", b.offset)
        }
        return (["nnreport", "sweep", dataset] + sorted.flatMap(\.element).map(CommandLineText.quote))
            .joined(separator: " ")
    }

    /// `nnreport <dataset>` with the options every trial shares (training, data and figure options).
    func trialCommandPrefix(dataset: String) -> String {
        let kept = items.filter { item in
            guard let name = item.name else { return false }
            return !Self.scheduling.contains(name) && !Self.sweepOnly.contains(name)
        }
        return (["nnreport", dataset] + kept.flatMap(\.words).map(CommandLineText.quote)).joined(separator: " ")
    }
}
