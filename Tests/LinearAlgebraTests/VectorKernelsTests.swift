import LinearAlgebra
import Testing
import TestSupport

@Suite struct VectorKernelsTests {
    /// Lengths around the 8- and 16-wide blocks, so every tail path runs.
    static let lengths = [0, 1, 7, 8, 9, 15, 16, 17, 33, 784]

    @Test(arguments: lengths)
    func dotMatchesSequentialSum(count: Int) {
        let x = values(count, seed: 1), y = values(count, seed: 2)
        let expected = zip(x, y).reduce(Double(0)) { $0 + Double($1.0) * Double($1.1) }
        let got = VectorKernels.dot(x, y, count: count)
        #expect(isClose(Double(got), expected, absolute: 1e-4))
    }

    @Test(arguments: lengths)
    func axpyScaleMultiply(count: Int) {
        let x = values(count, seed: 3), y0 = values(count, seed: 4)
        var y = y0
        y.withUnsafeMutableBufferPointer { VectorKernels.axpy(0.5, x, $0.baseAddress!, count: count) }
        #expect(y == zip(x, y0).map { 0.5 * $0 + $1 })
        var z = [Float](repeating: 9, count: count)
        z.withUnsafeMutableBufferPointer { VectorKernels.scale(-2, x, into: $0.baseAddress!, count: count) }
        #expect(z == x.map { -2 * $0 })
        var w = y0
        w.withUnsafeMutableBufferPointer { VectorKernels.multiply($0.baseAddress!, by: x, count: count) }
        #expect(w == zip(y0, x).map { $0 * $1 })
    }

    @Test func matrixStorageAndRows() {
        let m = Matrix(rows: 3, columns: 2, values: [1, 2, 3, 4, 5, 6])
        #expect(m[1, 1] == 4)
        m[2, 0] = -1
        #expect(m.row(2)[0] == -1)
        m.rows = 1
        #expect(m.count == 2 && m.values == [1, 2])
        m.fill(0)
        m.rows = 3
        #expect(m.values == [0, 0, 3, 4, -1, 6])
        let copy = Matrix(rows: 3, columns: 2)
        copy.copy(from: m)
        #expect(copy.values == m.values)
    }
}
