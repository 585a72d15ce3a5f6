#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few libm functions Charts needs, so only this file imports the platform C library.
enum Math {
    static func log10(_ x: Double) -> Double { libmLog10(x) }
    static func pow(_ x: Double, _ y: Double) -> Double { libmPow(x, y) }
    static func cos(_ x: Double) -> Double { libmCos(x) }
    static func sin(_ x: Double) -> Double { libmSin(x) }

    /// `10^k` for an integer exponent; exact for |k| <= 22, where powers of ten are
    /// representable, which keeps `k * step` ticks free of accumulated error.
    static func pow10(_ k: Int) -> Double { libmPow(10, Double(k)) }
}

// File-scope helpers: here the bare names resolve to the C library, not to `Math`'s members.
private func libmLog10(_ x: Double) -> Double { log10(x) }
private func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
private func libmCos(_ x: Double) -> Double { cos(x) }
private func libmSin(_ x: Double) -> Double { sin(x) }
