import Charts
import ChartsCairo
import Foundation
import TestSupport
import Testing

/// Compares images like matplotlib's `compare_images`: per-pixel channel differences with a
/// tolerance, writing the actual and a diff image to a temporary folder on failure.
enum PixelComparison {
    /// Records an issue when more than `allowedFraction` of pixels differ by more than
    /// `tolerance` in some channel, or the RMS difference exceeds `maxRMS`.
    static func expectSimilar(
        _ actual: RasterImage, _ expected: RasterImage, name: String, tolerance: Int = 24,
        allowedFraction: Double = 0.002,
        maxRMS: Double = 4, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard actual.width == expected.width, actual.height == expected.height else {
            Issue.record(
                "\(name): size \(actual.width)x\(actual.height), expected \(expected.width)x\(expected.height)",
                sourceLocation: sourceLocation)
            return
        }
        var bad = 0
        var squares = 0.0
        var diff = [UInt8](repeating: 255, count: actual.pixels.count)
        for p in 0..<(actual.width * actual.height) {
            var worst = 0
            for c in 0..<3 {
                let d = abs(Int(actual.pixels[p * 4 + c]) - Int(expected.pixels[p * 4 + c]))
                worst = max(worst, d)
                squares += Double(d * d)
            }
            if worst > tolerance { bad += 1 }
            // Diff image: unchanged pixels faint grey, differing ones red by size of difference.
            let shade = UInt8(255 - min(255, worst * 4))
            diff[p * 4] = worst > 0 ? 255 : 235
            diff[p * 4 + 1] = worst > 0 ? shade : 235
            diff[p * 4 + 2] = worst > 0 ? shade : 235
        }
        let rms = (squares / Double(actual.pixels.count / 4 * 3)).squareRoot()
        let fraction = Double(bad) / Double(actual.width * actual.height)
        guard fraction > allowedFraction || rms > maxRMS else { return }
        var where_ = "(could not write the images)"
        if let folder = try? TestData.makeTemporaryDirectory("nnreport-pixels") {
            let actualURL = folder.appendingPathComponent("\(name)-actual.png")
            let diffURL = folder.appendingPathComponent("\(name)-diff.png")
            let diffImage = RasterImage(width: actual.width, height: actual.height, pixels: diff)
            if let a = try? TestRendering.renderer.render(TestRendering.scene(showing: actual), format: .png),
                let d = try? TestRendering.renderer.render(TestRendering.scene(showing: diffImage), format: .png)
            {
                try? Data(a).write(to: actualURL)
                try? Data(d).write(to: diffURL)
                where_ = "actual and diff images in \(folder.path)"
            }
        }
        Issue.record(
            "\(name): \(bad) pixels (\(fraction * 100)%) differ by more than \(tolerance), RMS \(rms); \(where_)",
            sourceLocation: sourceLocation)
    }
}
