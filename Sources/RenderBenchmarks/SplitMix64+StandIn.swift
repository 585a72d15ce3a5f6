import Report
import Foundation
import Randomness

extension SplitMix64 {
    /// A standard normal sample for the benchmark's stand-in data (Box–Muller on
    /// `max(u, 1e-300)`; kept as it was, so the stand-in figures keep their bytes).
    mutating func standInNormal() -> Double {
        let u = max(nextUnitDouble(), 1e-300)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * nextUnitDouble())
    }
}
