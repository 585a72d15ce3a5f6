import Dispatch
import LinearAlgebra

/// Plain stochastic gradient descent: `x -= lr * g`, then `g = 0`.
public final class SGDOptimizer: Optimizer {
    public init() {}

    public func directUpdateScale(learningRate: Float) -> Float? { -learningRate }

    public func step(_ parameters: [Parameter], learningRate: Float) {
        let lr = SIMD8<Float>(repeating: learningRate)
        for p in parameters {
            // One pass: update and clear together (a separate fill would read nothing but still
            // stream the whole gradient through the cache again).
            let x = UnsafeMutableRawPointer(p.values.data), g = UnsafeMutableRawPointer(p.gradient.data)
            let count = p.values.count
            var i = 0
            while i + 8 <= count {
                let o = i * 4
                let updated =
                    x.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
                    - lr * g.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
                x.storeBytes(of: updated, toByteOffset: o, as: SIMD8<Float>.self)
                g.storeBytes(of: SIMD8<Float>(), toByteOffset: o, as: SIMD8<Float>.self)
                i += 8
            }
            let xs = p.values.data, gs = p.gradient.data
            while i < count {
                xs[i] -= learningRate * gs[i]
                gs[i] = 0
                i += 1
            }
        }
    }
}

/// Classic momentum as cs231n writes it: `v = μ v - lr g; x += v`, then `g = 0`.
public final class MomentumOptimizer: Optimizer {
    public let momentum: Float
    let velocity: OptimizerState

    public init(parameterCounts: [Int], momentum: Float) {
        self.momentum = momentum
        velocity = OptimizerState(counts: parameterCounts)
    }

    public func step(_ parameters: [Parameter], learningRate: Float) {
        velocity.check(parameters)
        let mu = SIMD8<Float>(repeating: momentum), lr = SIMD8<Float>(repeating: learningRate)
        for (index, p) in parameters.enumerated() {
            let x = UnsafeMutableRawPointer(p.values.data), g = UnsafeMutableRawPointer(p.gradient.data)
            let v = UnsafeMutableRawPointer(velocity.buffers[index])
            let count = p.values.count
            var i = 0
            while i + 8 <= count {
                let o = i * 4
                let vNew =
                    mu * v.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
                    - lr * g.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
                v.storeBytes(of: vNew, toByteOffset: o, as: SIMD8<Float>.self)
                x.storeBytes(
                    of: x.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self) + vNew, toByteOffset: o,
                    as: SIMD8<Float>.self)
                g.storeBytes(of: SIMD8<Float>(), toByteOffset: o, as: SIMD8<Float>.self)
                i += 8
            }
            let xs = p.values.data, gs = p.gradient.data, vs = velocity.buffers[index]
            while i < count {
                vs[i] = momentum * vs[i] - learningRate * gs[i]
                xs[i] += vs[i]
                gs[i] = 0
                i += 1
            }
        }
    }
}

/// Adam (Kingma and Ba 2015) with bias correction, in PyTorch's arrangement:
/// `m = β1 m + (1-β1) g; v = β2 v + (1-β2) g²; x -= (lr / (1-β1ᵗ)) · m / (√v / √(1-β2ᵗ) + ε)`,
/// then `g = 0`.
public final class AdamOptimizer: Optimizer {
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    /// Steps taken so far (t in the bias corrections).
    public internal(set) var stepCount = 0
    let first: OptimizerState
    let second: OptimizerState

    /// Threads the update is split across (the element-wise update gives the same result for any split).
    public let threads: Int

    public init(parameterCounts: [Int], beta1: Float, beta2: Float, epsilon: Float, threads: Int = 1) {
        precondition(threads >= 1, "Adam needs at least one thread, got \(threads)")
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.threads = threads
        first = OptimizerState(counts: parameterCounts)
        second = OptimizerState(counts: parameterCounts)
    }

    public func step(_ parameters: [Parameter], learningRate: Float) {
        first.check(parameters)
        stepCount += 1
        // Bias corrections in Double: 1 - β2ᵗ loses all precision in Float for β2 = 0.999
        // only after ~10⁷ steps, but Double costs nothing here.
        let t = Double(stepCount)
        let correction1 = 1 - pow(Double(beta1), t), correction2 = 1 - pow(Double(beta2), t)
        let stepSize = Float(Double(learningRate) / correction1)
        let inverseRoot2 = Float(1 / correction2.squareRoot())
        let total = parameters.reduce(0) { $0 + $1.values.count }
        // Adam reads and writes seven floats per parameter: at batch 32 it is a fifth of an epoch,
        // bound by one core's cache bandwidth. Split the flat parameter range into equal parts, one
        // per thread (in multiples of 8 so every part but the last is whole AVX vectors); below
        // 64k parameters the hand-off costs more than it saves.
        let parts = total >= 65_536 ? threads : 1
        if parts == 1 {
            update(parameters, range: 0..<total, stepSize: stepSize, inverseRoot2: inverseRoot2)
            return
        }
        let chunk = (total / parts + 7) / 8 * 8
        nonisolated(unsafe) let unsafeSelf = self
        nonisolated(unsafe) let unsafeParameters = parameters
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            // Safe: the parts are disjoint ranges of the same buffers, and `step` waits for all of them.
            let range = (part * chunk)..<Swift.min(total, (part + 1) * chunk)
            unsafeSelf.update(unsafeParameters, range: range, stepSize: stepSize, inverseRoot2: inverseRoot2)
        }
    }

    /// Updates the parameters whose flat indices (all parameters end to end) fall in `range`.
    private func update(_ parameters: [Parameter], range: Range<Int>, stepSize: Float, inverseRoot2: Float) {
        var offset = 0
        for (index, p) in parameters.enumerated() {
            let count = p.values.count
            let lower = Swift.max(range.lowerBound, offset), upper = Swift.min(range.upperBound, offset + count)
            if lower < upper {
                let start = lower - offset
                BLAS.adamUpdate(
                    count: upper - lower, x: p.values.data + start, g: p.gradient.data + start,
                    m: first.buffers[index] + start, v: second.buffers[index] + start, beta1: beta1, beta2: beta2,
                    step: stepSize, inverseRoot2: inverseRoot2, epsilon: epsilon)
            }
            offset += count
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
