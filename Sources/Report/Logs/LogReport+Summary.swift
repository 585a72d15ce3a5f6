extension LogReport {
    /// The view model of `templates/render-summary.md.mustache` for one log: its headline metrics
    /// and loss sparklines (see ``ComparisonReport/summaryView(folder:)``).
    public func summaryView(folder: String) -> RenderSummaryView {
        ComparisonReport.summaryView(title: title, runs: [run], folder: folder)
    }
}
