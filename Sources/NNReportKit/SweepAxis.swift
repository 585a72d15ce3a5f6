/// One varied option and its values: a `--vary NAME=VALUES` argument.
///
/// Values are separated by commas (`lr=0.001,0.003`). A layer-width list joins its widths with
/// `-` (`hidden=100,256-128` is one layer of 100, then two of 256 and 128); when the text
/// contains `|`, `|` separates the values instead and commas may stay inside them
/// (`'hidden=256,128|512,256'`). Values are kept in canonical order (ascending), so the order
/// they were typed in changes neither the trial names nor the report.
public struct SweepAxis: Sendable, Equatable {
    public var option: String
    public var values: [SweepValue]

    public init(option: String, values: [SweepValue]) {
        self.option = option
        self.values = values
    }

    /// Parses `NAME=VALUE,VALUE,...`.
    ///
    /// - Throws: ``SweepError`` naming the argument and what was expected.
    public init(parsing argument: String) throws(SweepError) {
        guard let equals = argument.firstIndex(of: "=") else {
            throw .badVary(argument: argument, reason: "no '=' between the option name and its values")
        }
        let name = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
        let list = String(argument[argument.index(after: equals)...])
        guard let option = SweepOption.named(name) else {
            throw .unknownOption(name: name, known: SweepOption.all.map(\.name))
        }
        let separator: Character = list.contains("|") ? "|" : ","
        let pieces = list.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        guard !list.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .badVary(argument: argument, reason: "no values after '='")
        }
        if pieces.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw .badVary(argument: argument, reason: "an empty value between separators")
        }
        var values: [SweepValue] = []
        for piece in pieces {
            let value = try option.parse(piece)
            if values.contains(value) { throw .repeatedValue(option: option.name, value: value.text) }
            values.append(value)
        }
        self.option = option.name
        self.values = values.sorted(by: SweepValue.precedes)
    }

    /// `lr=0.001,0.003` or `hidden=100,256-128`: the canonical form, which parses back to this axis.
    public var canonicalArgument: String {
        "\(option)=\(values.map(\.text).joined(separator: ","))"
    }
}
