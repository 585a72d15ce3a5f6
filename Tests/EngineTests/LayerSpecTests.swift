@testable import Engine
import Testing

/// `--layers` parsing and the shapes every module gets, against sizes worked out by hand.
@Suite struct LayerSpecTests {
    @Test func theIssuesExampleParses() throws {
        let specs = try LayerSpec.parse("conv5x5x32,pool2,conv5x5x64,pool2,fc512")
        #expect(
            specs == [
                .convolution(kernelHeight: 5, kernelWidth: 5, channels: 32, stride: 1, padding: 0),
                .maxPool(size: 2, stride: 2),
                .convolution(kernelHeight: 5, kernelWidth: 5, channels: 64, stride: 1, padding: 0),
                .maxPool(size: 2, stride: 2), .dense(units: 512),
            ])
        #expect(LayerSpec.text(specs) == "conv5x5x32,pool2,conv5x5x64,pool2,fc512")
    }

    @Test(arguments: [
        ("conv3x3x64s2p1", LayerSpec.convolution(kernelHeight: 3, kernelWidth: 3, channels: 64, stride: 2, padding: 1)),
        ("conv3x3x64p1s2", .convolution(kernelHeight: 3, kernelWidth: 3, channels: 64, stride: 2, padding: 1)),
        ("CONV1x7x8", .convolution(kernelHeight: 1, kernelWidth: 7, channels: 8, stride: 1, padding: 0)),
        ("pool3s2", .maxPool(size: 3, stride: 2)),
        (" pool2 ", .maxPool(size: 2, stride: 2)),
        ("drop0.25", .dropout(rate: 0.25)),
        ("dropout0.5", .dropout(rate: 0.5)),
        ("flatten", .flatten),
        ("fc10", .dense(units: 10)),
    ])
    func items(_ text: String, _ expected: LayerSpec) throws {
        #expect(try LayerSpec.parse(text) == [expected])
        // The canonical text parses back to the same item.
        #expect(try LayerSpec.parse(expected.text) == [expected])
    }

    @Test(arguments: [
        "conv5x5", "conv5x5x32q1", "conv5x5x32s", "pool", "poolx", "fc", "fc12.5", "dense64", "", "conv5x5x32,,fc2",
    ])
    func badItemsAreNamed(_ text: String) {
        #expect {
            _ = try LayerSpec.parse(text)
        } throws: { error in
            let message = "\(error)"
            return message.contains("--layers") && message.contains("conv5x5x32")
        }
    }

    @Test func fcItemsAloneAreAPerceptron() throws {
        #expect(LayerSpec.isPerceptron(try LayerSpec.parse("fc256,fc128")))
        #expect(!LayerSpec.isPerceptron(try LayerSpec.parse("fc256,drop0.5,fc128")))
        #expect(!LayerSpec.isPerceptron(try LayerSpec.parse("conv3x3x8,fc16")))
        #expect(LayerSpec.denseWidths(try LayerSpec.parse("conv3x3x8,pool2,fc16,drop0.5,fc8")) == [16, 8])
    }

    static let mnist = TensorShape(channels: 1, height: 28, width: 28)

    @Test func theCNNPresetsShapes() throws {
        let a = try ConvArchitecture(
            specs: Preset.cnn.configuration.layers!, input: Self.mnist, classes: 10, activation: .relu, dropout: 0.5)
        #expect(
            (0..<a.modules.count).map { a.kind(of: $0) } == [
                "conv2d", "relu", "maxpool2d", "conv2d", "relu", "maxpool2d", "flatten", "linear", "relu", "dropout",
                "linear",
            ])
        // 28 - 5 + 1 = 24, /2 = 12, 12 - 5 + 1 = 8, /2 = 4: 64 × 4 × 4 = 1024 into the fc layer.
        #expect(
            a.shapes.map(\.description) == [
                "32×24×24", "32×24×24", "32×12×12", "64×8×8", "64×8×8", "64×4×4", "1024", "512", "512", "512", "10",
            ])
        // 32·25 + 32, 64·800 + 64, 1024·512 + 512, 512·10 + 10.
        #expect(a.parameterCount == 832 + 51_264 + 524_800 + 5_130)
    }

    @Test func leNetsShapes() throws {
        let a = try ConvArchitecture(
            specs: Preset.lenet.configuration.layers!, input: Self.mnist, classes: 10, activation: .relu)
        // Padding 2 keeps 28×28 as the paper's 32×32 input gave; then 14, 10, 5: 16 × 5 × 5 = 400.
        #expect(
            a.shapes.map(\.description) == [
                "6×28×28", "6×28×28", "6×14×14", "16×10×10", "16×10×10", "16×5×5", "400", "120", "120", "84", "84",
                "10",
            ])
        #expect(a.parameterCount == 156 + 2_416 + 48_120 + 10_164 + 850)
    }

    @Test(arguments: [
        // (input, kernel, stride, padding, output): ⌊(n + 2p − k) / s⌋ + 1
        (7, 3, 2, 1, 4), (7, 3, 1, 0, 5), (5, 2, 2, 1, 3), (28, 5, 1, 2, 28), (6, 3, 3, 0, 2), (4, 4, 1, 0, 1),
    ])
    func convolutionOutputSizes(_ n: Int, _ k: Int, _ s: Int, _ p: Int, _ expected: Int) throws {
        let a = try ConvArchitecture(
            specs: [.convolution(kernelHeight: k, kernelWidth: k, channels: 2, stride: s, padding: p)],
            input: TensorShape(channels: 1, height: n, width: n), classes: 3, activation: .relu)
        #expect(a.shapes[0] == TensorShape(channels: 2, height: expected, width: expected))
    }

    @Test(arguments: [(4, 2, 2, 2), (5, 2, 2, 2), (7, 3, 2, 3), (6, 3, 1, 4), (3, 3, 3, 1)])
    func poolingOutputSizes(_ n: Int, _ size: Int, _ stride: Int, _ expected: Int) throws {
        let a = try ConvArchitecture(
            specs: [.maxPool(size: size, stride: stride)], input: TensorShape(channels: 3, height: n, width: n),
            classes: 2, activation: .relu)
        #expect(a.shapes[0] == TensorShape(channels: 3, height: expected, width: expected))
    }

    @Test(arguments: [
        ("conv29x29x4", "larger than the padded input"),
        ("conv3x3x4p3", "padding below the kernel size"),
        ("fc16,conv3x3x4", "convolutions before the first fc layer"),
        ("pool2,pool2,pool2,pool2,pool2", "window no larger than its input"),
        ("flatten,flatten", "one flatten"),
        ("drop1.5", "dropout rate in [0, 1)"),
        ("conv3x3x0", "between 1 and 4096 channels"),
    ])
    func impossibleShapesAreRefusedNamingTheItem(_ text: String, _ expected: String) throws {
        let specs = try LayerSpec.parse(text)
        #expect {
            _ = try ConvArchitecture(specs: specs, input: Self.mnist, classes: 10, activation: .relu)
        } throws: { error in
            "\(error)".contains(expected) && "\(error)".contains("--layers item")
        }
    }

    @Test func dropoutFollowsHiddenFCLayersAndTheOutputLayerIsAdded() throws {
        let a = try ConvArchitecture(
            specs: try LayerSpec.parse("conv3x3x2,drop0.1,fc8,fc4"),
            input: TensorShape(channels: 1, height: 5, width: 5),
            classes: 3, activation: .tanh, dropout: 0.3)
        #expect(
            a.modules == [
                .convolution(
                    ConvolutionGeometry(
                        input: TensorShape(channels: 1, height: 5, width: 5), outputChannels: 2, kernelHeight: 3,
                        kernelWidth: 3, stride: 1, padding: 0)),
                .activation(.tanh), .dropout(rate: 0.1), .flatten(TensorShape(channels: 2, height: 3, width: 3)),
                .dense(DenseGeometry(input: TensorShape(channels: 2, height: 3, width: 3), outputs: 8)),
                .activation(.tanh), .dropout(rate: 0.3),
                .dense(DenseGeometry(input: .vector(8), outputs: 4)), .activation(.tanh), .dropout(rate: 0.3),
                .dense(DenseGeometry(input: .vector(4), outputs: 3)),
            ])
    }

    @Test func flopsCountEveryProductButTheFirstLayersInputGradient() throws {
        let a = try ConvArchitecture(
            specs: Preset.cnn.configuration.layers!, input: Self.mnist, classes: 10, activation: .relu)
        let conv1 = 24.0 * 24 * 32 * 25, conv2 = 8.0 * 8 * 64 * 800, fc1 = 1024.0 * 512, fc2 = 512.0 * 10
        #expect(a.flopsPerSample == 2 * conv1 * 2 + 2 * (conv2 + fc1 + fc2) * 3)
    }
}
