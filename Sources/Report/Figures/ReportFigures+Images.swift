import Charts
import Datasets

extension ReportFigures {
    /// Edge of a 28x28 tile: two figure units per pixel, so pixels stay square blocks at scale 1
    /// and 2.
    static let tileSize = 56.0
    /// Edge of a mistake's tile: three units per pixel, large enough to see why it was hard.
    static let largeTileSize = 84.0

    /// First-layer weights, one tile per hidden unit, at most `maximumTiles` (the first units).
    ///
    /// Each tile is scaled symmetrically to its own largest |w| on a diverging map (blue
    /// negative, white zero, red positive), so every unit's pattern is visible whatever its
    /// magnitude; the subtitle says so and names the units shown.
    ///
    /// - Parameters:
    ///   - weights: `[units, inputRows * inputColumns]` row-major (PyTorch `nn.Linear` layout).
    public static func weights(
        _ weights: [Float], units: Int, inputRows: Int = 28, inputColumns: Int = 28, maximumTiles: Int = 100
    ) -> Figure {
        let inputs = inputRows * inputColumns
        precondition(
            weights.count == units * inputs,
            "\(units) units of \(inputs) inputs need \(units * inputs) weights, got \(weights.count)")
        let shown = min(units, maximumTiles)
        let columns = max(1, Int(Double(shown).squareRoot().rounded(.up)))
        let tiles = (0..<shown).map { u in
            ImageTile(rows: inputRows, columns: inputColumns, values: Array(weights[(u * inputs)..<((u + 1) * inputs)]))
        }
        let which =
            shown == units
            ? "all \(units) hidden units" : "the first \(shown) of \(units) hidden units (0–\(shown - 1))"
        let grid = ImageGrid(
            tiles: tiles, columns: columns, colorMap: .blueRed, scaling: .perTileSymmetric,
            maximumTileSize: tileSize, spacing: 4)
        return Figure(
            .images(grid),
            size: gridSize(
                columns: columns, rows: (shown + columns - 1) / columns, spacing: 4,
                subtitleLines: 2),
            title: "First-layer weights",
            subtitle: "One \(inputRows)×\(inputColumns) tile per unit, \(which). Each tile is scaled to its own "
                + "largest |w|: blue negative, white zero, red positive.")
    }

    /// A grid of training images with their labels (class names when given).
    public static func samples(
        _ images: LabeledImages, classNames: [String], count: Int = 32, columns: Int = 8
    ) -> Figure {
        let shown = min(count, images.count)
        let tiles = (0..<shown).map { i in
            ImageTile(
                rows: images.rows, columns: images.columns, bytes: images.image(i),
                caption: [name(Int(images.labels[i]), classNames)])
        }
        let grid = ImageGrid(tiles: tiles, columns: columns, maximumTileSize: tileSize, spacing: 8)
        return Figure(
            .images(grid),
            size: gridSize(
                columns: columns, rows: (shown + columns - 1) / columns, spacing: 8,
                captions: tiles.map(\.caption), subtitleLines: 1),
            title: "Training samples", subtitle: "\(shown) images from the training set with their labels.")
    }

    /// The most confident mistakes: test images whose predicted class is wrong, ordered by the
    /// probability given to the wrong class (highest first), with true label, prediction and
    /// confidence.
    ///
    /// - Parameter probabilities: `[images.count, classes]` row-major softmax outputs.
    public static func misclassified(
        _ images: LabeledImages, probabilities: [Float], classNames: [String], count: Int = 24,
        columns: Int = 8
    ) -> Figure {
        let all = classify(
            imageCount: images.count, labels: images.labels.map(Int.init), probabilities: probabilities,
            classes: classNames.count)
        // Stable order: confidence descending, then image index.
        let mistakes = all.filter { !$0.isRight }.sorted {
            $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.index < $1.index
        }
        let shown = Array(mistakes.prefix(count))
        let tiles = shown.map { m in
            ImageTile(
                rows: images.rows, columns: images.columns, bytes: images.image(m.index),
                caption: [
                    "true: " + name(m.label, classNames),
                    "pred: " + name(m.predicted, classNames) + " (" + percent(m.confidence) + ")",
                ])
        }
        let subtitle =
            mistakes.isEmpty
            ? "Every one of the \(grouped(all.count)) test images was classified correctly."
            : "The \(shown.count) wrong predictions made with the highest confidence, most confident first "
                + "(\(mistakes.count) mistakes on \(grouped(all.count)) test images)."
        let grid = ImageGrid(tiles: tiles, columns: columns, maximumTileSize: largeTileSize, spacing: 8)
        let rows = max(1, (shown.count + columns - 1) / columns)
        return Figure(
            tiles.isEmpty ? .empty : .images(grid),
            size: gridSize(
                columns: columns, rows: rows, tile: largeTileSize, spacing: 8, captions: tiles.map(\.caption),
                subtitleLines: 2,
                minimumWidth: 560),
            title: "Most confident mistakes", subtitle: subtitle)
    }

    /// The size of a figure around a grid of `tile`-sized tiles with captions and a header;
    /// columns widen for the longest caption (estimated at 0.6 em per character, DejaVu Sans'
    /// average; the grid shrinks the caption font if a caption is wider).
    static func gridSize(
        columns: Int, rows: Int, tile: Double = tileSize, spacing: Double, captions: [[String]] = [],
        subtitleLines: Int,
        minimumWidth: Double = 480
    ) -> Size {
        let theme = Theme.light
        let captionLines = captions.map(\.count).max() ?? 0
        let captionHeight =
            captionLines == 0 ? 0 : 3 + Double(captionLines) * (theme.captionFont.size * 1.164).rounded(.up)
        let longest = captions.flatMap { $0 }.map(\.count).max() ?? 0
        let pitch = max(tile + spacing, Double(longest) * 0.6 * theme.captionFont.size + 6).rounded(.up)
        let width = Double(columns) * pitch + 2 * theme.margin
        let height =
            Double(rows) * (tile + captionHeight + spacing) - spacing + 2 * theme.margin
            + headerHeight(subtitleLines: subtitleLines)
        return Size(width: max(width, minimumWidth).rounded(.up), height: height.rounded(.up) + 2)
    }
}
