@testable import Engine
import LinearAlgebra
import Testing
import TestSupport

@Suite struct InputTransformTests {
    /// Three 2-pixel images; the transform is computed from the first two only.
    let pixels: [UInt8] = [0, 255, 255, 255, 100, 0]

    @Test func rawAndUnit() {
        #expect(InputTransformKind.raw.transform(images: pixels, pixels: 2, indices: 0..<2) == .identity)
        let unit = InputTransformKind.unit.transform(images: pixels, pixels: 2, indices: 0..<2)
        #expect(unit.scale == 1 / 255 && unit.mean == [0] && unit.std == [1])
    }

    @Test func meanImageUsesTheTrainingSplitOnly() {
        let t = InputTransformKind.meanImage.transform(images: pixels, pixels: 2, indices: 0..<2)
        #expect(t.scale == Float(1) / 255)
        #expect(isClose(t.mean[0], 0.5, absolute: 1e-6) && isClose(t.mean[1], 1, absolute: 1e-6))
        #expect(t.std == [1])
    }

    @Test func standardizeFloorsTheDeviation() {
        let t = InputTransformKind.standardize.transform(images: pixels, pixels: 2, indices: 0..<2)
        #expect(isClose(t.std[0], 0.5, absolute: 1e-6))
        // Pixel 1 is 255 in both training images: its deviation 0 is raised to the 0.1 floor.
        #expect(t.std[1] == 0.1)
        let n = InputTransformKind.normalize.transform(images: pixels, pixels: 2, indices: 0..<2)
        #expect(n.mean.count == 1 && isClose(n.mean[0], 0.75, absolute: 1e-6))
    }

    @Test func batchLoaderAppliesRawTimesScaleMinusMeanOverStd() {
        let t = InputTransform(scale: 0.5, mean: [1, 2], std: [2, 4])
        let loader = BatchLoader(transform: t, pixels: 2)
        let batch = Matrix(rows: 4, columns: 2)
        let labels = UnsafeMutablePointer<UInt8>.allocate(capacity: 4)
        defer { labels.deallocate() }
        let sourceLabels: [UInt8] = [7, 8, 9]
        loader.load([2, 0], from: pixels, labels: sourceLabels, into: batch, labels: labels)
        #expect(batch.rows == 2)
        let expected: [Float] = [(100 * 0.5 - 1) / 2, (0 * 0.5 - 2) / 4, (0 * 0.5 - 1) / 2, (255 * 0.5 - 2) / 4]
        #expect(batch.values == expected)
        #expect(labels[0] == 9 && labels[1] == 7)
    }
}
