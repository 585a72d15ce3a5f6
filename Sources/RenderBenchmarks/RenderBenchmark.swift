import Report
import Charts
import ChartsCairo
import Foundation
import Metrics

/// Times the drawing of a report's figures, for `nnreport bench --render` and
/// scripts/bench-render.sh (which draws the same data with matplotlib to compare).
public enum RenderBenchmark {
    /// How long one figure took.
    public struct Timing: Hashable, Sendable {
        public var figure: String
        /// Median wall time of layout, drawing and PNG encoding.
        public var seconds: Double
        /// Size of the PNG.
        public var bytes: Int
    }

    /// The four figures compared with matplotlib: loss | accuracy over 50 epochs, a 10x10 grid
    /// of 28x28 weight tiles, a 3x6 prediction panel with probability bars, and a 10x10
    /// confusion matrix with numbers.
    public static func comparedFigures(_ data: BenchmarkData) -> [(name: String, figure: Figure)] {
        let all = reportFigures(data)
        return ["curves", "weights", "predictions", "confusion"].map { name in all.first { $0.name == name }! }
    }

    /// Every figure a run report writes.
    public static func reportFigures(_ data: BenchmarkData) -> [(name: String, figure: Figure)] {
        let markers: [EpochMarker] = [.best(data.bestEpoch)]
        return [
            ("loss", ReportFigures.loss(data.loss, steps: data.steps, markers: markers)),
            ("accuracy", ReportFigures.accuracy(data.accuracy, markers: markers)),
            (
                "curves",
                ReportFigures.curves(loss: data.loss, accuracy: data.accuracy, steps: data.steps, markers: markers)
            ),
            ("weights", ReportFigures.weights(data.weights, units: data.units)),
            ("samples", ReportFigures.samples(data.images, classNames: data.classNames)),
            (
                "predictions",
                ReportFigures.predictions(
                    data.images, probabilities: data.probabilities,
                    classNames: data.classNames)
            ),
            ("confusion", ReportFigures.confusion(data.confusion, classNames: data.classNames)),
            (
                "confusion-normalized",
                ReportFigures.confusion(data.confusion, classNames: data.classNames, normalized: true)
            ),
            (
                "misclassified",
                ReportFigures.misclassified(
                    data.images,
                    probabilities: data.probabilities, classNames: data.classNames)
            ),
        ]
    }

    /// Renders each compared figure to PNG once to warm up, then `repetitions` more times, and
    /// returns the median time per figure (layout + drawing + encoding; nothing written).
    public static func run(
        renderer: FigureRenderer, data: BenchmarkData = BenchmarkData(), repetitions: Int = 7, scale: Int = 1
    ) throws(RenderError) -> [Timing] {
        precondition(repetitions > 0, "repetitions must be positive, got \(repetitions)")
        var timings: [Timing] = []
        for (name, figure) in comparedFigures(data) {
            var bytes = try renderer.render(figure, format: .png, scale: scale)
            var samples: [Double] = []
            for _ in 0..<repetitions {
                let start = ContinuousClock.now
                bytes = try renderer.render(figure, format: .png, scale: scale)
                samples.append(seconds(ContinuousClock.now - start))
            }
            samples.sort()
            timings.append(Timing(figure: name, seconds: samples[samples.count / 2], bytes: bytes.count))
        }
        return timings
    }

    /// Writes every report figure once as PNG into `directory` (a cold run: what a report
    /// costs) and returns each one's time.
    public static func writeReportFigures(
        to directory: URL, renderer: FigureRenderer, data: BenchmarkData = BenchmarkData(), scale: Int = 1
    ) throws(RenderError) -> [Timing] {
        var timings: [Timing] = []
        for (name, figure) in reportFigures(data) {
            let start = ContinuousClock.now
            let url = directory.appendingPathComponent("\(name).png")
            let bytes = try renderer.render(
                figure, format: .png, scale: scale,
                metadata: FigureMetadata(title: name, software: "nnreport render benchmark"))
            do {
                try Data(bytes).write(to: url)
            } catch {
                throw RenderError.writeFailed(path: url.path, reason: error.localizedDescription)
            }
            timings.append(Timing(figure: name, seconds: seconds(ContinuousClock.now - start), bytes: bytes.count))
        }
        return timings
    }

    /// The compared figures' data as one JSON object, for the matplotlib peer
    /// (scripts/render-peers/matplotlib_figures.py) to draw the same numbers.
    public static func dataJSON(_ data: BenchmarkData) -> String {
        func numbers(_ values: [Double]) -> JSONValue { .array(values.map { .number($0) }) }
        return JSONWriter.compact(
            .object([
                ("epochs", numbers(data.loss.epochs.map(Double.init))),
                ("train_loss", numbers(data.loss.train)),
                ("val_loss", numbers(data.loss.validation.map { $0 ?? .nan })),
                ("train_accuracy", numbers(data.accuracy.train)),
                ("val_accuracy", numbers(data.accuracy.validation.map { $0 ?? .nan })),
                ("step_x", numbers(data.steps.map(\.x))),
                ("step_loss", numbers(data.steps.map(\.y))),
                ("best_epoch", .number(Double(data.bestEpoch))),
                ("units", .number(Double(data.units))),
                ("weights", numbers(data.weights.map(Double.init))),
                ("images", numbers(data.images.pixels.map(Double.init))),
                ("labels", numbers(data.labels.map(Double.init))),
                ("probabilities", numbers(data.probabilities.map(Double.init))),
                ("confusion", .array(data.confusion.map { numbers($0.map(Double.init)) })),
                ("class_names", .array(data.classNames.map { .string($0) })),
                (
                    "sizes",
                    .object(
                        comparedFigures(data).map { name, figure in
                            (name, .array([.number(figure.size.width), .number(figure.size.height)]))
                        })
                ),
            ]))
    }

    /// One line per timing, `<figure> <seconds> <bytes>`, the form scripts/bench-render.sh reads.
    public static func formatted(_ timings: [Timing]) -> String {
        timings.map { "\($0.figure) \($0.seconds) \($0.bytes)\n" }.joined()
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
