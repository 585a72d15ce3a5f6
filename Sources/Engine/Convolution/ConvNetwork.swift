import Randomness

/// A trained `--layers` network as plain values: what a run returns, what model.safetensors and
/// summary.json describe, and what evaluation and the report's figures run.
///
/// Weights are in PyTorch's layouts, so that the tensors load into the `nn.Sequential` that
/// summary.json's `layers` describe: `Conv2d` weights [out, in, kh, kw], `Linear` weights
/// [out, in] whose inputs, after a `Flatten`, are ordered channel, row, column. (The engine
/// trains with channels-last copies; ``ConvModel`` converts both ways.)
public struct ConvNetwork: Sendable, Equatable {
    public var architecture: ConvArchitecture
    /// Per module: its weights in PyTorch's layout; empty for modules without parameters.
    public var weights: [[Float]]
    /// Per module: its biases; empty for modules without parameters.
    public var biases: [[Float]]
    /// How raw pixel bytes become the inputs.
    public var inputTransform: InputTransform

    public init(architecture: ConvArchitecture, weights: [[Float]], biases: [[Float]], inputTransform: InputTransform) {
        precondition(
            weights.count == architecture.modules.count && biases.count == architecture.modules.count,
            "\(weights.count) weight and \(biases.count) bias lists for \(architecture.modules.count) modules")
        for (index, module) in architecture.modules.enumerated() {
            let shape = Self.weightShape(module) ?? [0]
            precondition(
                weights[index].count == shape.reduce(1, *) && biases[index].count == Self.biasCount(module),
                "module \(index) needs \(shape) weights and \(Self.biasCount(module)) biases, got \(weights[index].count) and \(biases[index].count)"
            )
        }
        self.architecture = architecture
        self.weights = weights
        self.biases = biases
        self.inputTransform = inputTransform
    }

    /// A network drawn by `initializer`: each convolution with PyTorch's fans (`in·kh·kw` in,
    /// `out·kh·kw` out), each fc layer with its widths; modules in order.
    public static func random(
        architecture: ConvArchitecture, initializer: Initializer, inputTransform: InputTransform,
        generator: inout SplitMix64
    ) -> ConvNetwork {
        var weights: [[Float]] = [], biases: [[Float]] = []
        for module in architecture.modules {
            var w = [Float](repeating: 0, count: (weightShape(module) ?? [0]).reduce(1, *))
            var b = [Float](repeating: 0, count: biasCount(module))
            switch module {
            case .convolution(let g):
                let area = g.kernelHeight * g.kernelWidth
                initializer.fill(
                    weights: &w, biases: &b, fanIn: g.input.channels * area, fanOut: g.outputChannels * area,
                    generator: &generator)
            case .dense(let g):
                initializer.fill(weights: &w, biases: &b, fanIn: g.inputs, fanOut: g.outputs, generator: &generator)
            default: break
            }
            weights.append(w)
            biases.append(b)
        }
        return ConvNetwork(architecture: architecture, weights: weights, biases: biases, inputTransform: inputTransform)
    }

    /// PyTorch's weight shape of a module: [out, in, kh, kw] or [out, in]; nil without weights.
    public static func weightShape(_ module: ConvArchitecture.Module) -> [Int]? {
        switch module {
        case .convolution(let g): [g.outputChannels, g.input.channels, g.kernelHeight, g.kernelWidth]
        case .dense(let g): [g.outputs, g.inputs]
        default: nil
        }
    }

    static func biasCount(_ module: ConvArchitecture.Module) -> Int {
        switch module {
        case .convolution(let g): g.outputChannels
        case .dense(let g): g.outputs
        default: 0
        }
    }

    /// Pixels per image.
    public var inputCount: Int { architecture.input.count }
    public var classCount: Int { architecture.classCount }
    public var parameterCount: Int { weights.reduce(0) { $0 + $1.count } + biases.reduce(0) { $0 + $1.count } }

    /// Every tensor as model.safetensors names it: `layers.<i>.weight` and `layers.<i>.bias` for
    /// module `i`, in module order.
    public var tensors: [(name: String, shape: [Int], values: [Float])] {
        var result: [(name: String, shape: [Int], values: [Float])] = []
        for (index, module) in architecture.modules.enumerated() {
            guard let shape = Self.weightShape(module) else { continue }
            result.append(("layers.\(index).weight", shape, weights[index]))
            result.append(("layers.\(index).bias", [biases[index].count], biases[index]))
        }
        return result
    }

    /// The first convolution's filters: its module index and geometry, with weights [out, in, kh, kw].
    public var firstConvolution: (index: Int, geometry: ConvolutionGeometry, weights: [Float])? {
        for (index, module) in architecture.modules.enumerated() {
            if case .convolution(let g) = module { return (index, g, weights[index]) }
        }
        return nil
    }
}

extension ConvNetwork {
    /// Convolution weights from PyTorch's (F, C, KH, KW) to the engine's (F, KH, KW, C).
    static func channelsLast(convolution w: [Float], _ g: ConvolutionGeometry) -> [Float] {
        reorder(convolution: w, g, toChannelsLast: true)
    }

    /// The inverse of ``channelsLast(convolution:_:)``.
    static func channelsFirst(convolution w: [Float], _ g: ConvolutionGeometry) -> [Float] {
        reorder(convolution: w, g, toChannelsLast: false)
    }

    private static func reorder(convolution w: [Float], _ g: ConvolutionGeometry, toChannelsLast: Bool) -> [Float] {
        let c = g.input.channels, kh = g.kernelHeight, kw = g.kernelWidth
        var out = [Float](repeating: 0, count: w.count)
        for f in 0..<g.outputChannels {
            for ch in 0..<c {
                for i in 0..<kh {
                    for j in 0..<kw {
                        let first = ((f * c + ch) * kh + i) * kw + j, last = ((f * kh + i) * kw + j) * c + ch
                        if toChannelsLast { out[last] = w[first] } else { out[first] = w[last] }
                    }
                }
            }
        }
        return out
    }

    /// Index `(h·W + w)·C + c` (channels-last) of every channels-first input `c·H·W + h·W + w`
    /// of a flattened `shape`.
    static func channelsLastIndex(_ shape: TensorShape) -> [Int] {
        var index = [Int](repeating: 0, count: shape.count)
        for c in 0..<shape.channels {
            for p in 0..<shape.positions { index[c * shape.positions + p] = p * shape.channels + c }
        }
        return index
    }

    /// Fully connected weights whose input columns are in PyTorch's flatten order, reordered to
    /// the engine's channels-last order (or back with `inverse`).
    static func reorderColumns(dense w: [Float], _ g: DenseGeometry, inverse: Bool) -> [Float] {
        guard !g.input.isVector && g.input.channels > 1 else { return w }
        let map = channelsLastIndex(g.input)
        var out = [Float](repeating: 0, count: w.count)
        for o in 0..<g.outputs {
            let row = o * g.inputs
            for first in 0..<g.inputs {
                if inverse {
                    out[row + first] = w[row + map[first]]
                } else {
                    out[row + map[first]] = w[row + first]
                }
            }
        }
        return out
    }
}
