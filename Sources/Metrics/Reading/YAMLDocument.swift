import Foundation
import Yams

/// Reads the YAML files training tools write beside their logs (Lightning's hparams.yaml and
/// DVCLive's params.yaml through PyYAML's `yaml.dump`, MLflow's meta.yaml, Ultralytics'
/// args.yaml) into a ``JSONValue``, with Yams (libyaml) doing the parsing.
///
/// Scalars resolve as PyYAML resolves them (YAML 1.1: `yes`/`off` are booleans, `~` is null,
/// `.inf`, `1_000`, `0x1F`); timestamps stay text. Tags such as PyYAML's `!!python/tuple` or
/// `!!python/object:argparse.Namespace` are ignored: the node is read as the sequence,
/// mapping or scalar it is. Mappings keep their order. Several documents in one file are an
/// error, as are nesting beyond ``maxDepth`` and, since aliases can repeat a node many times
/// over (the "billion laughs"), documents that expand to more than ``maxNodes`` values.
enum YAMLDocument {
    struct Failure: Error, Equatable, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    static let maxDepth = 64
    static let maxNodes = 1_000_000

    /// Parses a whole document; an empty document is `null`.
    static func parse(_ text: String) throws(Failure) -> JSONValue {
        let roots: [Node]
        do {
            var sequence = try Yams.compose_all(yaml: text)
            var collected: [Node] = []
            while let node = sequence.next() { collected.append(node) }
            if let error = sequence.error { throw error }
            roots = collected
        } catch let error as YamlError {
            throw failure(error)
        } catch {
            throw Failure(line: 1, message: "\(error)")
        }
        guard let root = roots.first else { return .null }
        if roots.count > 1 {
            throw Failure(
                line: roots[1].mark?.line ?? 1, message: "several documents in one file are not supported")
        }
        var budget = maxNodes
        return try convert(root, depth: 0, budget: &budget)
    }

    private static func convert(_ node: Node, depth: Int, budget: inout Int) throws(Failure) -> JSONValue {
        let line = node.mark?.line ?? 1
        guard depth < maxDepth else { throw Failure(line: line, message: "nested more than \(maxDepth) levels deep") }
        budget -= 1
        guard budget >= 0 else {
            throw Failure(line: line, message: "the document expands to more than \(maxNodes) values (aliases)")
        }
        switch node {
        case .scalar(let scalar):
            return value(of: node, text: scalar.string)
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for item in sequence { items.append(try convert(item, depth: depth + 1, budget: &budget)) }
            return .array(items)
        case .mapping(let mapping):
            var members: [(key: String, value: JSONValue)] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw Failure(line: key.mark?.line ?? line, message: "complex mapping keys are not supported")
                }
                members.append((key: keyScalar.string, value: try convert(value, depth: depth + 1, budget: &budget)))
            }
            return .object(members)
        case .alias:
            throw Failure(line: line, message: "an alias that names no anchor")
        }
    }

    /// A scalar as PyYAML resolves it.
    private static func value(of node: Node, text: String) -> JSONValue {
        switch node.tag.rawValue {
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.bool.rawValue: return node.bool.map(JSONValue.bool) ?? .string(text)
        case Tag.Name.int.rawValue:
            if let integer = node.int { return .number(Double(integer)) }
            return node.float.map(JSONValue.number) ?? .string(text)
        case Tag.Name.float.rawValue: return node.float.map(JSONValue.number) ?? .string(text)
        default: return .string(text)
        }
    }

    private static func failure(_ error: YamlError) -> Failure {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let what = [context.map { "\($0)" }, problem].compactMap { $0 }.joined(separator: ": ")
            return Failure(line: mark.line, message: what)
        default:
            return Failure(line: 1, message: "\(error)")
        }
    }
}
