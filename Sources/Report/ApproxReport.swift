/// Everything the `nnreport approx` report shows, as plain data computed by the pipeline: the
/// box from two step neurons, a smooth function approximated by boxes, and small ReLU networks
/// fitted to two data sets.
///
/// Like ``RunReport``, the Report module knows nothing about the engine: curves arrive as
/// sampled x and y arrays, networks as their parameter arrays.
public struct ApproxReport: Sendable {
    public var title: String
    public var box: ApproxBox
    public var staircase: ApproxStaircase
    public var fits: [ApproxFit]
    /// Settings of the fits (option and value), in the order they should be listed.
    public var settings: [(name: String, value: String)]
    public var environment: [(name: String, value: String)]
    /// The exact command line that reproduces the report.
    public var command: String
    public var version: String

    public init(
        title: String, box: ApproxBox, staircase: ApproxStaircase, fits: [ApproxFit],
        settings: [(name: String, value: String)], environment: [(name: String, value: String)], command: String,
        version: String
    ) {
        self.title = title
        self.box = box
        self.staircase = staircase
        self.fits = fits
        self.settings = settings
        self.environment = environment
        self.command = command
        self.version = version
    }
}

/// A curve sampled at points, in data units; x non-decreasing (equal x values draw a jump).
public struct ApproxCurve: Sendable, Equatable {
    public var x: [Double]
    public var y: [Double]

    public init(x: [Double], y: [Double]) {
        precondition(x.count == y.count, "a curve needs as many y as x values, got \(y.count) and \(x.count)")
        self.x = x
        self.y = y
    }
}

/// A network with one hidden layer: weights and biases of the hidden neurons, weights and bias
/// of the linear output. Hidden neurons are unit steps or ReLUs, as the context says.
public struct ApproxNetwork: Sendable, Equatable {
    /// Input weight of each hidden neuron, (H).
    public var hiddenWeights: [Double]
    /// Bias of each hidden neuron, (H).
    public var hiddenBiases: [Double]
    /// Weight of each hidden neuron in the output, (H).
    public var outputWeights: [Double]
    public var outputBias: Double

    public init(hiddenWeights: [Double], hiddenBiases: [Double], outputWeights: [Double], outputBias: Double) {
        precondition(
            hiddenWeights.count == hiddenBiases.count && hiddenBiases.count == outputWeights.count,
            "network arrays differ in length: \(hiddenWeights.count), \(hiddenBiases.count), \(outputWeights.count)")
        self.hiddenWeights = hiddenWeights
        self.hiddenBiases = hiddenBiases
        self.outputWeights = outputWeights
        self.outputBias = outputBias
    }

    public var hiddenCount: Int { hiddenWeights.count }
}

/// The box of height h on [start, start + δ) made by two step neurons.
public struct ApproxBox: Sendable {
    public var height: Double
    public var start: Double
    public var width: Double
    public var network: ApproxNetwork
    /// The box's output y(x) over the plotted range.
    public var output: ApproxCurve
    /// Each hidden neuron's part of the output, v_j · σ(w_j · x + b_j), over the plotted range.
    public var neurons: [ApproxCurve]
    /// The hidden neurons and the output at a few telling inputs (either side of each edge).
    public var probes: [Probe]

    public init(
        height: Double, start: Double, width: Double, network: ApproxNetwork, output: ApproxCurve,
        neurons: [ApproxCurve], probes: [Probe]
    ) {
        self.height = height
        self.start = start
        self.width = width
        self.network = network
        self.output = output
        self.neurons = neurons
        self.probes = probes
    }

    /// The network at one input: each hidden neuron's activation and the output.
    public struct Probe: Sendable, Equatable {
        public var x: Double
        public var hidden: [Double]
        public var y: Double

        public init(x: Double, hidden: [Double], y: Double) {
            self.x = x
            self.hidden = hidden
            self.y = y
        }
    }
}

/// A smooth function on [−B, B] and its staircase approximations by N boxes.
public struct ApproxStaircase: Sendable {
    /// "sin(2x) + 0.5·cos(5x)".
    public var formula: String
    public var interval: ClosedRange<Double>
    public var lipschitzBound: Double
    public var lipschitzReason: String
    /// f over the interval, finely sampled.
    public var target: ApproxCurve
    /// One level per box count, in increasing N.
    public var levels: [Level]
    /// Grid cells the errors were measured on (at their midpoints).
    public var errorGridCells: Int

    public init(
        formula: String, interval: ClosedRange<Double>, lipschitzBound: Double, lipschitzReason: String,
        target: ApproxCurve, levels: [Level], errorGridCells: Int
    ) {
        self.formula = formula
        self.interval = interval
        self.lipschitzBound = lipschitzBound
        self.lipschitzReason = lipschitzReason
        self.target = target
        self.levels = levels
        self.errorGridCells = errorGridCells
    }

    /// The approximation by N boxes.
    public struct Level: Sendable {
        public var boxes: Int
        public var boxWidth: Double
        /// Box edges (N + 1) and heights f(centre) (N).
        public var edges: [Double]
        public var heights: [Double]
        /// The step network with two neurons per box.
        public var network: ApproxNetwork
        /// Neurons after merging the shared edges of neighbouring boxes (N + 1).
        public var mergedNeurons: Int
        /// The staircase over the interval.
        public var staircase: ApproxCurve
        public var maxError: Double
        public var rmsError: Double
        /// Where the largest error occurs.
        public var worstX: Double
        /// L · δ / 2.
        public var errorBound: Double

        public init(
            boxes: Int, boxWidth: Double, edges: [Double], heights: [Double], network: ApproxNetwork,
            mergedNeurons: Int, staircase: ApproxCurve, maxError: Double, rmsError: Double, worstX: Double,
            errorBound: Double
        ) {
            self.boxes = boxes
            self.boxWidth = boxWidth
            self.edges = edges
            self.heights = heights
            self.network = network
            self.mergedNeurons = mergedNeurons
            self.staircase = staircase
            self.maxError = maxError
            self.rmsError = rmsError
            self.worstX = worstX
            self.errorBound = errorBound
        }
    }
}
