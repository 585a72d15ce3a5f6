extension RunReport {
    /// The view model of `templates/summary.md.mustache`: the compact GitHub job summary
    /// (headline table and loss sparklines; no images, since job summaries cannot show local files).
    public func summaryView(folder: String) -> RunReportView {
        var view = self.view(figures: [], files: [])
        view.folder = folder
        func line(_ name: String, _ values: [Double], note: String?) {
            let finite = values.filter(\.isFinite)
            guard finite.count >= 2, let first = finite.first, let last = finite.last else { return }
            view.sparklines.append(
                SparklineView(
                    name: name, spark: Sparkline.render(values), first: ReportNumberFormat.significant(first),
                    last: ReportNumberFormat.significant(last), note: note))
        }
        line("loss    ", epochs.map(\.loss), note: "per epoch")
        line("val_loss", epochs.map { $0.valLoss ?? .nan }, note: "per epoch")
        if epochs.count < 2 { line("loss    ", steps.map(\.loss), note: "per logged step") }
        return view
    }
}
