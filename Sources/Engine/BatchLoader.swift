import LinearAlgebra

/// Converts chosen images from bytes to transformed floats in a preallocated batch matrix.
///
/// Pixels stay `UInt8` until this point: one conversion pass per batch, fused with the input
/// transform as `x = raw * factor + offset` per pixel.
struct BatchLoader {
    let pixels: Int
    let factor: [Float]
    let offset: [Float]

    init(transform: InputTransform, pixels: Int) {
        self.pixels = pixels
        (factor, offset) = transform.affine(pixels: pixels)
    }

    /// Fills the first `indices.count` rows of `batch` with images `indices` of `images`, and
    /// `labels` with their labels; sets `batch.rows`.
    func load<C: Collection>(
        _ indices: C, from images: UnsafePointer<UInt8>, labels sourceLabels: UnsafePointer<UInt8>,
        into batch: Matrix, labels: UnsafeMutablePointer<UInt8>
    ) where C.Element == Int {
        precondition(
            batch.columns == pixels && indices.count <= batch.capacity,
            "batch \(batch.capacity)x\(batch.columns) for \(indices.count) images of \(pixels)")
        batch.rows = indices.count
        factor.withUnsafeBufferPointer { a in
            offset.withUnsafeBufferPointer { b in
                var r = 0
                for image in indices {
                    let source = images + image * pixels
                    let target = batch.row(r)
                    for i in 0..<pixels {
                        target[i] = Float(source[i]) * a[i] + b[i]
                    }
                    labels[r] = sourceLabels[image]
                    r += 1
                }
            }
        }
    }
}
