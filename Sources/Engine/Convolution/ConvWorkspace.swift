import LinearAlgebra

/// The buffers of a ``ConvModel``'s forward and backward passes for up to `capacity` images,
/// allocated once.
///
/// Training keeps every convolution's patch matrix until its backward pass (the weight gradient
/// needs it, then the input gradient overwrites it); evaluation shares one patch buffer between
/// the convolutions and holds no gradients.
final class ConvWorkspace {
    let capacity: Int
    /// (capacity, pixels): the transformed input batch (one channel, so channels-last is row-major).
    let input: Matrix
    let labels: UnsafeMutablePointer<UInt8>
    /// Per step (capacity, values per image): the step's output, after its activation.
    let outputs: [Matrix]
    /// Per step (capacity, values per image): the loss gradient with respect to that output; the
    /// last one is the output buffer itself (logits, then probabilities or their gradient).
    /// Empty for evaluation.
    let gradients: [Matrix]
    /// Per convolution step: its patch matrix (batch·OH·OW, KH·KW·C).
    private let patches: [UnsafeMutablePointer<Float>?]
    /// Per pooling step: the winning input of every output.
    private let winners: [UnsafeMutablePointer<Int32>?]
    /// Per dropout step (training): its mask.
    private let masks: [Matrix?]
    private var allocations: [UnsafeMutableRawPointer] = []

    init(model: ConvModel, capacity: Int, training: Bool) {
        self.capacity = capacity
        input = Matrix(rows: capacity, columns: model.architecture.input.count)
        labels = .allocate(capacity: Swift.max(capacity, 1))
        labels.initialize(repeating: 0, count: Swift.max(capacity, 1))
        let outputs = model.steps.map { Matrix(rows: capacity, columns: $0.outputCount) }
        self.outputs = outputs
        gradients =
            training
            ? model.steps.indices.map { i in
                i == model.steps.count - 1 ? outputs[i] : Matrix(rows: capacity, columns: model.steps[i].outputCount)
            } : []
        var allocations: [UnsafeMutableRawPointer] = []
        func allocate<T>(_ type: T.Type, _ count: Int, zero: T) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(count, 1))
            p.initialize(repeating: zero, count: Swift.max(count, 1))
            allocations.append(UnsafeMutableRawPointer(p))
            return p
        }
        let patchCounts = model.steps.map { step -> Int in
            if case .convolution(let g, _, _) = step { return capacity * g.output.positions * g.patchSize }
            return 0
        }
        if training {
            patches = patchCounts.map { $0 > 0 ? allocate(Float.self, $0, zero: 0) : nil }
        } else {
            // Evaluation runs one convolution at a time: one buffer, as large as the largest.
            let shared = allocate(Float.self, patchCounts.max() ?? 0, zero: 0)
            patches = patchCounts.map { $0 > 0 ? shared : nil }
        }
        winners = model.steps.map { step in
            if case .maxPool(let g) = step { return allocate(Int32.self, capacity * g.output.count, zero: 0) }
            return nil
        }
        masks = model.steps.map { step in
            if training, case .dropout(_, let count) = step { return Matrix(rows: capacity, columns: count) }
            return nil
        }
        self.allocations = allocations
    }

    deinit {
        labels.deallocate()
        for p in allocations { p.deallocate() }
    }

    /// The patch matrix of convolution step `step`.
    func cols(_ step: Int) -> UnsafeMutablePointer<Float> {
        guard let p = patches[step] else { preconditionFailure("step \(step) is not a convolution") }
        return p
    }

    /// The argmax buffer of pooling step `step`.
    func argmax(_ step: Int) -> UnsafeMutablePointer<Int32> {
        guard let p = winners[step] else { preconditionFailure("step \(step) is not a max pooling") }
        return p
    }

    /// The dropout mask of step `step` (training workspaces only).
    func mask(_ step: Int) -> UnsafeMutablePointer<Float> {
        guard let m = masks[step] else { preconditionFailure("step \(step) has no dropout mask (not training?)") }
        return m.data
    }

    /// Sets the active rows of every matrix.
    func setRows(_ rows: Int) {
        input.rows = rows
        for m in outputs { m.rows = rows }
        for m in gradients { m.rows = rows }
        for case let m? in masks { m.rows = rows }
    }

    /// The logits / probabilities / loss gradient of the output layer.
    var output: Matrix { outputs[outputs.count - 1] }

    /// Images per evaluation pass: as many as fit in 48 MiB of buffers (the patch matrices of a
    /// thousand images would take hundreds of MB), between 1 and 1,000.
    static func evaluationBatch(for architecture: ConvArchitecture) -> Int {
        let perImage = bytes(architecture: architecture, capacity: 1, training: false)
        return Swift.max(1, Swift.min(1000, Int(48 * 1024 * 1024 / perImage)))
    }

    /// Floats and indices a workspace of `capacity` images holds for `model` (for the memory
    /// estimate and the evaluation batch), in bytes.
    static func bytes(architecture: ConvArchitecture, capacity: Int, training: Bool) -> Double {
        var perImage = Double(architecture.input.count) + 0.25
        var largestPatches = 0.0, patches = 0.0
        for (index, module) in architecture.modules.enumerated() {
            let shape = architecture.shapes[index]
            switch module {
            case .convolution(let g):
                let p = Double(g.output.positions * g.patchSize)
                patches += p
                largestPatches = Swift.max(largestPatches, p)
                perImage += Double(shape.count) * (training ? 2 : 1)
            case .dense(let g):
                perImage += Double(g.outputs) * (training ? 2 : 1)
            case .maxPool(let g):
                perImage += Double(g.output.count) * (training ? 3 : 2)  // output, gradient, argmax
            case .dropout:
                perImage += Double(shape.count) * (training ? 3 : 1)  // output, gradient, mask
            case .flatten, .activation:
                break
            }
        }
        perImage += training ? patches : largestPatches
        return perImage * Double(capacity) * 4
    }
}
