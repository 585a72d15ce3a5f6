import ChartsCairo
import Foundation

/// What `nnreport bench --render` runs, drawn with the DejaVu Sans the reports use.
extension RenderBenchmark {
    /// The compared figures' median drawing times, a line each ("<figure> <seconds> <bytes>").
    public static func timingLines(repetitions: Int, scale: Int) throws -> String {
        let renderer = FigureRenderer(fonts: try FontSet.dejaVuSans())
        return formatted(try run(renderer: renderer, repetitions: repetitions, scale: scale))
    }

    /// Writes a report's figures into `folder` (created when missing) and returns their times,
    /// a line each.
    public static func writeReportFigureLines(to folder: URL) throws -> String {
        let renderer = FigureRenderer(fonts: try FontSet.dejaVuSans())
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return formatted(try writeReportFigures(to: folder, renderer: renderer))
    }

    /// Writes the compared figures' data as JSON to `path`, for the matplotlib peer.
    public static func exportData(to path: String) throws {
        try dataJSON(BenchmarkData()).write(toFile: path, atomically: true, encoding: .utf8)
    }
}
