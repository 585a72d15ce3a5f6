/// The view of `templates/report.md.mustache` (and, with ``folder`` and ``sparklines``, of
/// `summary.md.mustache`): a training run's report.
public struct RunReportView: Sendable {
    /// The figures by the name templates place them with (`{{#figures.curves}}`); absent when
    /// the run has none (no test set evaluated, no weights to show).
    public struct Figures: Sendable {
        public var curves, loss, accuracy, confusion, perClass, predictions, misclassified, weights,
            samples: FigureView?

        init(_ links: [FigureLink]) {
            func find(_ key: String) -> FigureView? { links.first { $0.key == key }.map(FigureView.init) }
            curves = find("curves")
            loss = find("loss")
            accuracy = find("accuracy")
            confusion = find("confusion")
            perClass = find("perClass")
            predictions = find("predictions")
            misclassified = find("misclassified")
            weights = find("weights")
            samples = find("samples")
        }
    }

    public struct Banner: Sendable {
        public var headline: String
        public var text: String
    }

    public struct EpochRow: Sendable {
        public var epoch: Int
        public var isBest: Bool
        public var loss, accuracy, valLoss, valAccuracy, lr, seconds: String
    }

    public struct ClassRow: Sendable {
        public var name, accuracy, correct, total, precision, confusedWith: String
    }

    public struct Preset: Sendable {
        public struct Row: Sendable {
            public var name, published, measured: String
        }
        public var name: String
        public var origin: String
        public var rows: [Row]
    }

    public var title: String
    public var subtitle: String
    public var statusBanner: Banner?
    public var status: String
    public var headline: [NameValueView]
    public var figures: Figures
    public var preset: Preset?
    public var notes: [NoteView]
    public var trainingSentence: String
    public var epochs: [EpochRow]
    public var hasBest: Bool
    public var restoredBest: Bool
    public var testSentence: String
    public var perClass: [ClassRow]
    public var hyperparameters: [NameValueView]
    public var architecture: String
    public var inputTransform: String
    public var files: [FileView]
    public var environment: [NameValueView]
    public var command: String
    public var version: String
    /// The report folder, for the job summary.
    public var folder: String = ""
    /// Loss lines for the job summary.
    public var sparklines: [SparklineView] = []
}
