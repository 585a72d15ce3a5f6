import Charts

extension ReportFigures {
    /// Edge of a filter tile: a 5×5 kernel gets 12 units per weight.
    static let filterTileSize = 60.0
    /// Room the colour bar of a shared scale takes beside a grid (bar, ticks and labels).
    static let colorBarWidth = 84.0

    /// A convolution's filters, one tile per kernel (filter × input channel), all on one shared
    /// scale symmetric about zero, so that tiles compare: a faint filter is a small one. The
    /// subtitle says so and the colour bar gives the values.
    ///
    /// - Parameter maximumTiles: kernels drawn at most (the first filters, whole).
    public static func filters(_ filters: FilterSet, maximumTiles: Int = 128) -> Figure {
        let perFilter = filters.inputChannels
        let shownFilters = max(1, min(filters.outputChannels, maximumTiles / max(perFilter, 1)))
        var tiles: [ImageTile] = []
        for o in 0..<shownFilters {
            for i in 0..<perFilter {
                tiles.append(
                    ImageTile(
                        rows: filters.kernelHeight, columns: filters.kernelWidth,
                        values: Array(filters.kernel(output: o, input: i)),
                        caption: [perFilter == 1 ? "\(o)" : "\(o)·\(i)"]))
            }
        }
        let columns = perFilter == 1 ? min(tiles.count, 8) : perFilter
        let rows = (tiles.count + columns - 1) / columns
        let grid = ImageGrid(
            tiles: tiles, columns: columns, colorMap: .blueRed, scaling: .sharedSymmetric,
            maximumTileSize: filterTileSize, spacing: 6, showsColorBar: true)
        let which =
            shownFilters == filters.outputChannels
            ? "all \(filters.outputChannels) filters" : "the first \(shownFilters) of \(filters.outputChannels) filters"
        let inputs = perFilter == 1 ? "1 input channel" : "\(perFilter) input channels (one tile each, filter·channel)"
        var size = gridSize(
            columns: columns, rows: rows, tile: filterTileSize, spacing: 6, captions: tiles.map(\.caption),
            subtitleLines: 2)
        size.width += colorBarWidth
        return Figure(
            .images(grid), size: size, title: "First-layer filters",
            subtitle: "\(which.prefix(1).uppercased() + which.dropFirst()) of the first convolution (\(filters.name)), "
                + "\(filters.kernelHeight)×\(filters.kernelWidth) on \(inputs). One shared scale for every tile, "
                + "symmetric about zero: blue negative, white zero, red positive (colour bar).")
    }

    /// The activations of one test image after each convolution: the image, then one grid of
    /// maps per convolution (at most `maximumMaps` each). The maps of one convolution share one
    /// scale, from their smallest to their largest value (colour bar), so a pale map is a weakly
    /// active channel; white is the smallest value.
    public static func featureMaps(_ set: FeatureMapSet, classNames: [String], maximumMaps: Int = 64) -> Figure {
        let spacing = 4.0, panelTitle = 26.0, gap = 14.0
        let label = name(set.label, classNames)
        var imageTitle = "Input: test image \(set.imageIndex), label \(label)"
        if let predicted = set.predicted { imageTitle += ", predicted \(name(predicted, classNames))" }
        let imageTile = ImageTile(rows: set.image.rows, columns: set.image.columns, bytes: set.image.pixels)
        var panels: [Panel] = [
            .images(
                ImageGrid(title: imageTitle, tiles: [imageTile], columns: 1, maximumTileSize: largeTileSize, spacing: 0)
            )
        ]
        var heights = [panelTitle + largeTileSize]
        var width = 480.0
        for layer in set.layers {
            let shown = min(layer.channels, maximumMaps)
            let columns = min(shown, 16)
            let rows = (shown + columns - 1) / columns
            // About 48 units per map, in whole units per pixel so pixels stay square blocks.
            let tile = Double(layer.height) * max(1, (48 / Double(layer.height)).rounded())
            let tiles = (0..<shown).map {
                ImageTile(rows: layer.height, columns: layer.width, values: Array(layer.map($0)))
            }
            let title =
                layer.title + ": " + (shown == layer.channels ? "\(shown)" : "the first \(shown) of \(layer.channels)")
                + " maps of \(layer.height)×\(layer.width)"
            panels.append(
                .images(
                    ImageGrid(
                        title: title, tiles: tiles, columns: columns, colorMap: .greyReversed, scaling: .shared,
                        maximumTileSize: tile, spacing: spacing, showsColorBar: true)))
            heights.append(panelTitle + Double(rows) * (tile + spacing) - spacing)
            width = max(width, Double(columns) * (tile + spacing) + colorBarWidth + 2 * Theme.light.margin)
        }
        let height =
            heights.reduce(0, +) + gap * Double(heights.count - 1) + 2 * Theme.light.margin
            + headerHeight(subtitleLines: 2)
        return Figure(
            .stack(panels, weights: heights, spacing: gap),
            size: Size(width: width.rounded(.up), height: height.rounded(.up) + 2),
            title: "Feature maps",
            subtitle: "What each convolution (after its activation) outputs for one test image, channels in order row "
                + "by row. The maps of one convolution share one scale from their smallest (white) to their largest "
                + "value (black), given by the colour bar: a pale map is a channel this image barely excites.")
    }
}
