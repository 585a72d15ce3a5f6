/// Tick values for one axis with their labels, plus unlabelled minor ticks.
public struct TickSet: Hashable, Sendable {
    public var values: [Double]
    public var labels: [String]
    public var minor: [Double]

    public init(values: [Double], labels: [String], minor: [Double] = []) {
        precondition(values.count == labels.count, "\(values.count) ticks but \(labels.count) labels")
        self.values = values
        self.labels = labels
        self.minor = minor
    }

    /// Ticks for `domain` on a scale of `type`, about `targetCount` of them.
    public static func automatic(for domain: ClosedRange<Double>, type: ScaleType, targetCount: Int) -> TickSet {
        switch type {
        case .linear: NiceTicks.ticks(in: domain, targetCount: targetCount)
        case .log: LogTicks.ticks(in: domain, targetCount: targetCount)
        }
    }
}
