/// What an axis shows and how it is labelled.
public struct AxisSpec: Hashable, Sendable {
    public enum Ticks: Hashable, Sendable {
        /// Nice ticks chosen from the axis length.
        case automatic
        /// Nice ticks that are whole numbers (epochs, counts).
        case integers
        /// Exactly these values, formatted like automatic ticks.
        case values([Double])
        /// No ticks or tick labels.
        case hidden
    }

    public enum LabelFormat: Hashable, Sendable {
        case automatic
        /// Fractions shown as percentages: 0.98 -> "98%".
        case percent
    }

    public var label: String?
    public var scale: ScaleType
    /// A fixed data range; nil fits the data with padding.
    public var domain: ClosedRange<Double>?
    public var includesZero: Bool
    public var ticks: Ticks
    public var format: LabelFormat
    public var showsGrid: Bool

    public init(
        label: String? = nil, scale: ScaleType = .linear, domain: ClosedRange<Double>? = nil,
        includesZero: Bool = false, ticks: Ticks = .automatic, format: LabelFormat = .automatic,
        showsGrid: Bool = true
    ) {
        self.label = label
        self.scale = scale
        self.domain = domain
        self.includesZero = includesZero
        self.ticks = ticks
        self.format = format
        self.showsGrid = showsGrid
    }
}
