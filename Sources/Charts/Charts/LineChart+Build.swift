extension LineChart {
    /// Where one series lands in a given layout.
    struct Projection {
        var positions: [Point?]
        var smoothed: [Point?]?
        /// Runs of the main line (smoothed when smoothing), reduced per pixel column.
        var lineRuns: [[Point]]
        /// Runs of the faint raw line under a smoothed one.
        var rawRuns: [[Point]]
        var bandPolygons: [[Point]]
        /// Vertical extents of the band at each x, for legend placement.
        var bandSpans: [[Point]]
    }

    func build(in frame: Rect, builder: inout SceneBuilder) -> PanelScene {
        let theme = builder.theme
        let colors = seriesColors(theme: theme)
        let smoothedValues = series.map { s in
            s.smoothing.map { ExponentialSmoothing.smooth(s.points.map(\.y), weight: $0) }
        }

        var xs: [Double] = markers.map(\.x)
        var ys: [Double] = []
        for (s, smoothed) in zip(series, smoothedValues) {
            for (i, p) in s.points.enumerated() where p.x.isFinite {
                let candidates =
                    [p.y] + (smoothed.map { [$0[i]] } ?? []) + (s.band.map { [$0.lower[i], $0.upper[i]] } ?? [])
                let drawable = candidates.filter { $0.isFinite && (yAxis.scale == .linear || $0 > 0) }
                if !drawable.isEmpty { xs.append(p.x) }
                ys.append(contentsOf: drawable)
            }
        }
        let xDomain = xAxis.resolvedDomain(covering: xs, padding: Self.xPadding)
        let yDomain = yAxis.resolvedDomain(covering: ys, padding: Self.yPadding)

        let entries = zip(series, colors).filter { $0.0.showsInLegend }.map { s, color in
            LegendBox.Entry(
                label: Self.legendLabel(for: s),
                swatch: .line(
                    color: color.withAlpha(s.opacity), width: s.lineWidth ?? theme.lineWidth, dash: s.dash,
                    marker: s.marker, band: s.band.map { color.withAlpha($0.opacity) }))
        }
        let legendBox = LegendBox(entries: entries, builder: builder)
        let outsideReserve = legendBox.size.width + 12

        func layout(reserve: Double) -> CartesianLayout {
            CartesianLayout(
                frame: frame, title: title, xAxis: xAxis, yAxis: yAxis, xDomain: xDomain,
                yDomain: yDomain, rightReserve: reserve, builder: builder)
        }
        var placement = legendBox.isEmpty ? LegendPlacement.hidden : legend
        var cartesian = layout(reserve: placement == .outsideRight ? outsideReserve : 0)
        var projections = project(cartesian, smoothedValues: smoothedValues)
        var labels = markerLabels(cartesian, projections: projections, builder: builder)
        var coverage = 0
        if placement == .automatic {
            let placer = self.placer(projections, cartesian: cartesian, labelRects: labels.map(\.bounds))
            if let best = placer.best(size: legendBox.size, in: cartesian.plotRect), best.coverage == 0 {
                placement = .inside(best.corner)
            } else {
                placement = .outsideRight
                cartesian = layout(reserve: outsideReserve)
                projections = project(cartesian, smoothedValues: smoothedValues)
                labels = markerLabels(cartesian, projections: projections, builder: builder)
            }
        }

        builder.beginPanel()
        let plot = cartesian.plotRect
        var panel = PanelScene(kind: .line, frame: frame, plotRect: plot, title: title)
        cartesian.drawGrid(&builder)
        builder.pushClip(plot)
        for (projection, (s, color)) in zip(projections, zip(series, colors)) {
            drawSeries(s, projection: projection, color: color, builder: &builder)
        }
        builder.popClip()
        panel.markers = drawMarkers(cartesian, labels: labels, builder: &builder)
        (panel.xAxis, panel.yAxis) = cartesian.drawAxes(&builder)

        if let legendOrigin = legendBox.origin(for: placement, plot: plot, frame: frame) {
            if case .inside = placement {
                coverage = placer(projections, cartesian: cartesian, labelRects: labels.map(\.bounds))
                    .coverage(of: Rect(origin: legendOrigin, size: legendBox.size))
            }
            legendBox.draw(at: legendOrigin, builder: &builder)
            panel.legend = LegendScene(
                frame: Rect(origin: legendOrigin, size: legendBox.size), placement: placement,
                entries: entries.map(\.label), coveredData: coverage)
        }
        panel.series = zip(series, projections).map { s, p in
            SeriesScene(
                name: s.name, positions: p.positions,
                drawnPointCount: (p.lineRuns + p.rawRuns).reduce(0) { $0 + $1.count }, smoothedPositions: p.smoothed)
        }
        builder.finishPanel(panel)
        return panel
    }

    /// Positions of every series in `cartesian`, split at gaps and reduced per pixel column.
    func project(_ cartesian: CartesianLayout, smoothedValues: [[Double]?]) -> [Projection] {
        let xScale = cartesian.xScale, yScale = cartesian.yScale
        func position(_ x: Double, _ y: Double) -> Point? {
            guard let px = xScale.position(of: x), let py = yScale.position(of: y) else { return nil }
            return Point(x: px, y: py)
        }
        // Half-unit columns keep every extreme at scale 2 as well as at scale 1.
        let column = 0.5
        return zip(series, smoothedValues).map { s, smoothed in
            let positions = s.points.map { position($0.x, $0.y) }
            let smoothedPositions = smoothed.map { values in zip(s.points, values).map { position($0.x, $1) } }
            var bandPolygons: [[Point]] = [], bandSpans: [[Point]] = []
            if let band = s.band {
                var upper: [Point] = [], lower: [Point] = []
                func flush() {
                    if upper.count >= 2 { bandPolygons.append(upper + lower.reversed()) }
                    upper = []; lower = []
                }
                for (i, p) in s.points.enumerated() {
                    guard let u = position(p.x, band.upper[i]), let l = position(p.x, band.lower[i]) else {
                        flush()
                        continue
                    }
                    upper.append(u)
                    lower.append(l)
                    bandSpans.append([u, l])
                }
                flush()
            }
            let main = smoothedPositions ?? positions
            return Projection(
                positions: positions, smoothed: smoothedPositions,
                lineRuns: MinMaxDecimation.reduce(Self.runs(main), columnWidth: column),
                rawRuns: smoothedPositions == nil
                    ? [] : MinMaxDecimation.reduce(Self.runs(positions), columnWidth: column),
                bandPolygons: bandPolygons, bandSpans: bandSpans)
        }
    }

    /// Consecutive non-nil positions; a nil (a gap) ends a run.
    static func runs(_ positions: [Point?]) -> [[Point]] {
        var runs: [[Point]] = []
        var current: [Point] = []
        for position in positions {
            if let position {
                current.append(position)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// What a legend (or a marker label) should avoid: every drawn line and band, the marker
    /// lines unless `includeMarkers` is false, and `labelRects`.
    func placer(
        _ projections: [Projection], cartesian: CartesianLayout, labelRects: [Rect], includeMarkers: Bool = true
    ) -> LegendPlacer {
        var placer = LegendPlacer()
        for p in projections {
            placer.polylines += p.lineRuns + p.rawRuns + p.bandSpans
        }
        for marker in markers where includeMarkers {
            if let x = cartesian.xScale.position(of: marker.x) {
                placer.polylines.append([
                    Point(x: x, y: cartesian.plotRect.minY), Point(x: x, y: cartesian.plotRect.maxY),
                ])
            }
        }
        placer.rects = labelRects
        return placer
    }

    func drawSeries(_ s: LineSeries, projection: Projection, color: Color, builder: inout SceneBuilder) {
        let theme = builder.theme
        let width = s.lineWidth ?? theme.lineWidth
        if let band = s.band {
            for polygon in projection.bandPolygons {
                var path = Path.polyline(polygon)
                path.close()
                builder.fill(path, color.withAlpha(band.opacity * s.opacity), role: .data)
            }
        }
        let faint = StrokeStyle(color: color.withAlpha(theme.faintOpacity * s.opacity), width: max(1, width * 0.6))
        for run in projection.rawRuns {
            builder.stroke(.polyline(run), faint, role: .data)
        }
        let style = StrokeStyle(color: color.withAlpha(s.opacity), width: width, dash: s.dash, lineCap: .round)
        for run in projection.lineRuns {
            if run.count == 1 {
                // An isolated point between gaps would vanish as a zero-length line: dot it.
                builder.fill(.circle(center: run[0], radius: width), color.withAlpha(s.opacity), role: .data)
            } else {
                builder.stroke(.polyline(run), style, role: .data)
            }
        }
        if let marker = s.marker {
            var path = Path()
            for case let position? in projection.smoothed ?? projection.positions {
                path.append(marker.path(center: position, radius: theme.markerRadius))
            }
            builder.fill(path, color.withAlpha(s.opacity), role: .data)
        }
    }

    /// Labels of the vertical markers, beside their line at the top or the bottom of the plot,
    /// on whichever side covers the least data (top right first on ties), moved along when
    /// they would overlap an earlier label.
    func markerLabels(_ cartesian: CartesianLayout, projections: [Projection], builder: SceneBuilder) -> [TextItem] {
        let theme = builder.theme
        let plot = cartesian.plotRect
        let data = placer(projections, cartesian: cartesian, labelRects: [], includeMarkers: false)
        var placed: [TextItem] = []
        for marker in markers {
            guard let label = marker.label, !label.isEmpty, let x = cartesian.xScale.position(of: marker.x) else {
                continue
            }
            let metrics = builder.measure(label, font: theme.captionFont)
            let step = metrics.height + 2
            var best: (item: TextItem, coverage: Int)?
            for (top, right) in [(true, true), (true, false), (false, true), (false, false)] {
                let fits = right ? x + 5 + metrics.width <= plot.maxX - 2 : x - 5 - metrics.width >= plot.minX + 2
                guard fits else { continue }
                var y = top ? plot.minY + 4 : plot.maxY - 4
                var item: TextItem
                repeat {
                    item = TextItem(
                        label, at: Point(x: right ? x + 5 : x - 5, y: y), font: theme.captionFont,
                        color: marker.color ?? theme.annotation,
                        anchor: TextAnchor(right ? .leading : .trailing, top ? .top : .bottom), metrics: metrics)
                    y += top ? step : -step
                } while placed.contains(where: { $0.bounds.intersects(item.bounds) }) && y > plot.minY && y < plot.maxY
                let coverage = data.coverage(of: item.bounds)
                if best == nil || coverage < best!.coverage { best = (item, coverage) }
                if coverage == 0 { break }
            }
            if let best { placed.append(best.item) }
        }
        return placed
    }

    func drawMarkers(_ cartesian: CartesianLayout, labels: [TextItem], builder: inout SceneBuilder) -> [MarkerScene] {
        let theme = builder.theme
        let plot = cartesian.plotRect
        var scenes: [MarkerScene] = []
        for marker in markers {
            guard let x = cartesian.xScale.position(of: marker.x), x >= plot.minX, x <= plot.maxX else { continue }
            let cx = CartesianLayout.crisp(x)
            builder.stroke(
                .line(from: Point(x: cx, y: plot.minY), to: Point(x: cx, y: plot.maxY)),
                StrokeStyle(color: marker.color ?? theme.annotation, width: 1.25, dash: marker.dash), role: .annotation)
            scenes.append(MarkerScene(x: marker.x, position: x, label: marker.label))
        }
        for label in labels {
            builder.fill(
                .rect(label.bounds.insetBy(dx: -2, dy: 0)), theme.background.withAlpha(0.85), role: .annotation)
            builder.text(
                label.string, at: label.position, font: label.font, color: label.color, anchor: label.anchor,
                role: .annotation)
        }
        return scenes
    }
}
