import LinearAlgebra
import Randomness

/// A `--layers` network being trained: parameters and gradients in preallocated matrices, in the
/// engine's channels-last layout, and the forward and backward passes over a ``ConvWorkspace``.
///
/// Each convolution or fc layer is one step together with the activation after it (the bias add
/// and the activation are one fused pass, as in ``Model``); flatten is no step at all, because
/// a channels-last batch is already its own flattened matrix.
final class ConvModel {
    /// One pass of the forward loop.
    enum Step {
        case convolution(ConvolutionGeometry, parameter: Int, activation: Activation?)
        case dense(DenseGeometry, parameter: Int, activation: Activation?)
        case maxPool(PoolingGeometry)
        case dropout(rate: Float, count: Int)

        /// Values per image this step writes.
        var outputCount: Int {
            switch self {
            case .convolution(let g, _, _): g.output.count
            case .dense(let g, _, _): g.outputs
            case .maxPool(let g): g.output.count
            case .dropout(_, let count): count
            }
        }
    }

    let architecture: ConvArchitecture
    let steps: [Step]
    /// The module of every step (for names and for the feature maps).
    let stepModules: [Int]
    /// Per parameterised step, in order: weights (out, in) with channels-last inputs, and biases.
    let weights: [Matrix]
    let biases: [Matrix]
    let weightGradients: [Matrix]
    let biasGradients: [Matrix]
    /// Weights and biases with their gradients, in the order W1, b1, W2, b2, ... of the modules.
    let parameters: [Parameter]
    /// Each parameter's stable name, `layers.<module>.weight` / `.bias`, as model.safetensors
    /// names the tensor (whose values are these in PyTorch's layout).
    let parameterNames: [String]
    /// Steps before this one have no parameters, so they need no input gradient.
    let firstParameterStep: Int
    /// Threads for the loops between the GEMMs (im2col, col2im, pooling, activations); the
    /// trainer sets its BLAS thread count. Any count gives the same bits.
    var threads = 1

    init(network: ConvNetwork) {
        architecture = network.architecture
        var steps: [Step] = [], stepModules: [Int] = []
        var weights: [Matrix] = [], biases: [Matrix] = [], names: [String] = []
        let modules = network.architecture.modules
        for (index, module) in modules.enumerated() {
            var activation: Activation? = nil
            if index + 1 < modules.count, case .activation(let a) = modules[index + 1] { activation = a }
            switch module {
            case .convolution(let g):
                // The bias is added by the activation kernel: a spec puts one after every convolution.
                precondition(activation != nil, "convolution module \(index) has no activation after it")
                steps.append(.convolution(g, parameter: weights.count, activation: activation))
                weights.append(
                    Matrix(
                        rows: g.outputChannels, columns: g.patchSize,
                        values: ConvNetwork.channelsLast(convolution: network.weights[index], g)))
                biases.append(Matrix(rows: 1, columns: g.outputChannels, values: network.biases[index]))
            case .dense(let g):
                steps.append(.dense(g, parameter: weights.count, activation: activation))
                weights.append(
                    Matrix(
                        rows: g.outputs, columns: g.inputs,
                        values: ConvNetwork.reorderColumns(dense: network.weights[index], g, inverse: false)))
                biases.append(Matrix(rows: 1, columns: g.outputs, values: network.biases[index]))
            case .maxPool(let g):
                steps.append(.maxPool(g))
            case .dropout(let rate):
                steps.append(.dropout(rate: Float(rate), count: network.architecture.inputShape(of: index).count))
            case .flatten:
                continue
            case .activation:
                // Fused into the step before; a spec cannot put one anywhere else.
                precondition(index > 0, "an activation needs a convolution or fc layer before it")
                continue
            }
            stepModules.append(index)
            if case .convolution = module { names += ["layers.\(index).weight", "layers.\(index).bias"] }
            if case .dense = module { names += ["layers.\(index).weight", "layers.\(index).bias"] }
        }
        guard case .dense(_, _, nil)? = steps.last else {
            preconditionFailure("a convolutional network ends with an fc layer without activation (the logits)")
        }
        self.steps = steps
        self.stepModules = stepModules
        self.weights = weights
        self.biases = biases
        weightGradients = weights.map { Matrix(rows: $0.rows, columns: $0.columns) }
        biasGradients = biases.map { Matrix(rows: 1, columns: $0.columns) }
        var parameters: [Parameter] = []
        for l in weights.indices {
            parameters.append(Parameter(values: weights[l], gradient: weightGradients[l]))
            parameters.append(Parameter(values: biases[l], gradient: biasGradients[l]))
        }
        self.parameters = parameters
        parameterNames = names
        firstParameterStep =
            steps.firstIndex {
                switch $0 {
                case .convolution, .dense: true
                default: false
                }
            } ?? 0
    }

