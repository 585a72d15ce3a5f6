#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Activation {
    /// Forward, fused with the bias add: `a[r, j] = f(z[r, j] + b[j])`, in place.
    ///
    /// z (rows, columns) -> a (rows, columns), b (columns)
    public func forward(_ z: UnsafeMutablePointer<Float>, bias b: UnsafePointer<Float>, rows: Int, columns: Int) {
        switch self {
        case .relu:
            let zero = SIMD8<Float>()
            let rb = UnsafeRawPointer(b)
            for r in 0..<rows {
                let row = z + r * columns
                let raw = UnsafeMutableRawPointer(row)
                var j = 0
                while j + 8 <= columns {
                    let v =
                        raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self)
                        + rb.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self)
                    raw.storeBytes(
                        of: v.replacing(with: zero, where: v .< zero), toByteOffset: j * 4, as: SIMD8<Float>.self)
                    j += 8
                }
                while j < columns {
                    row[j] = Swift.max(row[j] + b[j], 0)
                    j += 1
                }
            }
        case .sigmoid:
            for r in 0..<rows {
                let row = z + r * columns
                for j in 0..<columns { row[j] = Activation.sigmoid(row[j] + b[j]) }
            }
        case .tanh:
            for r in 0..<rows {
                let row = z + r * columns
                for j in 0..<columns { row[j] = tanhf(row[j] + b[j]) }
            }
        }
    }

    /// Backward from the activation's output: `dZ = dA * f'(z)`, with f' written in terms of
    /// `a = f(z)` (relu: a > 0; sigmoid: a(1 - a); tanh: 1 - a²), in place over `dA`.
    ///
    /// dA (count), a (count) -> dZ (count)
    public func backward(_ gradient: UnsafeMutablePointer<Float>, output a: UnsafePointer<Float>, count: Int) {
        switch self {
        case .relu:
            let zero = SIMD8<Float>()
            let rg = UnsafeMutableRawPointer(gradient), ra = UnsafeRawPointer(a)
            var i = 0
            while i + 8 <= count {
                let g = rg.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                let out = ra.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                rg.storeBytes(
                    of: g.replacing(with: zero, where: out .<= zero), toByteOffset: i * 4, as: SIMD8<Float>.self)
                i += 8
            }
            while i < count {
                gradient[i] = a[i] > 0 ? gradient[i] : 0
                i += 1
            }
        case .sigmoid:
            for i in 0..<count { gradient[i] *= a[i] * (1 - a[i]) }
        case .tanh:
            for i in 0..<count { gradient[i] *= 1 - a[i] * a[i] }
        }
    }

    /// The logistic function, without overflow for large negative inputs.
    static func sigmoid(_ x: Float) -> Float {
        // exp(-x) overflows to +inf for x < -88, which still gives the right limit 0; computing
        // through exp(x) for negative x keeps the intermediate finite and precise.
        if x >= 0 {
            return 1 / (1 + expf(-x))
        }
        let e = expf(x)
        return e / (1 + e)
    }
}
