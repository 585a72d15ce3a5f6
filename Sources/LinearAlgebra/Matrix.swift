/// A Float32 row-major matrix whose storage is allocated once, when it is created.
///
/// The training loop reuses the same matrices for every step, so nothing is allocated while it
/// runs (glibc returns large freed blocks to the kernel and maps them again, which costs more
/// than the arithmetic on this machine's sizes; see Docs/Performance.md). A matrix has a fixed
/// `capacity` of rows and a number of active `rows` that may be lowered for a short last
/// mini-batch; every kernel and BLAS call works on the active rows only.
///
/// `Matrix` is a reference type: layers and workspaces share buffers by reference, and the
/// storage is never copied behind the caller's back. It is not `Sendable`; each matrix belongs
/// to the one thread that trains with it.
public final class Matrix {
    /// Rows the storage holds.
    public let capacity: Int
    /// Columns (the leading dimension: row `r` starts at `data + r * columns`).
    public let columns: Int
    /// Rows in use, `0...capacity`.
    public var rows: Int {
        didSet {
            precondition(
                rows >= 0 && rows <= capacity, "Matrix rows \(rows) outside 0...\(capacity) (columns \(columns))")
        }
    }
    /// The storage: `capacity * columns` floats.
    public let data: UnsafeMutablePointer<Float>

    /// A zero-filled matrix with `rows` rows, all active.
    public init(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must not be negative: \(rows)x\(columns)")
        self.capacity = rows
        self.rows = rows
        self.columns = columns
        // Allocate at least one element so `data` is always a valid pointer.
        self.data = .allocate(capacity: Swift.max(rows * columns, 1))
        data.initialize(repeating: 0, count: Swift.max(rows * columns, 1))
    }

    /// A matrix holding `values`, row after row.
    public convenience init(rows: Int, columns: Int, values: [Float]) {
        precondition(
            values.count == rows * columns,
            "Matrix \(rows)x\(columns) needs \(rows * columns) values, got \(values.count)")
        self.init(rows: rows, columns: columns)
        values.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: values.count) }
    }

    deinit {
        data.deallocate()
    }

    /// Active elements, `rows * columns`.
    @inlinable public var count: Int { rows * columns }

    /// The element at (`row`, `column`).
    @inlinable public subscript(row: Int, column: Int) -> Float {
        get {
            precondition(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "index (\(row), \(column)) outside \(rows)x\(columns)")
            return data[row * columns + column]
        }
        set {
            precondition(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "index (\(row), \(column)) outside \(rows)x\(columns)")
            data[row * columns + column] = newValue
        }
    }

    /// The first element of row `row`.
    @inlinable public func row(_ row: Int) -> UnsafeMutablePointer<Float> {
        data + row * columns
    }

    /// Sets every active element to `value`.
    public func fill(_ value: Float) {
        data.update(repeating: value, count: count)
    }

    /// Copies the active elements of `other`, which must have the same shape.
    public func copy(from other: Matrix) {
        precondition(
            other.rows == rows && other.columns == columns,
            "copy \(other.rows)x\(other.columns) into \(rows)x\(columns)")
        data.update(from: other.data, count: count)
    }

    /// Copies `values` (row after row) into the active elements.
    public func copy(from values: [Float]) {
        precondition(values.count == count, "copy \(values.count) values into \(rows)x\(columns)")
        values.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: values.count) }
    }

    /// The active elements, row after row.
    public var values: [Float] {
        Array(UnsafeBufferPointer(start: data, count: count))
    }
}
