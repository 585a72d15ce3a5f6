/// A `--layers` network worked out for an input shape: the list of modules in the order
/// PyTorch's `nn.Sequential` would hold them, each with its sizes.
///
/// Module `i` owns the tensors `layers.<i>.weight` and `layers.<i>.bias` of model.safetensors,
/// and is entry `i` of summary.json's `layers`; the output layer's softmax is one more entry.
public struct ConvArchitecture: Sendable, Hashable {
    public enum Module: Sendable, Hashable {
        case convolution(ConvolutionGeometry)
        case activation(Activation)
        case maxPool(PoolingGeometry)
        case flatten(TensorShape)
        case dense(DenseGeometry)
        case dropout(rate: Double)
    }

    /// The specification the modules were built from.
    public var specs: [LayerSpec]
    public var input: TensorShape
    public var modules: [Module]
    /// The output shape of every module.
    public var shapes: [TensorShape]

    /// Works out every module's shape.
    ///
    /// Each convolution and fc item is followed by `activation`, each hidden fc layer by dropout
    /// with rate `dropout` (when above 0), and the network ends with a flatten (unless there was
    /// one) and an fc layer of `classes` units.
    ///
    /// - Throws: ``ConfigurationError`` naming the item whose sizes do not work.
    public init(
        specs: [LayerSpec], input: TensorShape, classes: Int, activation: Activation, dropout: Double = 0
    ) throws(ConfigurationError) {
        self.specs = specs
        self.input = input
        var modules: [Module] = []
        var shape = input
        var flat = input.isVector
        /// The shape a following fc layer's inputs are flattened from.
        var source = input

        func fail(_ index: Int, _ expected: String) -> ConfigurationError {
            ConfigurationError(
                option: "--layers", value: "item \(index + 1) '\(specs[index].text)' (input \(shape))",
                expected: expected)
        }
        for (index, spec) in specs.enumerated() {
            switch spec {
            case .convolution(let kh, let kw, let channels, let stride, let padding):
                guard !flat else { throw fail(index, "convolutions before the first fc layer or flatten") }
                guard (1...64).contains(kh) && (1...64).contains(kw) else {
                    throw fail(index, "kernel sizes between 1 and 64")
                }
                guard (1...4096).contains(channels) else { throw fail(index, "between 1 and 4096 channels") }
                guard (1...64).contains(stride) else { throw fail(index, "a stride between 1 and 64") }
                guard padding >= 0 && padding < Swift.max(kh, kw) else {
                    throw fail(index, "zero padding below the kernel size (p0 to p\(Swift.max(kh, kw) - 1))")
                }
                guard shape.height + 2 * padding >= kh && shape.width + 2 * padding >= kw else {
                    throw fail(
                        index,
                        "a kernel no larger than the padded input \(shape.height + 2 * padding)×\(shape.width + 2 * padding)"
                    )
                }
                let geometry = ConvolutionGeometry(
                    input: shape, outputChannels: channels, kernelHeight: kh, kernelWidth: kw, stride: stride,
                    padding: padding)
                modules.append(.convolution(geometry))
                modules.append(.activation(activation))
                shape = geometry.output
            case .maxPool(let size, let stride):
                guard !flat else { throw fail(index, "pooling before the first fc layer or flatten") }
                guard (1...64).contains(size) && (1...64).contains(stride) else {
                    throw fail(index, "a window and stride between 1 and 64")
                }
                guard size <= shape.height && size <= shape.width else {
                    throw fail(index, "a window no larger than its input")
                }
                let geometry = PoolingGeometry(input: shape, size: size, stride: stride)
                modules.append(.maxPool(geometry))
                shape = geometry.output
            case .flatten:
                guard !flat else { throw fail(index, "one flatten, before the first fc layer") }
                modules.append(.flatten(shape))
                source = shape
                shape = .vector(shape.count)
                flat = true
            case .dense(let units):
                guard (1...65536).contains(units) else { throw fail(index, "between 1 and 65536 units") }
                if !flat {
                    modules.append(.flatten(shape))
                    source = shape
                    flat = true
                }
                modules.append(.dense(DenseGeometry(input: source, outputs: units)))
                modules.append(.activation(activation))
                if dropout > 0 { modules.append(.dropout(rate: dropout)) }
                shape = .vector(units)
                source = shape
            case .dropout(let rate):
                guard rate >= 0 && rate < 1 else { throw fail(index, "a dropout rate in [0, 1) such as drop0.25") }
                modules.append(.dropout(rate: rate))
            }
        }
        if !flat {
            modules.append(.flatten(shape))
            source = shape
        }
        modules.append(.dense(DenseGeometry(input: source, outputs: classes)))
        self.modules = modules

        var shapes: [TensorShape] = []
        var current = input
        for module in modules {
            switch module {
            case .convolution(let g): current = g.output
            case .maxPool(let g): current = g.output
            case .flatten(let s): current = .vector(s.count)
            case .dense(let g): current = .vector(g.outputs)
            case .activation, .dropout: break
            }
            shapes.append(current)
        }
        self.shapes = shapes
    }

