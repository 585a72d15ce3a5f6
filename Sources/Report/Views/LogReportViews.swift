/// The views of the reports `nnreport render` and `merge` write: `log.md`, `comparison.md` and
/// `render-summary.md`. Every text from a log in them is escaped (``MarkdownText``).

/// The parts a log report and each run of a comparison share.
public enum LogSectionView {
    public struct Text: Sendable {
        public var text: String
    }

    public struct Bookkeeping: Sendable {
        public var name, values, last, at: String
    }

    public struct Undrawn: Sendable {
        public var name, reason: String
    }

    public struct Skipped: Sendable {
        public var path, reason: String
    }
}

/// A hyperparameter across runs: one value per run, `has` false where a run does not set it.
public struct HyperparameterRowView: Sendable {
    public struct Value: Sendable {
        public var value: String
        public var has: Bool
    }
    public var name: String
    public var values: [Value]
}

/// The view of `templates/log.md.mustache`: one run's log.
public struct LogReportView: Sendable {
    public struct Metric: Sendable {
        public var name, loggedAs, cadence, count: String
        public var gaps: Int
        public var hasGaps: Bool
        public var last, lastAt, best, bestAt, goal: String
    }

    public struct Source: Sendable {
        public var run, location, format, formatName: String
    }

    public var title: String
    public var subtitle: String
    public var headline: [NameValueView]
    public var hasWarnings: Bool
    public var warnings: [LogSectionView.Text]
    /// In order, one per chart.
    public var figures: [FigureView]
    /// The same by key (the quantity's file name stem), for templates that place one figure:
    /// the keys depend on what the log holds.
    public var figure: [String: FigureView]
    public var metrics: [Metric]
    public var hasNotes: Bool
    public var notes: [LogSectionView.Text]
    public var hasBookkeeping: Bool
    public var bookkeeping: [LogSectionView.Bookkeeping]
    public var hasUndrawn: Bool
    public var undrawn: [LogSectionView.Undrawn]
    public var hyperparameterNote: String
    public var hasHyperparameters: Bool
    public var hyperparameters: [NameValueView]
    public var source: Source
    public var hasSkipped: Bool
    public var skipped: [LogSectionView.Skipped]
    public var files: [FileView]
    public var command: String
    public var version: String
}

/// The view of `templates/comparison.md.mustache`: several runs side by side.
public struct ComparisonReportView: Sendable {
    public struct Run: Sendable {
        public var number: Int
        public var name, color, location, format, formatName, status, epochs, steps: String
        public var warningCount: Int
    }

    /// One run's cell of a metric row; `metric` and `first` are set in `metricRows`.
    public struct Cell: Sendable {
        public var run: String
        public var has: Bool
        public var best, bestAt, last, lastAt: String
        public var isBest: Bool
        public var metric: String = ""
        public var first: Bool = false
    }

    public struct Metric: Sendable {
        public var name, goal: String
        public var runs: [Cell]
    }

    public struct RunText: Sendable {
        public var run, text: String
    }

    public struct RunDetail: Sendable {
        public var run: String
        public var hasNotes: Bool
        public var notes: [LogSectionView.Text]
        public var hasBookkeeping: Bool
        public var bookkeeping: [LogSectionView.Bookkeeping]
        public var hasUndrawn: Bool
        public var undrawn: [LogSectionView.Undrawn]
    }

    public var title: String
    public var subtitle: String
    public var runs: [Run]
    public var hasDiffering: Bool
    public var differing: [HyperparameterRowView]
    public var hasShared: Bool
    public var shared: [NameValueView]
    public var figures: [FigureView]
    public var figure: [String: FigureView]
    public var metrics: [Metric]
    public var metricRows: [Cell]
    public var hasRunDetails: Bool
    public var runDetails: [RunDetail]
    public var hasSkipped: Bool
    public var skipped: [LogSectionView.Skipped]
    public var hasWarnings: Bool
    public var warnings: [RunText]
    public var files: [FileView]
    public var command: String
    public var version: String
}

/// The view of `templates/render-summary.md.mustache`: the compact job summary of a log or
/// comparison report (no images: job summaries cannot show local files).
public struct RenderSummaryView: Sendable {
    public struct Run: Sendable {
        public var name: String
    }

    public struct Row: Sendable {
        public var metric: String
        public var cells: [LogSectionView.Text]
    }

    public struct Sparkline: Sendable {
        public var run, metric, spark, first, last, what: String
    }

    public var title: String
    public var folder: String
    public var runs: [Run]
    public var rows: [Row]
    public var hasSparklines: Bool
    public var sparklines: [Sparkline]
    public var hasDiffering: Bool
    public var differing: [HyperparameterRowView]
    public var warningCount: Int
    public var hasWarnings: Bool
}
