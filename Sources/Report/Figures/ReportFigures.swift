import Charts

/// The figures of a run report, built from plain values (no training engine needed).
///
/// Each function returns a `Figure`; render it with `ChartsCairo.FigureRenderer`. Figures are
/// values: adjust `title`, `subtitle` or `size` before rendering if a report needs to.
public enum ReportFigures {
    /// Size of one chart (loss or accuracy alone).
    public static let chartSize = Size(width: 640, height: 420)
    /// Size of the loss | accuracy pair.
    public static let curvesSize = Size(width: 1120, height: 420)

    static let trainColor = ReportPalette.train.color
    static let validationColor = ReportPalette.validation.color

    /// Height of a figure title plus a subtitle of `subtitleLines` lines and the gap after them
    /// (DejaVu Sans lines are 1.164 em tall), to size figures around grids of fixed-size tiles.
    static func headerHeight(subtitleLines: Int, theme: Theme = .light) -> Double {
        (theme.titleFont.size * 1.164 + 4 + Double(subtitleLines) * theme.subtitleFont.size * 1.164
            + theme.panelSpacing * 0.6).rounded(.up)
    }

    /// One classified image: its class probabilities, the predicted (most probable) class and
    /// the true label.
    struct Classification {
        var index: Int
        var probabilities: [Double]
        var predicted: Int
        var label: Int

        var isRight: Bool { predicted == label }
        var confidence: Double { probabilities[predicted] }
    }

    /// The classification of each of the first `min(images, labels)` images.
    ///
    /// - Parameter probabilities: `[imageCount, classes]` row-major softmax outputs.
    static func classify(imageCount: Int, labels: [Int], probabilities: [Float], classes: Int) -> [Classification] {
        precondition(
            probabilities.count == imageCount * classes,
            "\(imageCount) images of \(classes) classes need \(imageCount * classes) probabilities, got \(probabilities.count)"
        )
        return (0..<min(imageCount, labels.count)).map { i in
            let p = probabilities[(i * classes)..<((i + 1) * classes)].map(Double.init)
            return Classification(index: i, probabilities: p, predicted: argmax(p), label: labels[i])
        }
    }

    /// The index of the largest value (the first one on ties).
    static func argmax(_ values: [Double]) -> Int {
        var best = 0
        for (i, v) in values.enumerated() where v > values[best] { best = i }
        return best
    }

    /// A class name, or the index itself when there is no name for it.
    static func name(_ label: Int, _ classNames: [String]) -> String {
        classNames.indices.contains(label) ? classNames[label] : String(label)
    }

    /// An integer with thousands separators: 10047 -> "10,047".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "−" : "") + out
    }

    /// A confidence with one decimal, whatever its size: "98.7%", "100.0%", "4.2%".
    ///
    /// One format for every caption, so that neighbouring images compare at a glance ("100%"
    /// beside "100.0%" reads as two kinds of certainty); one decimal still tells 99.6% from 100.0%.
    static func percent(_ p: Double) -> String {
        TickLabelFormatter.percent(p, decimals: 1)
    }
}
