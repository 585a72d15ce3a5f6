/// One recorded value of a metric.
///
/// `step` is the global optimisation step as the log wrote it (nnreport counts from 1,
/// Lightning and TensorBoard as their writers did). `epoch` is 1-based: for an epoch-cadence
/// value, the epoch whose end it describes (Keras's and Lightning's 0-based numbers are shifted
/// on reading); for a step value, the epoch the step belongs to. A value that was NaN or
/// infinite in the log is stored as NaN: a gap in the line, not a point.
public struct MetricPoint: Sendable, Equatable {
    public var step: Int?
    public var epoch: Double?
    public var value: Double

    public init(step: Int? = nil, epoch: Double? = nil, value: Double) {
        self.step = step
        self.epoch = epoch
        self.value = value
    }

    /// False for a gap.
    public var isFinite: Bool { value.isFinite }

    public static func == (lhs: MetricPoint, rhs: MetricPoint) -> Bool {
        lhs.step == rhs.step && lhs.epoch == rhs.epoch
            && (lhs.value == rhs.value || (lhs.value.isNaN && rhs.value.isNaN))
    }
}
