import LinearAlgebra

/// One trainable tensor and its gradient, as an optimizer sees them.
public struct Parameter {
    public let values: Matrix
    public let gradient: Matrix

    public init(values: Matrix, gradient: Matrix) {
        precondition(
            values.count == gradient.count, "parameter \(values.count) and gradient \(gradient.count) differ in size")
        self.values = values
        self.gradient = gradient
    }
}

/// An update rule. Optimizers keep per-parameter state (velocities, moment estimates) allocated
/// once for the parameters they were created for, in the same order.
public protocol Optimizer: AnyObject {
    /// Updates every parameter in place from its gradient, then sets the gradient to zero: the
    /// backward pass accumulates into it (``DenseKernels/accumulateParameterGradients(outputGradient:input:weightGradient:biasGradient:)``).
    func step(_ parameters: [Parameter], learningRate: Float)

    /// For update rules that are a fixed multiple of the gradient (plain SGD: `-lr`), that
    /// multiple: the backward pass may then add the scaled gradient straight into the parameters
    /// and skip the gradient buffers. Nil for rules with state.
    func directUpdateScale(learningRate: Float) -> Float?
}

extension Optimizer {
    public func directUpdateScale(learningRate: Float) -> Float? { nil }
}

/// The update rules the command line can name.
public enum OptimizerKind: String, Sendable, CaseIterable, Codable {
    case sgd
    case momentum
    case adam
}

/// Per-parameter state buffers, one per parameter, allocated once.
final class OptimizerState {
    let buffers: [UnsafeMutablePointer<Float>]
    let counts: [Int]

    init(counts: [Int]) {
        self.counts = counts
        buffers = counts.map {
            let p = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max($0, 1))
            p.initialize(repeating: 0, count: Swift.max($0, 1))
            return p
        }
    }

    deinit {
        for b in buffers { b.deallocate() }
    }

    func check(_ parameters: [Parameter]) {
        precondition(
            parameters.count == counts.count && zip(parameters, counts).allSatisfy { $0.values.count == $1 },
            "optimizer created for parameter sizes \(counts), stepped with \(parameters.map(\.values.count))")
    }
}
