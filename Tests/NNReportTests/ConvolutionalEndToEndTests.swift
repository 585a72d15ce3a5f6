import ChartsCairo
import Foundation
import Metrics
import Testing
import TestSupport

/// Runs the built `nnreport` with `--layers` and `--preset lenet` on small real-MNIST subsets and
/// checks what a convolutional network adds to the report folder.
@Suite(.serialized) struct ConvolutionalEndToEndTests {
    /// A quick run: 1,000 training images, a small network, one epoch.
    static let quickRun = [
        "mnist", "--train-limit", "1000", "--validation", "200", "--layers", "conv3x3x4p1,pool2,conv3x3x6s2,fc16",
        "--epochs", "1", "--batch-size", "50", "--lr", "0.003", "--seed", "5", "--quiet",
    ]

    @Test func aLayersRunWritesFiltersFeatureMapsAndAPyTorchLayout() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("report")
        let result = try CommandRunner.run(
            Self.quickRun + ["--out", out.path], environment: EndToEndTests.dataEnvironment)
        #expect(result.status == 0, "stderr: \(result.stderr)")

        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        for name in [
            "filters.png", "filters.csv", "feature_maps.png", "feature_maps.csv", "curves.png", "confusion.png",
        ] {
            #expect(files.contains(name), "missing \(name)")
        }
        // The 28×28 weight tiles belong to perceptrons: a convolution's first layer has 3×3 filters.
        #expect(!files.contains("weights.png"))

        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        let links = EndToEndTests.imageLinks(in: readme).map(\.file)
        #expect(links.contains("filters.png") && links.contains("feature_maps.png"))
        #expect(readme.contains("1×28×28 → conv 3×3, padding 1 → 4×28×28 (relu) → max pool 2 → 4×14×14"))
        #expect(readme.contains("`conv3x3x4p1,pool2,conv3x3x6s2,fc16`"))
        for file in ["filters.png", "feature_maps.png"] {
            let image = try PNGCodec.decode([UInt8](Data(contentsOf: out.appendingPathComponent(file))))
            #expect(image.width > 300 && image.height > 100, "\(file) is \(image.width)x\(image.height)")
        }
        // 4 filters of 3×3 on one input channel; the maps of both convolutions of test image 0.
        let filters = try String(contentsOf: out.appendingPathComponent("filters.csv"), encoding: .utf8)
        #expect(filters.split(separator: "\n").count == 1 + 4 * 9)
        let maps = try String(contentsOf: out.appendingPathComponent("feature_maps.csv"), encoding: .utf8)
        #expect(maps.split(separator: "\n").count == 1 + 4 * 28 * 28 + 6 * 6 * 6)

        let summary = try JSONParser.parse([UInt8](Data(contentsOf: out.appendingPathComponent("summary.json"))))
        #expect(summary["config"]?["layers"]?.stringValue == "conv3x3x4p1,pool2,conv3x3x6s2,fc16")
        #expect(summary["input_shape"] == [1, 28, 28])
        let layers = try #require(summary["layers"]?.arrayValue)
        // The default preset's dropout (0.2) follows every fc layer but the output layer.
        #expect(
            layers.compactMap { $0["kind"]?.stringValue } == [
                "conv2d", "relu", "maxpool2d", "conv2d", "relu", "flatten", "linear", "relu", "dropout", "linear",
                "softmax",
            ])
        #expect(layers[8]["p"]?.doubleValue == 0.2)
        // (14 − 3) / 2 + 1 = 6 (rounded down, as PyTorch does).
        #expect(layers[3]["stride"] == [2, 2] && layers[3]["output_shape"] == [6, 6, 6])
        #expect(layers[6]["in_features"]?.intValue == 216)

        // model.safetensors: entry i of `layers` owns layers.<i>.weight, Conv2d's [out, in, kh, kw].
        let model = try Data(contentsOf: out.appendingPathComponent("model.safetensors"))
        let headerLength = model.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let header = try JSONParser.parse([UInt8](model.subdata(in: 8..<(8 + headerLength))))
        #expect(header["layers.0.weight"]?["shape"] == [4, 1, 3, 3])
        #expect(header["layers.3.weight"]?["shape"] == [6, 4, 3, 3])
        #expect(header["layers.6.weight"]?["shape"] == [16, 216])
        #expect(header["layers.9.bias"]?["shape"] == [10])
        #expect(header["layers.8.weight"] == nil)
    }

    @Test func leNetRunsFromItsPreset() throws {
        let root = try TestData.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("lenet")
        let result = try CommandRunner.run(
            [
                "mnist", "--preset", "lenet", "--train-limit", "600", "--validation", "100", "--epochs", "1", "--quiet",
                "--out", out.path,
            ], environment: EndToEndTests.dataEnvironment)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let summary = try JSONParser.parse([UInt8](Data(contentsOf: out.appendingPathComponent("summary.json"))))
        #expect(summary["preset"]?.stringValue == "lenet")
        #expect(summary["layers"]?.arrayValue?.count == 13)
        let readme = try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("LeNet-5"))
    }

    @Test(arguments: [
        (["mnist", "--layers", "conv5x5"], "conv5x5x32"),
        (["mnist", "--layers", "conv29x29x4"], "larger than the padded input"),
        (["mnist", "--layers", "fc8,pool2"], "pooling before the first fc layer"),
        (["mnist", "--layers", "conv3x3x4", "--hidden", "8"], "--hidden and --layers"),
        (["mnist", "--preset", "cnn", "--hidden", "100"], "write its fc layers in --layers"),
    ])
    func badLayersAreRefusedBeforeAnyWork(_ arguments: [String], _ expected: String) throws {
        let result = try CommandRunner.run(arguments, environment: EndToEndTests.dataEnvironment)
        #expect(result.status == 64, "status \(result.status)")
        #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
    }
}
