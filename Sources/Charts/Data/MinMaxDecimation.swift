/// Reduces a polyline to what one pixel column can show, for drawing only.
public enum MinMaxDecimation {
    /// For each run of points sorted by x, keeps per column of width `columnWidth` the first,
    /// lowest, highest and last point in x order, so a 100,000-point curve draws as a few
    /// thousand segments and no spike disappears. Runs no denser than two points per column,
    /// and runs whose x is not increasing, are returned unchanged.
    ///
    /// - Parameter runs: polylines in figure units (gaps already split into separate runs).
    /// - Complexity: O(n).
    public static func reduce(_ runs: [[Point]], columnWidth: Double = 1) -> [[Point]] {
        runs.map { reduce(run: $0, columnWidth: columnWidth) }
    }

    static func reduce(run: [Point], columnWidth: Double) -> [Point] {
        guard let first = run.first, let last = run.last, run.count > 4 else { return run }
        let columns = (last.x - first.x) / columnWidth
        guard columns.isFinite, Double(run.count) > 2 * max(columns, 1) else { return run }
        for i in 1..<run.count where run[i].x < run[i - 1].x { return run }

        var result: [Point] = []
        result.reserveCapacity(Int(columns * 4) + 4)
        var start = 0
        while start < run.count {
            let column = (run[start].x / columnWidth).rounded(.down)
            var end = start + 1
            var lowest = start, highest = start
            while end < run.count && (run[end].x / columnWidth).rounded(.down) == column {
                // y grows downwards: the lowest value on screen has the largest y.
                if run[end].y < run[highest].y { highest = end }
                if run[end].y > run[lowest].y { lowest = end }
                end += 1
            }
            for index in Set([start, lowest, highest, end - 1]).sorted() {
                result.append(run[index])
            }
            start = end
        }
        return result
    }
}
