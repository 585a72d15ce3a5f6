/// One cell of a figure's grid.
public indirect enum Panel: Hashable, Sendable {
    case line(LineChart)
    case bar(BarChart)
    case heatmap(Heatmap)
    case images(ImageGrid)
    /// Panels stacked top to bottom, sharing the cell's height in proportion to `weights`.
    case stack([Panel], weights: [Double], spacing: Double)
    /// A panel drawn with its own theme (for example smaller text in small multiples).
    case themed(Theme, Panel)
    case empty
}
