/// A continuous colour map: evenly spaced colour stops, interpolated in sRGB.
public struct ColorMap: Hashable, Sendable {
    public var stops: [Color]

    public init(stops: [Color]) {
        precondition(stops.count >= 2, "a colour map needs at least two stops, got \(stops.count)")
        self.stops = stops
    }

    /// The colour at `t` in 0...1 (clamped; NaN gives the first stop).
    public func color(at t: Double) -> Color {
        let clamped = t.isNaN ? 0 : min(max(t, 0), 1)
        let position = clamped * Double(stops.count - 1)
        let i = min(Int(position), stops.count - 2)
        return stops[i].mixed(with: stops[i + 1], by: position - Double(i))
    }

    /// `count` RGBA quadruples sampled evenly from 0 to 1, for colouring many pixels quickly.
    public func lookupTable(count: Int = 256) -> [UInt8] {
        precondition(count >= 2, "a lookup table needs at least two entries")
        var table: [UInt8] = []
        table.reserveCapacity(count * 4)
        for i in 0..<count {
            let (r, g, b, a) = color(at: Double(i) / Double(count - 1)).rgba8
            table.append(contentsOf: [r, g, b, a])
        }
        return table
    }

    /// Black for low values, white for high ones (matplotlib's "gray").
    public static let grey = ColorMap(stops: [.black, .white])

    /// White for low values, black for high ones: ink on paper (matplotlib's "gray_r").
    public static let greyReversed = ColorMap(stops: [.white, .black])

    /// ColorBrewer's sequential "Blues", from near-white to navy: counts and fractions.
    public static let blues = ColorMap(
        stops: [0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B]
            .map { Color(hex: $0) })

    /// ColorBrewer's diverging "RdBu" reversed: blue for negative, near-white at the centre,
    /// red for positive; colour-blind safe. Centre the value range on zero when using it.
    public static let blueRed = ColorMap(
        stops: [
            0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D,
            0xB2182B, 0x67001F,
        ].map { Color(hex: $0) })
}
