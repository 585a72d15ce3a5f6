extension ReLUNetwork1D {
    /// The graph of y over `range` as a polyline that draws exactly: the two ends and every kink
    /// inside, where the straight pieces meet.
    ///
    /// - Returns: x and y, (m) each, with x increasing.
    public func graph(over range: ClosedRange<Double>) -> (x: [Double], y: [Double]) {
        let x = Self.breakpoints(range, kinks(inside: range).map(\.x))
        return (x, x.map { self($0) })
    }

    /// The graph of unit j's part of the output, W2_j · max(0, W1_j · x + b1_j), over `range`.
    public func graph(ofUnit j: Int, over range: ClosedRange<Double>) -> (x: [Double], y: [Double]) {
        let inside = kink(ofUnit: j).map { $0 > range.lowerBound && $0 < range.upperBound ? [$0] : [] } ?? []
        let x = Self.breakpoints(range, inside)
        return (x, x.map { contribution(ofUnit: j, at: $0) })
    }

    /// The ends of `range` with the distinct `inner` points between them, in order.
    static func breakpoints(_ range: ClosedRange<Double>, _ inner: [Double]) -> [Double] {
        [range.lowerBound] + Set(inner).sorted() + [range.upperBound]
    }
}
