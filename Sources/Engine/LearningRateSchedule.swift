#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How the learning rate changes during a run.
public enum LearningRateSchedule: Sendable, Equatable {
    /// The base rate throughout.
    case constant
    /// Multiplied by `factor` every `everyEpochs` epochs.
    case step(everyEpochs: Int, factor: Double)
    /// Multiplied by `factor` after every epoch: `lr₀ · factorᵉ⁻¹` in epoch e (cs231n's
    /// `learning_rate_decay`).
    case exponential(factor: Double)
    /// Half a cosine from the base rate down to `minimum` over the planned steps of the run,
    /// updated every step.
    case cosine(minimum: Double)

    /// The rate for a step.
    ///
    /// - Parameters:
    ///   - base: the configured learning rate.
    ///   - epoch: 1-based epoch of the step.
    ///   - step: 0-based global step index.
    ///   - totalSteps: the steps the run plans (epochs × steps per epoch, capped by the
    ///     iteration limit).
    public func rate(base: Double, epoch: Int, step: Int, totalSteps: Int) -> Double {
        switch self {
        case .constant:
            return base
        case .step(let every, let factor):
            return base * pow(factor, Double((epoch - 1) / Swift.max(every, 1)))
        case .exponential(let factor):
            return base * pow(factor, Double(epoch - 1))
        case .cosine(let minimum):
            let progress = totalSteps > 1 ? Double(Swift.min(step, totalSteps - 1)) / Double(totalSteps - 1) : 0
            return minimum + (base - minimum) * 0.5 * (1 + cos(Double.pi * progress))
        }
    }

    /// The name used on the command line and in summary.json.
    public var name: String {
        switch self {
        case .constant: "constant"
        case .step: "step"
        case .exponential: "exponential"
        case .cosine: "cosine"
        }
    }
}
