import ChartsCairo
import Foundation
import Metrics
import Testing
import TestSupport

/// What the `nnreport render` / `merge` end-to-end tests share: fixtures, running the binary,
/// and checking a report folder the way a reader would.
enum RenderTestSupport {
    static var fixtures: URL { TestData.packageRoot.appendingPathComponent("Tests/Fixtures") }

    static func fixture(_ path: String) -> String { fixtures.appendingPathComponent(path).path }

    /// The Okabe-Ito colours the charts draw their first lines in (blue, vermillion, bluish green).
    static let lineColors: [(r: Int, g: Int, b: Int)] = [(0x00, 0x72, 0xB2), (0xD5, 0x5E, 0x00), (0x00, 0x9E, 0x73)]

    /// Checks a report folder: README.md links only images that exist, decode as PNGs of a
    /// readable size and have their data as CSV beside them; summary.json parses.
    ///
    /// - Returns: the README text and summary.json.
    @discardableResult
    static func checkReport(_ folder: URL, figures: [String]) throws -> (readme: String, summary: JSONValue) {
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        let links = EndToEndTests.imageLinks(in: readme)
        #expect(links.map(\.file) == figures.map { $0 + ".png" }, "README links \(links.map(\.file))")
        for link in links {
            #expect(!link.alt.isEmpty, "image \(link.file) has no alt text")
            let image = try decode(folder.appendingPathComponent(link.file))
            #expect(image.width >= 640 && image.height >= 420, "\(link.file) is \(image.width)x\(image.height)")
            let csv = folder.appendingPathComponent(String(link.file.dropLast(4)) + ".csv")
            let data = try String(contentsOf: csv, encoding: .utf8)
            #expect(data.split(separator: "\n").count >= 2, "\(csv.lastPathComponent) holds no data")
        }
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        let expected = Set([".nnreport", "README.md", "summary.json"] + figures.flatMap { [$0 + ".png", $0 + ".csv"] })
        #expect(files == expected)
        let summary = try JSONParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent("summary.json"))))
        return (readme, summary)
    }

    /// A decoded PNG: size and RGBA bytes.
    struct Pixels {
        var width: Int
        var height: Int
        var pixels: [UInt8]
    }

    static func decode(_ url: URL) throws -> Pixels {
        let image = try PNGCodec.decode([UInt8](Data(contentsOf: url)))
        return Pixels(width: image.width, height: image.height, pixels: image.pixels)
    }

    /// How many pixels are close to `color`: lines drawn in it leave hundreds.
    static func pixels(of color: (r: Int, g: Int, b: Int), in image: Pixels) -> Int {
        var count = 0
        for i in stride(from: 0, to: image.pixels.count, by: 4) {
            let d =
                abs(Int(image.pixels[i]) - color.r) + abs(Int(image.pixels[i + 1]) - color.g)
                + abs(Int(image.pixels[i + 2]) - color.b)
            if d < 30 { count += 1 }
        }
        return count
    }

    /// The text of a README section: from its `## title` line to the next `## `.
    static func section(_ title: String, of markdown: String) -> String {
        guard let start = markdown.range(of: "## \(title)\n") else { return "" }
        let rest = markdown[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// A Lightning CSVLogger folder: metrics.csv with a training row and a validation row per
    /// epoch, the losses falling faster for larger `rate`, and hparams.yaml.
    static func writeLightningRun(_ folder: URL, rate: Double, epochs: Int = 5, hparams: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var lines = ["epoch,step,train_loss,val_acc,val_loss"]
        for epoch in 0..<epochs {
            let step = (epoch + 1) * 10 - 1
            let loss = 2.3 * exp(-rate * Double(epoch + 1) * 20)
            lines.append("\(epoch),\(step),\(loss),,")
            lines.append("\(epoch),\(step),,\(1 - loss / 2.5),\(loss * 1.1)")
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("metrics.csv"))
        try Data(hparams.utf8).write(to: folder.appendingPathComponent("hparams.yaml"))
    }
}
