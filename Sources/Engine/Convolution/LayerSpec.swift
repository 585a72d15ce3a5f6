import Foundation

/// One item of a `--layers` specification, as the user writes it.
///
/// ```
/// conv5x5x32        5×5 convolution to 32 channels, stride 1, no padding (PyTorch's defaults)
/// conv3x3x64s2p1    the same with stride 2 and one pixel of zero padding on every side
/// pool2             2×2 max pooling with stride 2;  pool3s2: 3×3 windows, stride 2
/// fc512             a fully connected layer of 512 units
/// drop0.25          dropout with rate 0.25 at this place
/// flatten           optional: the first fc layer flattens on its own
/// ```
///
/// Convolutions and fully connected layers are followed by `--activation`; the output layer
/// (one unit per class, softmax) is added after the last item.
public enum LayerSpec: Sendable, Hashable {
    case convolution(kernelHeight: Int, kernelWidth: Int, channels: Int, stride: Int, padding: Int)
    case maxPool(size: Int, stride: Int)
    case dense(units: Int)
    case dropout(rate: Double)
    case flatten

    /// The item as the command line writes it (the canonical form: `conv5x5x32`, `conv3x3x64s2p1`).
    public var text: String {
        switch self {
        case .convolution(let kh, let kw, let channels, let stride, let padding):
            "conv\(kh)x\(kw)x\(channels)" + (stride == 1 ? "" : "s\(stride)") + (padding == 0 ? "" : "p\(padding)")
        case .maxPool(let size, let stride): "pool\(size)" + (stride == size ? "" : "s\(stride)")
        case .dense(let units): "fc\(units)"
        case .dropout(let rate): "drop\(rate)"
        case .flatten: "flatten"
        }
    }

    /// The whole specification as the command line writes it.
    public static func text(_ specs: [LayerSpec]) -> String { specs.map(\.text).joined(separator: ",") }

    /// Whether the specification is a plain multilayer perceptron (fc items only), which
    /// `--hidden` with its widths describes as well; anything else needs the `--layers` engine.
    public static func isPerceptron(_ specs: [LayerSpec]) -> Bool {
        specs.allSatisfy { if case .dense = $0 { true } else { false } }
    }

    /// The widths of the fc items, in order.
    public static func denseWidths(_ specs: [LayerSpec]) -> [Int] {
        specs.compactMap { if case .dense(let units) = $0 { units } else { nil } }
    }

    /// What one item may look like, for error messages.
    static let grammar =
        "items such as conv5x5x32 (kernel height x width x channels, optional s<stride> and p<padding>: "
        + "conv3x3x64s2p1), pool2 (max pooling, optional s<stride>: pool3s2), fc512, drop0.25 or flatten, "
        + "separated by commas"

    /// Parses `conv5x5x32,pool2,conv5x5x64,pool2,fc512`.
    ///
    /// - Throws: ``ConfigurationError`` naming the first item that is not understood.
    public static func parse(_ text: String) throws(ConfigurationError) -> [LayerSpec] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !(items.count == 1 && items[0].isEmpty) else {
            throw ConfigurationError(option: "--layers", value: "''", expected: grammar)
        }
        var specs: [LayerSpec] = []
        for item in items {
            guard let spec = parseItem(item) else {
                throw ConfigurationError(option: "--layers", value: "item '\(item)'", expected: grammar)
            }
            specs.append(spec)
        }
        return specs
    }

    static func parseItem(_ item: String) -> LayerSpec? {
        if item == "flatten" { return .flatten }
        for prefix in ["dropout", "drop"] where item.hasPrefix(prefix) {
            guard let rate = Double(item.dropFirst(prefix.count)) else { return nil }
            return .dropout(rate: rate)
        }
        if item.hasPrefix("fc") {
            guard let units = Int(item.dropFirst(2)) else { return nil }
            return .dense(units: units)
        }
        if item.hasPrefix("pool") {
            guard let (numbers, suffixes) = split(item.dropFirst(4), allowed: ["s"]), numbers.count == 1 else {
                return nil
            }
            return .maxPool(size: numbers[0], stride: suffixes["s"] ?? numbers[0])
        }
        if item.hasPrefix("conv") {
            guard let (numbers, suffixes) = split(item.dropFirst(4), allowed: ["s", "p"]), numbers.count == 3 else {
                return nil
            }
            return .convolution(
                kernelHeight: numbers[0], kernelWidth: numbers[1], channels: numbers[2], stride: suffixes["s"] ?? 1,
                padding: suffixes["p"] ?? 0)
        }
        return nil
    }

    /// `5x5x32s2p1` -> ([5, 5, 32], ["s": 2, "p": 1]); nil when malformed.
    private static func split(_ text: Substring, allowed: Set<Character>) -> ([Int], [Character: Int])? {
        var rest = text
        var suffixes: [Character: Int] = [:]
        // Suffixes come last, in any order: peel them off from the end.
        while let index = rest.lastIndex(where: { allowed.contains($0) }) {
            guard let value = Int(rest[rest.index(after: index)...]), suffixes[rest[index]] == nil else { return nil }
            suffixes[rest[index]] = value
            rest = rest[..<index]
        }
        let numbers = rest.split(separator: "x", omittingEmptySubsequences: false).map { Int($0) }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else { return nil }
        return (numbers.map { $0! }, suffixes)
    }
}
