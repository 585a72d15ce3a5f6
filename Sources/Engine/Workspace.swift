import LinearAlgebra

/// The per-row buffers of forward and backward passes for up to `capacity` rows, allocated once.
final class Workspace {
    let capacity: Int
    /// (capacity, inputs): the transformed input batch.
    let input: Matrix
    /// Labels of the batch rows.
    let labels: UnsafeMutablePointer<UInt8>
    /// Per hidden layer (capacity, width): activation outputs.
    let activations: [Matrix]
    /// Per hidden layer (capacity, width): outputs after dropout (empty without dropout).
    let dropped: [Matrix]
    /// Per hidden layer (capacity, width): dropout masks (empty without dropout).
    let masks: [Matrix]
    /// Per layer (capacity, width): gradients with respect to the layer's pre-activation; the
    /// last one first holds the logits, then the probabilities or the loss gradient. An
    /// inference workspace holds only that last one.
    let gradients: [Matrix]

    /// - Parameter training: false for evaluation only: no hidden-layer gradient buffers.
    init(sizes: [Int], capacity: Int, dropout: Bool, training: Bool = true) {
        self.capacity = capacity
        input = Matrix(rows: capacity, columns: sizes[0])
        labels = .allocate(capacity: Swift.max(capacity, 1))
        labels.initialize(repeating: 0, count: Swift.max(capacity, 1))
        let hidden = sizes.dropFirst().dropLast()
        activations = hidden.map { Matrix(rows: capacity, columns: $0) }
        dropped = dropout ? hidden.map { Matrix(rows: capacity, columns: $0) } : []
        masks = dropout ? hidden.map { Matrix(rows: capacity, columns: $0) } : []
        gradients = (training ? Array(sizes.dropFirst()) : [sizes[sizes.count - 1]]).map {
            Matrix(rows: capacity, columns: $0)
        }
    }

    deinit {
        labels.deallocate()
    }

    /// Sets the active rows of every buffer.
    func setRows(_ rows: Int) {
        input.rows = rows
        for m in activations { m.rows = rows }
        for m in dropped { m.rows = rows }
        for m in masks { m.rows = rows }
        for m in gradients { m.rows = rows }
    }

    /// The logits / probabilities / loss gradient of the output layer.
    var output: Matrix { gradients[gradients.count - 1] }
}
