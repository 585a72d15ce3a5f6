/// A filled band around a series, such as mean ± standard deviation over several seeds.
public struct SpreadBand: Hashable, Sendable {
    /// What the band shows; named in the legend.
    public enum Kind: Hashable, Sendable {
        case standardDeviation
        case minMax
        /// Any other band, described in the legend by its text.
        case custom(String)

        var legendText: String {
            switch self {
            case .standardDeviation: "mean ± std"
            case .minMax: "mean, min–max"
            case .custom(let text): text
            }
        }
    }

    /// Lower and upper edges, aligned with the series' points (non-finite values are gaps).
    public var lower: [Double]
    public var upper: [Double]
    public var kind: Kind
    /// How many runs the band summarises, stated in the legend.
    public var count: Int?
    public var opacity: Double

    public init(lower: [Double], upper: [Double], kind: Kind, count: Int? = nil, opacity: Double = 0.2) {
        precondition(lower.count == upper.count, "band edges differ in length: \(lower.count) vs \(upper.count)")
        self.lower = lower
        self.upper = upper
        self.kind = kind
        self.count = count
        self.opacity = opacity
    }

    /// The legend's description: "mean ± std, n = 5".
    public var legendText: String {
        count.map { "\(kind.legendText), n = \($0)" } ?? kind.legendText
    }
}
