/// The view of `templates/approx.md.mustache` and `approx-summary.md.mustache`.
public struct ApproxReportView: Sendable {
    public struct Figures: Sendable {
        public var box, staircases, staircaseErrors: FigureView?

        init(_ links: [FigureLink]) {
            func find(_ key: String) -> FigureView? { links.first { $0.key == key }.map(FigureView.init) }
            box = find("box")
            staircases = find("staircases")
            staircaseErrors = find("staircaseErrors")
        }
    }

    public struct Box: Sendable {
        public struct Neuron: Sendable {
            public var number: Int
            public var weight, bias, `switch`, output: String
        }
        public struct Probe: Sendable {
            public var x: String
            public var hidden: [String]
            public var y, why: String
        }
        public var height, width, start, end: String
        public var neurons: [Neuron]
        public var formula, outputBias: String
        public var probes: [Probe]
    }

    public struct Staircase: Sendable {
        public struct Level: Sendable {
            public var boxes: Int
            public var width: String
            public var neurons, merged: Int
            public var maxError, rms, bound, scaled, worstX: String
        }
        public struct First: Sendable {
            public struct Row: Sendable {
                public var number, box: Int
                public var weight, bias, `switch`, output: String
            }
            public var boxes, neurons, merged: Int
            public var rows: [Row]
        }
        public var formula, lower, upper, b, lipschitz, lipschitzReason: String
        public var levels: [Level]
        public var rate, gridCells: String
        public var first: First?
    }

    public struct FitIntro: Sendable {
        public var units, starts: Int
        public var steps, tolerance: String
    }

    public struct Fit: Sendable {
        public struct HandBuilt: Sendable {
            public struct Row: Sendable {
                public var unit: Int
                public var w1, b1, w2, role: String
            }
            public var units: Int
            public var rows: [Row]
            public var b2, maxResidual: String
        }
        public struct Parameter: Sendable {
            public var unit: Int
            public var w1, b1, w2, kink, slopeChange, on: String
        }
        public struct Residual: Sendable {
            public var x, t, y, r: String
        }
        public struct Start: Sendable {
            public var number: Int
            public var isBest: Bool
            public var loss, maxResidual, exact, kinks, dead: String
        }
        public struct Note: Sendable {
            public var headline, text: String
        }
        public var number: Int
        public var xText, tText, need, outcome: String
        public var handBuilt: HandBuilt?
        public var fitFigure: FigureView?
        public var note: Note?
        public var parameters: [Parameter]
        public var outputBias: String
        public var residuals: [Residual]
        public var startsFigure: FigureView?
        public var starts: [Start]
    }

    public var title: String
    public var headline: [NameValueView]
    public var figures: Figures
    public var box: Box
    public var staircase: Staircase
    public var fitIntro: FitIntro?
    public var fits: [Fit]
    public var conclusions: [String]
    public var settings: [NameValueView]
    public var files: [FileView]
    public var environment: [NameValueView]
    public var command: String
    public var version: String
    /// The report folder, for the job summary.
    public var folder: String = ""
}
