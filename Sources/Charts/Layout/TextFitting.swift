/// Fits text into a width without clipping it: wrap at spaces, then shrink, then shorten.
struct TextFitting {
    let measurer: any TextMeasurer
    let minimumSize: Double

    /// `text` wrapped at spaces into at most `maxLines` lines of at most `width`, shrinking the
    /// font when the words do not fit; the last line is shortened with "…" as a last resort.
    func lines(_ text: String, font: FontSpec, width: Double, maxLines: Int = 2) -> ([String], FontSpec) {
        var font = font
        while true {
            let wrapped = wrap(text, font: font, width: width)
            let fits =
                wrapped.count <= maxLines && wrapped.allSatisfy { measurer.measure($0, font: font).width <= width }
            if fits { return (wrapped, font) }
            if font.size <= minimumSize {
                var kept = Array(wrapped.prefix(maxLines))
                if wrapped.count > maxLines {
                    kept[kept.count - 1] += " " + wrapped[maxLines...].joined(separator: " ")
                }
                return (kept.map { shortened($0, font: font, width: width) }, font)
            }
            font = font.withSize(max(minimumSize, font.size - 0.5))
        }
    }

    /// Greedy word wrap; a single word wider than `width` stays on its own line.
    func wrap(_ text: String, font: FontSpec, width: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if current.isEmpty || measurer.measure(candidate, font: font).width <= width {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// `text`, or its longest prefix followed by "…" that fits `width`.
    func shortened(_ text: String, font: FontSpec, width: Double) -> String {
        guard measurer.measure(text, font: font).width > width else { return text }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters) + "…"
            if measurer.measure(candidate, font: font).width <= width { return candidate }
        }
        return "…"
    }
}
