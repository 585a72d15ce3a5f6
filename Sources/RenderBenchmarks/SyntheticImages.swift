import Report
import Randomness
import Foundation

/// Digit-like 28x28 images and weight-like patterns drawn from a seed, for benchmarks and tests.
enum SyntheticImages {
    /// Seven-segment strokes of each digit: segments a (top), b (top right), c (bottom right),
    /// d (bottom), e (bottom left), f (top left), g (middle).
    static let segments: [[Character]] = [
        ["a", "b", "c", "d", "e", "f"], ["b", "c"], ["a", "b", "g", "e", "d"], ["a", "b", "g", "c", "d"],
        ["f", "g", "b", "c"], ["a", "f", "g", "c", "d"], ["a", "f", "g", "e", "c", "d"], ["a", "b", "c"],
        ["a", "b", "c", "d", "e", "f", "g"], ["a", "b", "c", "d", "f", "g"],
    ]

    /// A handwritten-looking digit: slanted, shifted, stroke width varied, anti-aliased.
    static func digit(_ digit: Int, rng: inout SplitMix64) -> [UInt8] {
        let slant = 0.25 * (rng.nextUnitDouble() - 0.3)
        let dx = 2 * (rng.nextUnitDouble() - 0.5), dy = 2 * (rng.nextUnitDouble() - 0.5)
        let width = 1.4 + rng.nextUnitDouble()
        let (x0, x1, y0, y1, ym) = (9.0 + dx, 19.0 + dx, 5.0 + dy, 23.0 + dy, 14.0 + dy)
        func point(_ x: Double, _ y: Double) -> (Double, Double) { (x + slant * (14 - y), y) }
        let ends: [Character: ((Double, Double), (Double, Double))] = [
            "a": (point(x0, y0), point(x1, y0)), "b": (point(x1, y0), point(x1, ym)),
            "c": (point(x1, ym), point(x1, y1)),
            "d": (point(x0, y1), point(x1, y1)), "e": (point(x0, ym), point(x0, y1)),
            "f": (point(x0, y0), point(x0, ym)),
            "g": (point(x0, ym), point(x1, ym)),
        ]
        let strokes = segments[digit % 10].compactMap { ends[$0] }
        var pixels = [UInt8](repeating: 0, count: 784)
        for y in 0..<28 {
            for x in 0..<28 {
                let px = Double(x) + 0.5, py = Double(y) + 0.5
                let d = strokes.map { distance(px, py, $0.0, $0.1) }.min() ?? .infinity
                let ink = min(max(width - d + 0.5, 0), 1)
                pixels[y * 28 + x] = UInt8((ink * 255).rounded())
            }
        }
        return pixels
    }

    /// A smooth weight-like pattern: a few Gaussian blobs of either sign plus a little noise.
    static func weightPattern(rng: inout SplitMix64) -> [Float] {
        let blobs = (0..<4).map { _ in
            (
                x: 6 + 16 * rng.nextUnitDouble(), y: 6 + 16 * rng.nextUnitDouble(), s: 2 + 3 * rng.nextUnitDouble(),
                a: rng.standInNormal() * 0.08
            )
        }
        return (0..<784).map { i in
            let x = Double(i % 28), y = Double(i / 28)
            var v = 0.004 * rng.standInNormal()
            for b in blobs { v += b.a * exp(-((x - b.x) * (x - b.x) + (y - b.y) * (y - b.y)) / (2 * b.s * b.s)) }
            return Float(v)
        }
    }

    /// Distance from (px, py) to the segment from a to b.
    static func distance(_ px: Double, _ py: Double, _ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let vx = b.0 - a.0, vy = b.1 - a.1
        let t = min(max(((px - a.0) * vx + (py - a.1) * vy) / (vx * vx + vy * vy), 0), 1)
        let cx = a.0 + t * vx - px, cy = a.1 + t * vy - py
        return (cx * cx + cy * cy).squareRoot()
    }
}
