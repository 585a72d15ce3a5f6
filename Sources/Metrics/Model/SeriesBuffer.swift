/// The points of one series while a log is read, kept within a bound: once a series holds more
/// than ``limit`` points, it is thinned out evenly along x, keeping of every run of four points
/// the lowest and the highest value (and a gap where the run had one), and always the first and
/// last point, so that a chart of the kept points still shows every spike and dip. Values
/// arriving later are thinned as often as the kept ones were before they join them, so the
/// density stays even from the first step to the last. Counts, first, last, lowest and highest
/// values stay exact.
///
/// A log of 10,000,000 values per metric therefore costs a few megabytes per metric, not a few
/// hundred: peak memory follows the points drawn, not the size of the file.
struct SeriesBuffer {
    /// Points kept at most (and the batch in which new points are thinned).
    static let limit = 50_000

    private var kept: [MetricPoint] = []
    private var pending: [MetricPoint] = []
    /// How many times the kept points were thinned.
    private var level = 0
    /// Values added (finite and not), and repeats of an x dropped before the end.
    private(set) var added = 0
    private(set) var addedGaps = 0
    private(set) var droppedRepeats = 0
    private(set) var droppedRepeatGaps = 0
    private let limit: Int
    /// Which x orders the points: `epoch` first for a per-epoch series, `step` first otherwise.
    private let byEpoch: Bool
    /// False once a point without an x came: such a series cannot be ordered or thinned.
    private var orderable = true

    init(cadence: MetricCadence?, limit: Int = SeriesBuffer.limit) {
        byEpoch = cadence == .epoch
        self.limit = limit
    }

    /// True once points were thinned out.
    var isReduced: Bool { level > 0 }

    mutating func append(_ point: MetricPoint) {
        pending.append(point)
        added += 1
        if !point.isFinite { addedGaps += 1 }
        if x(point) == nil { orderable = false }
        if pending.count >= limit, orderable { flush() }
    }

    /// Every point kept, in arrival order for a series that was never thinned (the builder
    /// orders and de-duplicates those), in x order otherwise.
    mutating func finish() -> [MetricPoint] {
        if level == 0 { return kept + pending }
        flush()
        return kept
    }

    func x(_ point: MetricPoint) -> Double? {
        byEpoch ? point.epoch ?? point.step.map(Double.init) : point.step.map(Double.init) ?? point.epoch
    }

    /// Moves the pending points, ordered and thinned as often as the kept ones, to the kept
    /// points; thins all of them once more while they are too many.
    private mutating func flush() {
        guard !pending.isEmpty || kept.count > limit else { return }
        var batch = ordered(pending)
        pending = []
        for _ in 0..<level { batch = Self.thin(batch) }
        if let last = kept.last, let first = batch.first, x(first)! <= x(last)! {
            // The log went back in x (a resumed run appending): order everything again.
            kept = ordered(kept + batch)
        } else {
            kept += batch
        }
        while kept.count > limit {
            kept = Self.thin(kept)
            level += 1
        }
    }

    /// Points sorted by x, the later of two at one x kept (the other counted as a repeat).
    private mutating func ordered(_ points: [MetricPoint]) -> [MetricPoint] {
        // The usual case, strictly increasing x, needs no work.
        if zip(points, points.dropFirst()).allSatisfy({ x($0)! < x($1)! }) { return points }
        var latest: [Double: Int] = [:]
        for (i, point) in points.enumerated() { latest[x(point)!] = i }
        for i in points.indices where latest[x(points[i])!] != i {
            droppedRepeats += 1
            if !points[i].isFinite { droppedRepeatGaps += 1 }
        }
        let kept = points.indices.filter { latest[x(points[$0])!] == $0 }
        return kept.sorted { (x(points[$0])!, $0) < (x(points[$1])!, $1) }.map { points[$0] }
    }

    /// Of every run of four points: the lowest and highest finite ones, and one gap if the run
    /// holds one, in x order; the first and last point always.
    static func thin(_ points: [MetricPoint]) -> [MetricPoint] {
        var result: [MetricPoint] = []
        result.reserveCapacity(points.count / 2 + 2)
        var start = 0
        while start < points.count {
            let end = min(start + 4, points.count)
            var low: Int?
            var high: Int?
            var gap: Int?
            for i in start..<end {
                let value = points[i].value
                if !value.isFinite {
                    if gap == nil { gap = i }
                    continue
                }
                if low == nil || value < points[low!].value { low = i }
                if high == nil || value > points[high!].value { high = i }
            }
            // At most five indices, kept in x order without repeats.
            var keep: [Int] = []
            for candidate in [start == 0 ? 0 : nil, low, high, gap, end == points.count ? points.count - 1 : nil] {
                if let candidate, !keep.contains(candidate) { keep.append(candidate) }
            }
            keep.sort()
            for i in keep { result.append(points[i]) }
            start = end
        }
        return result
    }
}
