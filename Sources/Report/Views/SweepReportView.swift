/// The view of `templates/sweep.md.mustache` and `sweep-summary.md.mustache`.
public struct SweepReportView: Sendable {
    public struct Figures: Sendable {
        public var validation, training, tuning: FigureView?

        init(_ links: [FigureLink]) {
            func find(_ key: String) -> FigureView? { links.first { $0.key == key }.map(FigureView.init) }
            validation = find("validation")
            training = find("training")
            tuning = find("tuning")
        }
    }

    public struct Column: Sendable {
        public var name: String
    }

    public struct Cell: Sendable {
        public var text: String
    }

    public struct SettingRow: Sendable {
        public var cells: [Cell]
        public var n: Int
        public var finalValidation, bestValidation, note: String
    }

    public struct Best: Sendable {
        public var label: String
        public var bestValidation: String
        public var n: Int
        public var test: String?
        public var testN: Int?
    }

    public struct TrialRow: Sendable {
        public var key, folder, seed, status: String
        public var epochs: Int
        public var finalValidation, bestValidation: String
    }

    public struct Banner: Sendable {
        public var headline, text: String
    }

    public var title: String
    public var intro: String
    public var overview: String
    public var statusBanner: Banner?
    public var best: Best?
    public var noBest: String?
    public var figures: Figures
    public var axisColumns: [Column]
    public var settings: [SettingRow]
    public var tableNote: String
    public var statisticsNote: String
    public var trials: [TrialRow]
    public var fixedOptions: [NameValueView]
    public var commandBlock: String
    public var isMerged: Bool
    public var reproduce: String
    public var files: [FileView]
    public var folder: String
    public var version: String
}
