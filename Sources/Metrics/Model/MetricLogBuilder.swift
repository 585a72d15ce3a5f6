import Foundation

/// Collects points per metric while a reader walks a log, then builds the ``MetricLog``:
/// cadences resolved, duplicates dropped, gaps counted.
struct MetricLogBuilder {
    private struct Key: Hashable {
        var originalName: String
        var cadence: MetricCadence?
    }

    private var entries: [(key: Key, buffer: SeriesBuffer)] = []
    private var index: [Key: Int] = [:]
    var tally = WarningTally()
    /// Names a reader parsed itself (an `add_scalars` key), by original name.
    private var parsedNames: [String: MetricName] = [:]
    /// Original names whose points carry exact epoch positions.
    private var positioned: Set<String> = []
    /// Original names kept out of the charts, with the reason.
    private var exclusions: [String: String] = [:]

    /// Gives the series logged as `original` this parsed name instead of parsing `original`.
    mutating func name(_ original: String, as name: MetricName) {
        parsedNames[original] = name
    }

    /// Marks the points of `original` as carrying exact epoch positions (``MetricSeries/epochIsPosition``).
    mutating func markEpochPositions(_ original: String) {
        positioned.insert(original)
    }

    /// Keeps `original` out of the charts, listed with `reason`.
    mutating func exclude(_ original: String, reason: String) {
        exclusions[original] = reason
    }

    /// Whether any value of `original` was added.
    func contains(_ original: String) -> Bool {
        entries.contains { $0.key.originalName == original }
    }

    /// The entry of `key`: a linear scan while there are few metrics (comparing short strings
    /// is cheaper than hashing them for every value of a 100,000-line log), a lookup after.
    private func slot(of key: Key) -> Int? {
        if entries.count <= 16 { return entries.firstIndex { $0.key == key } }
        return index[key]
    }

    /// Records one value of metric `name`. NaN and infinite values become gaps and are counted.
    /// `cadence` is what the format says (nnreport step events, Keras rows); nil lets the name
    /// or the data decide.
    mutating func add(
        _ name: String, cadence: MetricCadence? = nil, step: Int? = nil, epoch: Double? = nil, value: Double
    ) {
        let key = Key(originalName: name, cadence: cadence)
        var point = MetricPoint(step: step, epoch: epoch, value: value)
        if !value.isFinite {
            point.value = .nan
            tally.add("NaN or infinite values (shown as gaps) in '\(name)'")
        }
        if let slot = slot(of: key) {
            entries[slot].buffer.append(point)
        } else {
            index[key] = entries.count
            var buffer = SeriesBuffer(cadence: cadence)
            buffer.append(point)
            entries.append((key: key, buffer: buffer))
        }
    }

    /// The series, in order of first appearance.
    mutating func buildSeries() -> [MetricSeries] {
        var result: [MetricSeries] = []
        for (key, var buffer) in entries {
            let raw = buffer.finish()
            let name = parsedNames[key.originalName] ?? MetricName(parsing: key.originalName)
            let cadence = key.cadence ?? name.cadence ?? Self.inferCadence(raw)
            let points = deduplicated(raw, cadence: cadence, name: key.originalName)
            var series = MetricSeries(
                name: name, originalName: key.originalName, cadence: cadence, points: points,
                epochIsPosition: positioned.contains(key.originalName), exclusion: exclusions[key.originalName])
            if buffer.isReduced {
                // Repeats dropped at the end of reading are counted like those dropped before.
                let finalRepeats = raw.count - points.count
                let gaps = buffer.addedGaps - buffer.droppedRepeatGaps
                series.reduction = SeriesReduction(
                    values: buffer.added - buffer.droppedRepeats - finalRepeats - gaps, gaps: gaps)
            }
            if buffer.droppedRepeats > 0 {
                tally.add(
                    "repeated \(cadence.rawValue)s in '\(key.originalName)' (the later value kept)",
                    count: buffer.droppedRepeats)
            }
            result.append(series)
        }
        return result
    }

    /// Epoch cadence when every point names a distinct epoch (one value per epoch); step otherwise.
    static func inferCadence(_ points: [MetricPoint]) -> MetricCadence {
        var epochs = Set<Double>()
        for point in points {
            guard let epoch = point.epoch else { return .step }
            if !epochs.insert(epoch).inserted { return .step }
        }
        // A series with no epoch information at all is a step series.
        return epochs.isEmpty ? .step : .epoch
    }

    /// Points sorted by their x (step or epoch), keeping file order among equals; when an x
    /// appears twice (a resumed run appending to its log), the later value wins.
    private mutating func deduplicated(_ points: [MetricPoint], cadence: MetricCadence, name: String) -> [MetricPoint] {
        func x(_ point: MetricPoint) -> Double? {
            switch cadence {
            case .epoch: return point.epoch ?? point.step.map(Double.init)
            case .step: return point.step.map(Double.init) ?? point.epoch
            }
        }
        guard points.allSatisfy({ x($0) != nil }) else { return points }
        // The usual case, strictly increasing x, needs no work.
        if zip(points, points.dropFirst()).allSatisfy({ x($0)! < x($1)! }) { return points }
        var latest: [Double: Int] = [:]
        for (i, point) in points.enumerated() { latest[x(point)!] = i }
        let duplicates = points.count - latest.count
        if duplicates > 0 {
            tally.add("repeated \(cadence.rawValue)s in '\(name)' (the later value kept)", count: duplicates)
        }
        let kept = points.indices.filter { latest[x(points[$0])!] == $0 }
        return kept.sorted { (x(points[$0])!, $0) < (x(points[$1])!, $1) }.map { points[$0] }
    }
}
