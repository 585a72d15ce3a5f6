extension ImageGrid {
    func build(in frame: Rect, builder: inout SceneBuilder) -> PanelScene {
        let theme = builder.theme
        let fitting = TextFitting(measurer: builder.measurer, minimumSize: theme.minimumFontSize)
        let rows = (tiles.count + columns - 1) / columns
        let ranges = valueRanges()

        let panelTitle = PanelTitle(title, width: frame.width, builder: builder)
        let top = frame.minY + panelTitle.height(gap: theme.labelGap)
        let sharedRange = scaling.isShared ? ranges.first : nil
        let colorBarTicks = sharedRange.map { NiceTicks.ticks(in: $0, targetCount: 5) }
        let colorBarBand =
            showsColorBar && colorBarTicks != nil
            ? 18 + 14 + theme.tickLength + 3
                + (colorBarTicks!.labels.map { builder.measure($0, font: theme.tickLabelFont).width }.max() ?? 0) : 0

        let captionLines = tiles.map(\.caption.count).max() ?? 0
        var captionFont = theme.captionFont
        let available = Size(width: frame.maxX - frame.minX - colorBarBand, height: frame.maxY - top)
        func captionHeight(_ font: FontSpec) -> Double {
            captionLines == 0 ? 0 : 3 + Double(captionLines) * (builder.measure("0", font: font).height).rounded(.up)
        }
        func widestCaption(_ font: FontSpec) -> Double {
            tiles.flatMap(\.caption).map { builder.measure($0, font: font).width }.max() ?? 0
        }
        // Columns are as wide as the widest caption needs (within the panel); tiles are as
        // large as allowed while the grid fits; then the caption font shrinks, if it must,
        // until the widest caption fits its column.
        let maximumPitch = available.width / Double(columns)
        let pitch = min(maximumPitch, max(maximumTileSize + spacing, widestCaption(captionFont) + 6)).rounded(.down)
        var tile = min(
            maximumTileSize, pitch - spacing,
            (available.height - spacing * Double(max(rows - 1, 0)) - Double(rows) * captionHeight(captionFont))
                / Double(max(rows, 1))
        ).rounded(.down)
        tile = max(tile, 1)
        while widestCaption(captionFont) > pitch - 4 && captionFont.size > theme.minimumFontSize {
            captionFont = captionFont.withSize(max(theme.minimumFontSize, captionFont.size - 0.5))
        }
        let rowPitch = tile + captionHeight(captionFont) + spacing
        let gridWidth = pitch * Double(columns)
        let gridHeight = rowPitch * Double(rows) - spacing
        let left = (frame.minX + max(0, (available.width - gridWidth) / 2)).rounded(.down)
        let grid = Rect(x: left, y: top.rounded(), width: gridWidth, height: gridHeight)

        builder.beginPanel()
        var panel = PanelScene(kind: .images, frame: frame, plotRect: grid, title: title)
        let table = colorMap.lookupTable(count: 256)
        let lineHeight = builder.measure("0", font: captionFont).height.rounded(.up)
        for (i, item) in tiles.enumerated() {
            let r = i / columns, c = i % columns
            let inset = ((pitch - tile) / 2).rounded(.down)
            let rect = Rect(
                x: grid.minX + Double(c) * pitch + inset, y: grid.minY + Double(r) * rowPitch, width: tile, height: tile
            )
            builder.image(
                Self.raster(item, range: ranges[i], table: table), in: rect, interpolation: .nearest, role: .data)
            if let frameColor = item.frameColor {
                builder.stroke(
                    .rect(rect.insetBy(dx: -1.5, dy: -1.5)), StrokeStyle(color: frameColor, width: 3, lineJoin: .miter),
                    role: .data)
            } else {
                builder.stroke(
                    .rect(rect.insetBy(dx: -0.5, dy: -0.5)), StrokeStyle(color: theme.grid, width: 1), role: .data)
            }
            var captions: [String] = []
            for (l, line) in item.caption.enumerated() {
                let text = fitting.shortened(line, font: captionFont, width: pitch - 2)
                captions.append(text)
                builder.text(
                    text,
                    at: Point(
                        x: rect.midX, y: rect.maxY + 3 + (item.frameColor == nil ? 0 : 2) + Double(l) * lineHeight),
                    font: captionFont, color: item.captionColor ?? theme.text,
                    anchor: TextAnchor(.center, .top))
            }
            panel.tiles.append(
                TileScene(rect: rect, caption: captions, frameColor: item.frameColor, valueRange: ranges[i]))
        }
        panelTitle.draw(at: frame.origin, builder: &builder)
        if showsColorBar, let sharedRange, let colorBarTicks {
            let bar = Rect(x: grid.maxX + 18, y: grid.minY, width: 14, height: min(grid.height, 240))
            panel.colorBar = ColorBar(colorMap: colorMap, domain: sharedRange, ticks: colorBarTicks, label: nil)
                .draw(in: bar, builder: &builder)
        }
        builder.finishPanel(panel)
        return panel
    }

    /// The tile's values coloured through `table` (256 RGBA entries) over `range`; non-finite
    /// values become transparent.
    static func raster(_ tile: ImageTile, range: ClosedRange<Double>, table: [UInt8]) -> RasterImage {
        var pixels = [UInt8](repeating: 0, count: tile.values.count * 4)
        let lo = range.lowerBound, span = range.upperBound - range.lowerBound
        for (i, v) in tile.values.enumerated() where v.isFinite {
            let t = min(max((Double(v) - lo) / span, 0), 1)
            let entry = Int((t * 255).rounded()) * 4
            pixels[i * 4] = table[entry]
            pixels[i * 4 + 1] = table[entry + 1]
            pixels[i * 4 + 2] = table[entry + 2]
            pixels[i * 4 + 3] = table[entry + 3]
        }
        return RasterImage(width: tile.columns, height: tile.rows, pixels: pixels)
    }
}