    /// The current parameters as a ``ConvNetwork`` (PyTorch's layouts).
    func network(inputTransform: InputTransform) -> ConvNetwork {
        let (w, b) = plain(weights: weights, biases: biases)
        return ConvNetwork(architecture: architecture, weights: w, biases: b, inputTransform: inputTransform)
    }

    /// Per-step matrices shaped like the parameters (the parameters themselves, or their
    /// gradients) as per-module arrays in PyTorch's layouts, empty for modules without parameters.
    func plain(weights: [Matrix], biases: [Matrix]) -> (weights: [[Float]], biases: [[Float]]) {
        let modules = architecture.modules
        var w = [[Float]](repeating: [], count: modules.count), b = [[Float]](repeating: [], count: modules.count)
        for (step, module) in zip(steps, stepModules) {
            switch step {
            case .convolution(let g, let p, _):
                w[module] = ConvNetwork.channelsFirst(convolution: weights[p].values, g)
                b[module] = biases[p].values
            case .dense(let g, let p, _):
                w[module] = ConvNetwork.reorderColumns(dense: weights[p].values, g, inverse: true)
                b[module] = biases[p].values
            default: break
            }
        }
        return (w, b)
    }

    /// Forward pass over `workspace.input` (rows already set).
    ///
    /// With `training`, dropout steps draw masks from `generator`; otherwise they pass their
    /// input on unchanged. With `output: .gradient`, the output buffer ends holding the gradient
    /// of the mean data loss with respect to the logits, ready for ``backward(_:directUpdate:)``.
    ///
    /// input (rows, C·H·W channels-last), labels (rows) -> summed loss and correct count
    func forward(
        _ workspace: ConvWorkspace, training: Bool, generator: inout SplitMix64, output: SoftmaxCrossEntropy.Output,
        labels: Bool = true
    ) -> SoftmaxCrossEntropy.Outcome {
        let rows = workspace.input.rows
        workspace.setRows(rows)
        var x = UnsafePointer(workspace.input.data)
        for (i, step) in steps.enumerated() {
            let y = workspace.outputs[i].data
            switch step {
            case .convolution(let g, let p, let activation):
                ConvolutionKernels.forward(
                    input: x, batch: rows, geometry: g, weights: weights[p], cols: workspace.cols(i), output: y,
                    threads: threads)
                let bias = UnsafePointer(biases[p].data), positions = g.output.positions
                ParallelImages.run(count: rows, valuesPerItem: g.output.count, threads: threads) { images in
                    activation!.forward(
                        y + images.lowerBound * g.output.count, bias: bias, rows: images.count * positions,
                        columns: g.outputChannels)
                }
            case .dense(let g, let p, let activation):
                BLAS.gemm(
                    m: rows, n: g.outputs, k: g.inputs, alpha: 1, a: x, lda: g.inputs, transA: .none,
                    b: weights[p].data,
                    ldb: g.inputs, transB: .transpose, beta: 0, c: y, ldc: g.outputs)
                if let activation { activation.forward(y, bias: biases[p].data, rows: rows, columns: g.outputs) }
            case .maxPool(let g):
                PoolingKernels.forward(
                    x, batch: rows, geometry: g, output: y, argmax: workspace.argmax(i), threads: threads)
            case .dropout(let rate, let count):
                y.update(from: x, count: rows * count)
                if training {
                    DropoutKernels.forward(
                        y, mask: workspace.mask(i), count: rows * count, rate: rate, generator: &generator)
                }
            }
            x = UnsafePointer(y)
        }
        let logits = workspace.output
        guard case .dense(let g, let p, _) = steps[steps.count - 1] else { preconditionFailure("no logits step") }
        return SoftmaxCrossEntropy.apply(
            logits: logits.data, bias: biases[p].data, rows: rows, classes: g.outputs,
            labels: labels ? UnsafePointer(workspace.labels) : nil, output: output)
    }

