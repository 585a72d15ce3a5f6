extension AxisSpec {
    /// The data range the axis shows: the fixed domain, or `values` padded by `padding`.
    func resolvedDomain<S: Sequence<Double>>(covering values: S, padding: Double) -> ClosedRange<Double> {
        if let domain {
            precondition(domain.lowerBound < domain.upperBound, "axis \(label ?? "") has an empty domain \(domain)")
            precondition(
                scale == .linear || domain.lowerBound > 0,
                "log axis \(label ?? "") needs a positive domain, got \(domain)")
            return domain
        }
        return Domain.covering(values, type: scale, padding: padding, includeZero: includesZero)
    }

    /// The ticks for `domain` on an axis `length` units long, about one per `spacing` units.
    func tickSet(for domain: ClosedRange<Double>, length: Double, spacing: Double) -> TickSet {
        tickSet(for: domain, targetCount: max(2, Int(length / spacing)))
    }

    /// About `target` ticks for `domain`, labelled in the axis' format.
    func tickSet(for domain: ClosedRange<Double>, targetCount target: Int) -> TickSet {
        var ticks: TickSet
        switch self.ticks {
        case .hidden:
            return TickSet(values: [], labels: [])
        case .values(let values):
            let inside = values.filter { domain.contains($0) && (scale == .linear || $0 > 0) }
            ticks = TickSet(values: inside, labels: TickLabelFormatter.labels(forExplicit: inside))
        case .automatic:
            ticks = TickSet.automatic(for: domain, type: scale, targetCount: target)
        case .integers:
            ticks =
                scale == .linear
                ? NiceTicks.ticks(in: domain, targetCount: target, integersOnly: true)
                : TickSet.automatic(for: domain, type: scale, targetCount: target)
        }
        if format == .percent {
            let decimals = TickLabelFormatter.decimalsNeeded(ticks.values.map { $0 * 100 })
            ticks.labels = ticks.values.map { TickLabelFormatter.percent($0, decimals: decimals) }
        }
        return ticks
    }
}

extension TickLabelFormatter {
    /// Labels for hand-picked tick values: the fewest decimals (at most 6) that write all of
    /// them exactly, the same for every label.
    public static func labels(forExplicit values: [Double]) -> [String] {
        let decimals = decimalsNeeded(values)
        return values.map { fixed($0, decimals: decimals) }
    }

    /// The fewest decimals (0...6) that write every value without rounding it.
    static func decimalsNeeded(_ values: [Double]) -> Int {
        for decimals in 0...6 {
            let scale = Math.pow10(decimals)
            let exact = values.allSatisfy { v in
                let scaled = v * scale
                return abs(scaled - scaled.rounded()) <= 1e-6 * max(1, abs(scaled))
            }
            if exact { return decimals }
        }
        return 6
    }
}