    /// The shape entering module `index`.
    public func inputShape(of index: Int) -> TensorShape { index == 0 ? input : shapes[index - 1] }

    /// Number of classes (the last fc layer's units).
    public var classCount: Int { shapes[shapes.count - 1].channels }

    /// Weights and biases of every module.
    public var parameterCount: Int {
        modules.reduce(0) { total, module in
            switch module {
            case .convolution(let g): total + g.weightCount + g.outputChannels
            case .dense(let g): total + g.inputs * g.outputs + g.outputs
            default: total
            }
        }
    }

    /// The `nn.Module` class name PyTorch uses for module `index`, e.g. "Conv2d".
    public func kind(of index: Int) -> String {
        switch modules[index] {
        case .convolution: "conv2d"
        case .activation(let a): a.rawValue
        case .maxPool: "maxpool2d"
        case .flatten: "flatten"
        case .dense: "linear"
        case .dropout: "dropout"
        }
    }

    /// Training FLOPs per sample: for every convolution and fc layer, 2 multiply-adds' worth for
    /// the forward product, the weight gradient, and the input gradient of every layer but the
    /// first one with parameters (pixels are not trained).
    public var flopsPerSample: Double {
        var flops = 0.0
        var first = true
        for module in modules {
            let mac: Double
            switch module {
            case .convolution(let g): mac = Double(g.weightCount * g.output.positions)
            case .dense(let g): mac = Double(g.inputs * g.outputs)
            default: continue
            }
            flops += 2 * mac * (first ? 2 : 3)
            first = false
        }
        return flops
    }

    /// "1×28×28 → conv 5×5 → 32×24×24 (relu) → max pool 2 → 32×12×12 → … → 10 (softmax)".
    public var description: String {
        var parts = [input.description]
        var index = 0
        while index < modules.count {
            let next = index + 1 < modules.count ? modules[index + 1] : nil
            var activation = ""
            if case .activation(let a)? = next { activation = " (\(a.rawValue))" }
            switch modules[index] {
            case .convolution(let g):
                let extras =
                    (g.stride == 1 ? "" : ", stride \(g.stride)") + (g.padding == 0 ? "" : ", padding \(g.padding)")
                parts.append("conv \(g.kernelHeight)×\(g.kernelWidth)\(extras) → \(g.output)\(activation)")
            case .maxPool(let g):
                parts.append(
                    "max pool \(g.size)" + (g.stride == g.size ? "" : ", stride \(g.stride)") + " → \(g.output)")
            case .flatten(let s): parts.append("flatten → \(s.count)")
            case .dense(let g):
                let isLast = index == modules.count - 1
                parts.append("fc \(g.outputs)\(isLast ? " (softmax)" : activation)")
            case .dropout(let rate): parts.append("dropout \(rate)")
            case .activation: break
            }
            index += 1
        }
        return parts.joined(separator: " → ")
    }
}