    /// Backward pass after a training forward: adds every weight and bias gradient to the
    /// gradient buffers, which the optimizer clears after using them.
    ///
    /// With `directUpdate` (plain SGD), the parameters then move by `scale × gradient` at once
    /// (after `W *= 1 + 2λ·scale` for weight decay) and the gradients are cleared: the same step
    /// as ``Model/backward(_:dropout:directUpdate:)`` takes, since every gradient here is
    /// computed from the old weights first.
    func backward(_ workspace: ConvWorkspace, directUpdate: (scale: Float, weightDecay: Float)? = nil) {
        let rows = workspace.input.rows
        for i in stride(from: steps.count - 1, through: 0, by: -1) {
            let dY = workspace.gradients[i].data
            let x = i == 0 ? UnsafePointer(workspace.input.data) : UnsafePointer(workspace.outputs[i - 1].data)
            let dX: UnsafeMutablePointer<Float>? = i > firstParameterStep ? workspace.gradients[i - 1].data : nil
            switch steps[i] {
            case .convolution(let g, let p, let activation):
                let output = UnsafePointer(workspace.outputs[i].data)
                ParallelImages.run(count: rows, valuesPerItem: g.output.count, threads: threads) { images in
                    let start = images.lowerBound * g.output.count
                    activation!.backward(dY + start, output: output + start, count: images.count * g.output.count)
                }
                let cols = workspace.cols(i)
                ConvolutionKernels.accumulateParameterGradients(
                    outputGradient: dY, cols: cols, batch: rows, geometry: g, weightGradient: weightGradients[p],
                    biasGradient: biasGradients[p])
                if let dX {
                    ConvolutionKernels.inputGradient(
                        outputGradient: dY, weights: weights[p], batch: rows, geometry: g, cols: cols,
                        inputGradient: dX,
                        threads: threads)
                }
            case .dense(let g, let p, let activation):
                activation?.backward(dY, output: workspace.outputs[i].data, count: rows * g.outputs)
                BLAS.gemm(
                    m: g.outputs, n: g.inputs, k: rows, alpha: 1, a: dY, lda: g.outputs, transA: .transpose, b: x,
                    ldb: g.inputs, transB: .none, beta: 1, c: weightGradients[p].data, ldc: g.inputs)
                ConvolutionKernels.addColumnSums(dY, rows: rows, columns: g.outputs, into: biasGradients[p].data)
                if let dX {
                    BLAS.gemm(
                        m: rows, n: g.inputs, k: g.outputs, alpha: 1, a: dY, lda: g.outputs, transA: .none,
                        b: weights[p].data, ldb: g.inputs, transB: .none, beta: 0, c: dX, ldc: g.inputs)
                }
            case .maxPool(let g):
                if let dX {
                    PoolingKernels.backward(
                        dY, argmax: workspace.argmax(i), batch: rows, geometry: g, inputGradient: dX, threads: threads)
                }
            case .dropout(_, let count):
                if let dX {
                    dX.update(from: dY, count: rows * count)
                    DropoutKernels.backward(dX, mask: workspace.mask(i), count: rows * count)
                }
            }
        }
        if let direct = directUpdate {
            for l in weights.indices {
                if direct.weightDecay > 0 {
                    VectorKernels.scale(
                        1 + 2 * direct.weightDecay * direct.scale, weights[l].data, into: weights[l].data,
                        count: weights[l].count)
                }
            }
            for p in parameters {
                VectorKernels.axpy(direct.scale, p.gradient.data, p.values.data, count: p.values.count)
                p.gradient.fill(0)
            }
        }
    }
}
