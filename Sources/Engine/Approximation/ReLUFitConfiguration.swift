import Randomness
/// How ``ReLUFitter`` fits a one-input ReLU network to a few points: full-batch Adam on the
/// mean squared error in Double, from several seeded random starts.
public struct ReLUFitConfiguration: Hashable, Sendable {
    /// Hidden units H.
    public var hiddenUnits: Int
    /// Independent random starts.
    public var starts: Int
    /// Adam steps per start (each on the whole data set).
    public var steps: Int
    /// Adam's peak learning rate; it decays along half a cosine to 0 at the last step.
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    /// Seed of the starting points: start k draws from `SplitMix64(seed: seed, stream: k)`.
    public var seed: UInt64
    /// A fit is exact when every |residual| is below this.
    public var exactTolerance: Double
    /// About how many points of each start's loss curve are kept (for the report's chart).
    public var historyPoints: Int

    public init(
        hiddenUnits: Int = 4, starts: Int = 20, steps: Int = 20_000, learningRate: Double = 0.01, beta1: Double = 0.9,
        beta2: Double = 0.999, epsilon: Double = 1e-8, seed: UInt64 = 1, exactTolerance: Double = 1e-6,
        historyPoints: Int = 200
    ) {
        self.hiddenUnits = hiddenUnits
        self.starts = starts
        self.steps = steps
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.seed = seed
        self.exactTolerance = exactTolerance
        self.historyPoints = historyPoints
    }

    /// The largest number of starts and steps accepted: enough for any demonstration, small
    /// enough that a typo cannot keep the machine busy for hours.
    public static let maximumStarts = 1000
    public static let maximumSteps = 10_000_000

    /// Checks every setting; the errors name the command-line option.
    public func validate() throws(ConfigurationError) {
        func fail(_ option: String, _ value: Any, _ expected: String) -> ConfigurationError {
            ConfigurationError(option: option, value: "\(value)", expected: expected)
        }
        if hiddenUnits < 1 || hiddenUnits > 64 { throw fail("hidden units", hiddenUnits, "between 1 and 64") }
        if starts < 1 || starts > Self.maximumStarts {
            throw fail("--starts", starts, "a whole number between 1 and \(Self.maximumStarts), such as 20")
        }
        if steps < 1 || steps > Self.maximumSteps {
            throw fail("--steps", steps, "a whole number between 1 and \(Self.maximumSteps), such as 20000")
        }
        if !(learningRate > 0 && learningRate.isFinite) { throw fail("--lr", learningRate, "a positive number such as 0.01") }
        if !(beta1 >= 0 && beta1 < 1) { throw fail("beta1", beta1, "a value in [0, 1) such as 0.9") }
        if !(beta2 >= 0 && beta2 < 1) { throw fail("beta2", beta2, "a value in [0, 1) such as 0.999") }
        if !(epsilon > 0 && epsilon.isFinite) { throw fail("epsilon", epsilon, "a small positive number such as 1e-8") }
        if seed > (1 << 53) { throw fail("--seed", seed, "a whole number up to 2^53 (it is stored in JSON)") }
        if !(exactTolerance > 0 && exactTolerance.isFinite) {
            throw fail("exact tolerance", exactTolerance, "a small positive number such as 1e-6")
        }
        if historyPoints < 2 { throw fail("history points", historyPoints, "at least 2") }
    }

    /// How starting points are drawn, for the report.
    public static let initialisationText =
        "each unit's kink −b1/W1 uniform over the data's x range, |W1| uniform in [0.5, 1.5] with a random sign, "
        + "W2 normal with standard deviation 0.5, b2 = 0"
}
