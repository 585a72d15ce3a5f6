/// Makes Cairo's SVG output depend on the figure alone and keeps pixel data sharp.
///
/// Cairo 1.16 numbers SVG element ids (`surface12`, `image815`, `clip3`, ...) with counters
/// shared by the whole process, so a figure rendered after others gets different ids and
/// different bytes. Ids are renumbered here in order of first appearance. Cairo also writes
/// `<image>` elements without a rendering hint, so viewers would blur a 28x28 digit stretched
/// to 56 units; every image gets `image-rendering: pixelated` (the data is drawn with nearest
/// neighbour sampling in PNG and PDF too).
enum SVGPostProcessor {
    /// Id prefixes Cairo numbers per process. Glyph ids (`glyph0-1`) are numbered per document.
    static let numberedPrefixes = [
        "surface", "image", "pattern", "clip", "mask", "linear", "radial", "source", "filter",
    ]

    static func process(_ svg: [UInt8]) -> [UInt8] {
        let prefixes = numberedPrefixes.map { Array($0.utf8) }
        let pixelated = Array(#"<image style="image-rendering:optimizeSpeed;image-rendering:pixelated" "#.utf8)
        let imageTag = Array("<image ".utf8)
        var mapping: [String: Int] = [:]
        var counters: [String: Int] = [:]
        var out: [UInt8] = []
        out.reserveCapacity(svg.count + 1024)
        var i = 0
        while i < svg.count {
            if svg[i] == UInt8(ascii: "<"), matches(svg, at: i, imageTag) {
                out.append(contentsOf: pixelated)
                i += imageTag.count
                continue
            }
            // An id or a reference: `id="prefixN"` or `#prefixN`.
            let start: Int?
            if svg[i] == UInt8(ascii: "#") {
                start = i + 1
            } else if svg[i] == UInt8(ascii: "\""), i >= 3, svg[i - 3] == UInt8(ascii: "i"),
                svg[i - 2] == UInt8(ascii: "d"),
                svg[i - 1] == UInt8(ascii: "=")
            {
                start = i + 1
            } else {
                start = nil
            }
            if let start, let prefix = prefixes.first(where: { matches(svg, at: start, $0) }) {
                var end = start + prefix.count
                while end < svg.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(svg[end]) { end += 1 }
                let hasDigits = end > start + prefix.count
                let followedByDash = end < svg.count && svg[end] == UInt8(ascii: "-")
                if hasDigits && !followedByDash {
                    let name = String(decoding: prefix, as: UTF8.self)
                    let key = name + String(decoding: svg[(start + prefix.count)..<end], as: UTF8.self)
                    let number: Int
                    if let known = mapping[key] {
                        number = known
                    } else {
                        number = (counters[name] ?? 0) + 1
                        counters[name] = number
                        mapping[key] = number
                    }
                    out.append(contentsOf: svg[i..<start])
                    out.append(contentsOf: prefix)
                    out.append(contentsOf: Array(String(number).utf8))
                    i = end
                    continue
                }
            }
            out.append(svg[i])
            i += 1
        }
        return out
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for (k, b) in pattern.enumerated() where bytes[index + k] != b { return false }
        return true
    }
}
