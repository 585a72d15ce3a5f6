extension MetricLog {
    /// At most this many charts per log by default; a log with more quantities lists the rest.
    public static let defaultMaximumCharts = 40

    /// The charts of this log (``chartPlan(maximumCharts:)``'s groups).
    public func chartGroups() -> [MetricChartGroup] { chartPlan().groups }

    /// Groups the series into charts, one per quantity: `loss` and `accuracy` first, then the
    /// others in the order the log introduced them; every other series is listed with the
    /// reason it is not drawn.
    ///
    /// The x axis is the epoch when the quantity has any per-epoch series. On it, per-step
    /// series are placed at their position in epochs: exact when the log says it (Hugging
    /// Face's fractional epochs), else step / steps-per-epoch within the step's own epoch (the
    /// steps per epoch estimated from the log). A per-step series is faint behind the per-epoch
    /// line of its split when there is one, a line of its own otherwise. Per-step series that
    /// cannot be placed in epochs get a chart of their own on a step axis. Quantities with no
    /// per-epoch series are drawn per step.
    public func chartPlan(maximumCharts: Int = MetricLog.defaultMaximumCharts) -> MetricChartPlan {
        var bookkeeping: [MetricSeries] = []
        var undrawn: [UndrawnSeries] = []
        var chartable: [MetricSeries] = []
        for s in series {
            if let reason = s.exclusion {
                undrawn.append(UndrawnSeries(series: s, reason: reason))
            } else if s.isBookkeeping {
                bookkeeping.append(s)
            } else if !s.points.contains(where: \.isFinite) {
                undrawn.append(UndrawnSeries(series: s, reason: "no finite value"))
            } else {
                chartable.append(s)
            }
        }
        var quantities: [String] = []
        for s in chartable where !quantities.contains(s.name.quantity) { quantities.append(s.name.quantity) }
        let preferred = ["loss", "accuracy"]
        quantities = preferred.filter(quantities.contains) + quantities.filter { !preferred.contains($0) }
        let stepsPerEpoch = estimatedStepsPerEpoch()

        var groups: [MetricChartGroup] = []
        for quantity in quantities {
            let members = chartable.filter { $0.name.quantity == quantity }
            let label = members[0].name.label
            // Per-epoch series that say at which epoch each value was logged; one logged per
            // epoch but placed only by its step (a TensorBoard `_epoch` tag) is drawn per step.
            let epochMembers = members.filter(Self.isPlacedByEpoch)
            // Values whose positions in epochs the log states (Hugging Face) go on an epoch axis
            // even without a per-epoch series.
            let positioned = members.allSatisfy(\.epochIsPosition)
            guard !epochMembers.isEmpty || positioned else {
                groups.append(group(quantity, label: label, axis: .step, lines: members.map { stepLine($0) }))
                continue
            }
            var lines: [MetricChartLine] = []
            var leftOver: [MetricSeries] = []
            for s in members {
                if Self.isPlacedByEpoch(s) {
                    lines.append(MetricChartLine(series: s, isBackground: false, points: epochPoints(s)))
                } else if let points = positionedPoints(s, stepsPerEpoch: stepsPerEpoch) {
                    let behind = epochMembers.contains { $0.name.split == s.name.split && $0.name.line == s.name.line }
                    lines.append(MetricChartLine(series: s, isBackground: behind, points: points))
                } else {
                    leftOver.append(s)
                }
            }
            groups.append(group(quantity, label: label, axis: .epoch, lines: lines))
            if !leftOver.isEmpty {
                groups.append(group(quantity, label: label, axis: .step, lines: leftOver.map { stepLine($0) }))
            }
        }
        if groups.count > maximumCharts {
            for dropped in groups[maximumCharts...] {
                for line in dropped.lines {
                    undrawn.append(
                        UndrawnSeries(
                            series: line.series,
                            reason: "beyond the first \(maximumCharts) charts (the log has \(groups.count))"))
                }
            }
            groups.removeSubrange(maximumCharts...)
        }
        return MetricChartPlan(groups: groups, bookkeeping: bookkeeping, undrawn: undrawn)
    }

    private func group(_ quantity: String, label: String, axis: MetricXAxis, lines: [MetricChartLine])
        -> MetricChartGroup
    {
        let splitOrder: [MetricSplit] = [.train, .validation, .test]
        let sorted = lines.enumerated().sorted { a, b in
            let ka = (a.element.isBackground ? 1 : 0, splitOrder.firstIndex(of: a.element.split) ?? 0, a.offset)
            let kb = (b.element.isBackground ? 1 : 0, splitOrder.firstIndex(of: b.element.split) ?? 0, b.offset)
            return ka < kb
        }.map(\.element)
        let xLabel: String
        switch axis {
        case .step: xLabel = xColumn ?? "step"
        case .epoch: xLabel = xColumn == nil || xColumn == "epoch" ? "epoch" : xColumn!
        }
        let integerX = sorted.allSatisfy { line in line.points.allSatisfy { $0.x == $0.x.rounded() } }
        return MetricChartGroup(
            quantity: quantity, label: label, xAxis: axis, xLabel: xLabel, integerX: integerX, lines: sorted)
    }

    /// True for a per-epoch series each of whose values says its epoch.
    static func isPlacedByEpoch(_ s: MetricSeries) -> Bool {
        s.cadence == .epoch && s.points.allSatisfy { $0.epoch != nil }
    }

    /// A per-epoch series at its epochs.
    private func epochPoints(_ s: MetricSeries) -> [MetricChartPoint] {
        s.points.map { MetricChartPoint(x: $0.epoch ?? $0.step.map(Double.init) ?? 0, y: $0.value) }
    }

    /// A series on a step axis: at its steps (at its epochs when it has no steps).
    private func stepLine(_ s: MetricSeries) -> MetricChartLine {
        let points = s.points.map { MetricChartPoint(x: $0.step.map(Double.init) ?? $0.epoch ?? 0, y: $0.value) }
        return MetricChartLine(series: s, isBackground: false, points: points)
    }

    /// A per-step series placed in epochs, or nil when some point cannot be placed.
    private func positionedPoints(_ s: MetricSeries, stepsPerEpoch: Double?) -> [MetricChartPoint]? {
        var result: [MetricChartPoint] = []
        result.reserveCapacity(s.points.count)
        for point in s.points {
            guard let x = position(of: point, in: s, stepsPerEpoch: stepsPerEpoch) else { return nil }
            result.append(MetricChartPoint(x: x, y: point.value))
        }
        return result
    }

    /// Where a per-step point lies in epochs, or nil when the log does not say.
    func position(of point: MetricPoint, in s: MetricSeries, stepsPerEpoch: Double?) -> Double? {
        if s.epochIsPosition { return point.epoch }
        guard let step = point.step, let epoch = point.epoch else { return nil }
        guard let perEpoch = stepsPerEpoch, perEpoch > 0 else { return epoch }
        let completed = Double(step) + Double(stepOffset)
        // Clamp into the step's own epoch so an estimate that is slightly off never moves a
        // point into a neighbouring epoch.
        return min(max(completed / perEpoch, epoch - 1), epoch)
    }

    /// Steps per epoch, from per-step points that know their epoch: the steps completed by the
    /// end of epoch e are at most e·P, so the largest (last step of e) / e over completed epochs
    /// bounds P from below to within the logging interval. Epochs after the last per-epoch value
    /// may be incomplete and are only used when nothing else is known.
    func estimatedStepsPerEpoch() -> Double? {
        var lastStep: [Double: Int] = [:]
        for s in series where s.cadence == .step && !s.epochIsPosition {
            for point in s.points {
                guard let step = point.step, let epoch = point.epoch, epoch >= 1 else { continue }
                let completed = step + stepOffset
                lastStep[epoch] = max(lastStep[epoch] ?? completed, completed)
            }
        }
        guard !lastStep.isEmpty else { return nil }
        let completed = series.filter { $0.cadence == .epoch }.flatMap(\.points).compactMap(\.epoch).max()
        var candidates = lastStep.filter { completed == nil || $0.key <= completed! }
        if candidates.isEmpty || completed == nil {
            // Without per-epoch values, all but the last epoch are complete.
            let last = lastStep.keys.max()!
            candidates = lastStep.count > 1 ? lastStep.filter { $0.key < last } : lastStep
        }
        let estimate = candidates.map { Double($0.value) / $0.key }.max()
        return estimate.flatMap { $0 > 0 ? $0 : nil }
    }
}
