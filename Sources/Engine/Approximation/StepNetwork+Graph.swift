extension StepNetwork {
    /// The graph of y over `range` as a polyline that draws exactly: flat between switch points,
    /// with a vertical jump at each switch point inside the range (two points with the same x,
    /// the value on its left and the value on its right).
    ///
    /// - Returns: x and y, (m) each, with x non-decreasing.
    public func graph(over range: ClosedRange<Double>) -> (x: [Double], y: [Double]) {
        let lo = range.lowerBound, hi = range.upperBound
        var breaks = Set<Double>()
        for case let s? in switchPoints where s > lo && s < hi { breaks.insert(s) }
        let sorted = breaks.sorted()
        // The value on each flat piece, taken at its middle: at a switch point itself the value
        // belongs to one side or the other depending on the sign of w.
        let bounds = [lo] + sorted + [hi]
        let levels = (0..<(bounds.count - 1)).map { self((bounds[$0] + bounds[$0 + 1]) / 2) }
        var x = [lo], y = [levels[0]]
        for (k, s) in sorted.enumerated() {
            x += [s, s]
            y += [levels[k], levels[k + 1]]
        }
        x.append(hi)
        y.append(levels[levels.count - 1])
        return (x, y)
    }
}
