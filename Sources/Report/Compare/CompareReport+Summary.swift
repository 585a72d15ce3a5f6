/// The view model of `templates/compare-summary.md.mustache`: the verdict and the results for
/// a pull-request comment or `$GITHUB_STEP_SUMMARY`, without images (neither can show the
/// report's files) and short: GitHub limits a comment to 65,536 characters and a job summary
/// to 1 MiB, so the tables stop after ``summaryRowLimit`` rows and name how many more the
/// report has.
extension CompareReport {
    static let summaryRowLimit = 30

    public func summaryView(folder: String) -> CompareReportView {
        var view = self.view(figures: [], files: [])
        let deciding = metrics.filter(\.decides)
        // Differences first (worse before better), then the rest in the report's order.
        let rank: [Verdict: Int] = [.worse: 0, .better: 1, .same: 2, .untested: 3]
        let rows = (deciding.isEmpty ? metrics : deciding).enumerated()
            .sorted { (rank[$0.element.verdict]!, $0.offset) < (rank[$1.element.verdict]!, $1.offset) }.map(\.element)
        view.metrics = rows.prefix(Self.summaryRowLimit).map(metricView)
        view.moreMetrics = max(0, rows.count - Self.summaryRowLimit)
        view.hasMoreMetrics = rows.count > Self.summaryRowLimit
        view.hiddenReferenceRows = metrics.count - rows.count
        view.hasHiddenReferenceRows = metrics.count > rows.count
        view.configuration = configuration.prefix(Self.summaryRowLimit).map(diffView)
        view.configurationCount = configuration.count
        view.moreConfiguration = max(0, configuration.count - Self.summaryRowLimit)
        view.hasMoreConfiguration = configuration.count > Self.summaryRowLimit
        view.folder = MarkdownText.code(folder)
        return view
    }
}
