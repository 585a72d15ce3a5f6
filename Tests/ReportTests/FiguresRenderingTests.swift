import RenderBenchmarks
import Charts
import ChartsCairo
import Foundation
import Metrics
import TestSupport
import Testing

@testable import Report

/// Every report figure drawn with the real fonts: PNGs decode to the figure's size at scale 1
/// and 2, and the benchmark entry points produce what the bench script reads.
@Suite struct FiguresRenderingTests {
    static let renderer: FigureRenderer = {
        do { return FigureRenderer(fonts: try .dejaVuSans()) } catch { fatalError("DejaVu Sans missing: \(error)") }
    }()

    @Test func everyReportFigureRendersAtBothScales() throws {
        for (name, figure) in RenderBenchmark.reportFigures(BenchmarkData(epochs: 8, imageCount: 30)) {
            var sizes: [(width: Int, height: Int)] = []
            for scale in [1, 2] {
                let bytes = try Self.renderer.render(
                    figure, format: .png, scale: scale,
                    metadata: FigureMetadata(title: name, software: "nnreport test"))
                let image = try PNGCodec.decode(bytes)
                sizes.append((image.width, image.height))
                #expect(try PNGFileInfo(bytes).texts["Title"] == name)
                // Something is drawn: besides the white page, dark ink (text, axes) and colour.
                var dark = 0, coloured = 0
                for i in stride(from: 0, to: image.pixels.count, by: 4) {
                    let (r, g, b) = (Int(image.pixels[i]), Int(image.pixels[i + 1]), Int(image.pixels[i + 2]))
                    if r + g + b < 200 { dark += 1 }
                    if max(r, g, b) - min(r, g, b) > 60 { coloured += 1 }
                }
                #expect(dark > 100 * scale * scale, "\(name)@\(scale)x: \(dark) dark pixels")
                let grey: Set = ["samples", "misclassified"]  // digits and captions only
                #expect((coloured > 0) != grey.contains(name), "\(name)@\(scale)x: \(coloured) coloured pixels")
            }
            // Width in points at 1x (the figure's declared width), and exactly twice the pixels at 2x.
            #expect(sizes[0].width == Int(figure.size.width), "\(name)")
            #expect(sizes[1].width == 2 * sizes[0].width && sizes[1].height == 2 * sizes[0].height, "\(name): \(sizes)")
        }
    }

    @Test func benchmarkTimesTheFourComparedFigures() throws {
        let timings = try RenderBenchmark.run(renderer: Self.renderer, data: BenchmarkData(epochs: 10), repetitions: 1)
        #expect(timings.map(\.figure) == ["curves", "weights", "predictions", "confusion"])
        // Each timing is of the figure it names: its byte count is that of the same figure drawn
        // again here (drawing is deterministic), and a time was measured.
        let figures = RenderBenchmark.comparedFigures(BenchmarkData(epochs: 10))
        for (timing, entry) in zip(timings, figures) {
            let bytes = try Self.renderer.render(entry.figure, format: .png)
            #expect(timing.bytes == bytes.count, "\(timing.figure)")
            #expect(timing.seconds.isFinite && timing.seconds > 0, "\(timing.figure)")
        }
    }

    @Test func reportFiguresAreWrittenAsPNGs() throws {
        let folder = try TestData.makeTemporaryDirectory("nnreport-figures")
        defer { try? FileManager.default.removeItem(at: folder) }
        let timings = try RenderBenchmark.writeReportFigures(
            to: folder, renderer: Self.renderer,
            data: BenchmarkData(epochs: 6, imageCount: 24))
        #expect(timings.count == 9)
        for timing in timings {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("\(timing.figure).png")))
            #expect(bytes.count == timing.bytes)
            let figure = try #require(RenderBenchmark.reportFigures(BenchmarkData(epochs: 6, imageCount: 24)).first { $0.name == timing.figure })
            #expect(try PNGFileInfo(bytes).width == Int(figure.figure.size.width), "\(timing.figure)")
        }
    }

    @Test func benchmarkDataExportsForThePeer() throws {
        let data = BenchmarkData()
        let json = try JSONSerialization.jsonObject(with: Data(RenderBenchmark.dataJSON(data).utf8)) as! [String: Any]
        #expect((json["epochs"] as! [Any]).count == 50)
        #expect((json["weights"] as! [Any]).count == 100 * 784)
        #expect((json["probabilities"] as! [Any]).count == data.images.count * 10)
        #expect((json["confusion"] as! [[Any]]).count == 10)
        #expect((json["step_x"] as! [Any]).count == data.steps.count)
    }

    @Test func benchmarkDataIsSeeded() {
        let a = BenchmarkData(seed: 5), b = BenchmarkData(seed: 5), c = BenchmarkData(seed: 6)
        #expect(a.weights == b.weights && a.images == b.images && a.steps == b.steps)
        #expect(a.weights != c.weights)
    }
}
