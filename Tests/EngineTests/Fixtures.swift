import Randomness
import Datasets
import Engine
import Foundation
import Metrics
import TestSupport

/// Small seeded datasets and helpers shared by the engine tests.
enum Fixtures {
    /// `count` 4×4 images of `classes` classes: class c lights pixels c and c + 8 brightly, the
    /// rest is noise; with `randomLabels` the labels are drawn independently of the pixels.
    static func synthetic(count: Int, classes: Int = 3, seed: UInt64, randomLabels: Bool = false) -> LabeledImages {
        var g = SplitMix64(seed: seed)
        var pixels = [UInt8](repeating: 0, count: count * 16), labels = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            let c = g.nextIndex(below: classes)
            for p in 0..<16 { pixels[i * 16 + p] = UInt8(g.nextIndex(below: 60)) }
            pixels[i * 16 + c] = 200 + UInt8(g.nextIndex(below: 56))
            pixels[i * 16 + c + 8] = 180 + UInt8(g.nextIndex(below: 76))
            labels[i] = UInt8(randomLabels ? g.nextIndex(below: classes) : c)
        }
        return LabeledImages(count: count, rows: 4, columns: 4, pixels: pixels, labels: labels)
    }

    /// A small configuration for the synthetic data.
    static func configuration(epochs: Int = 3) -> TrainingConfiguration {
        TrainingConfiguration(
            hidden: [8], activation: .relu, optimizer: .adam, learningRate: 0.01, batchSize: 16, epochs: epochs,
            initializer: .he, seed: 7, validationCount: 40, inputTransform: .unit, threads: 1)
    }

    /// Runs a trainer and returns its result and events.
    static func train(
        _ configuration: TrainingConfiguration, train: LabeledImages, test: LabeledImages, classCount: Int = 3,
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws -> (TrainingResult, [MetricEvent]) {
        let recorder = MetricRecorder()
        let result = try Trainer(
            configuration: configuration, train: train, test: test, classCount: classCount, sink: recorder,
            shouldStop: shouldStop
        ).run()
        return (result, recorder.events)
    }

    /// An event with its wall-clock fields zeroed, for determinism comparisons.
    static func withoutTime(_ event: MetricEvent) -> MetricEvent {
        switch event {
        case .run(var r): r.time = 0; return .run(r)
        case .epoch(var e): e.seconds = 0; return .epoch(e)
        case .end(var e): e.time = 0; return .end(e)
        default: return event
        }
    }

    /// The first `count` images of a real MNIST file pair, decompressed with gzip, or nil when the
    /// data folder is missing.
    static func mnist(_ prefix: String, count: Int) throws -> LabeledImages? {
        let folder = TestData.mnistDirectory
        let images = folder.appendingPathComponent("\(prefix)-images-idx3-ubyte.gz")
        let labels = folder.appendingPathComponent("\(prefix)-labels-idx1-ubyte.gz")
        guard FileManager.default.fileExists(atPath: images.path) else { return nil }
        let pixelBytes = try gunzip(images), labelBytes = try gunzip(labels)
        let n = min(count, labelBytes.count - 8)
        return LabeledImages(
            count: n, rows: 28, columns: 28, pixels: Array(pixelBytes[16..<(16 + n * 784)]),
            labels: Array(labelBytes[8..<(8 + n)]))
    }

    private static func gunzip(_ url: URL) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }
}
