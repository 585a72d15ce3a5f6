import Foundation

/// Walks a Mustache template against a view the way swift-mustache looks names up (a stack of
/// contexts, each searched by property name through Mirror, dictionaries by key, optionals
/// unwrapped), and lists every name the template uses that the view does not have: a
/// misspelled key would otherwise render as empty text without an error.
///
/// Sections are entered for every element of a list and for a present value; an empty list or
/// an absent value cannot show what its inside would find, so it is listed as unchecked.
struct TemplateKeyCheck {
    struct Result {
        var missing: [String] = []
        var unchecked: [String] = []
    }

    private enum Tag {
        case variable(String)
        case section(String, inverted: Bool)
        case close(String)
    }

    /// The names of `template` that `view` cannot resolve.
    static func check(template: String, view: Any) -> Result {
        var result = Result()
        let tags = tokens(template)
        var index = 0
        walk(tags, &index, stack: [view], path: "", until: nil, result: &result)
        result.missing = Array(Set(result.missing)).sorted()
        result.unchecked = Array(Set(result.unchecked)).sorted()
        return result
    }

    private static func tokens(_ text: String) -> [Tag] {
        var tags: [Tag] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            let triple = rest.hasPrefix("{")
            guard let close = rest.range(of: triple ? "}}}" : "}}") else { break }
            var body = String(rest[..<close.lowerBound])
            rest = rest[close.upperBound...]
            if triple { body.removeFirst() }
            body = body.trimmingCharacters(in: .whitespaces)
            guard let first = body.first else { continue }
            let name = String(body.dropFirst()).trimmingCharacters(in: .whitespaces)
            switch first {
            case "#": tags.append(.section(name, inverted: false))
            case "^": tags.append(.section(name, inverted: true))
            case "/": tags.append(.close(name))
            case "!", "%", ">", "=": continue
            case "&": tags.append(.variable(name))
            default: tags.append(.variable(body))
            }
        }
        return tags
    }

    /// Walks tags from `index` to the close of `until` (or the end), checking against `stack`.
    private static func walk(
        _ tags: [Tag], _ index: inout Int, stack: [Any], path: String, until: String?, result: inout Result
    ) {
        while index < tags.count {
            let tag = tags[index]
            index += 1
            switch tag {
            case .variable(let name):
                if name != ".", resolve(name, stack) == nil { result.missing.append(path + name) }
            case .close(let name):
                if name == until { return }
            case .section(let name, let inverted):
                let start = index
                let value = resolve(name, stack)
                if value == nil { result.missing.append(path + name) }
                var contexts: [[Any]] = []
                if inverted {
                    contexts = [stack]
                } else if let value, !(value is NSNull) {
                    if let list = value as? [Any] {
                        contexts = list.map { stack + [$0] }
                    } else if value is Bool {
                        contexts = [stack]
                    } else {
                        contexts = [stack + [value]]
                    }
                }
                if contexts.isEmpty {
                    result.unchecked.append(path + name)
                    var depth = 0
                    skip: while index < tags.count {
                        switch tags[index] {
                        case .section(let inner, _) where inner == name: depth += 1
                        case .close(let inner) where inner == name:
                            if depth == 0 {
                                index += 1
                                break skip
                            }
                            depth -= 1
                        default: break
                        }
                        index += 1
                    }
                    continue
                }
                var end = start
                for context in contexts {
                    var inner = start
                    walk(tags, &inner, stack: context, path: path + name + ".", until: name, result: &result)
                    end = inner
                }
                index = end
            }
        }
    }

    /// The value `name` (dotted) finds on `stack`, nil when none.
    private static func resolve(_ name: String, _ stack: [Any]) -> Any? {
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return stack.last }
        for context in stack.reversed() {
            guard var value = child(first, of: context) else { continue }
            for part in parts.dropFirst() {
                guard let next = child(part, of: value) else { return nil }
                value = next
            }
            return value
        }
        return nil
    }

    private static func child(_ name: String, of object: Any) -> Any? {
        let object = unwrap(object)
        guard let object else { return nil }
        if let dictionary = object as? [String: Any] {
            guard let value = dictionary[name] else { return nil }
            return unwrap(value) ?? NSNull()
        }
        for child in Mirror(reflecting: object).children where child.label == name {
            return unwrap(child.value) ?? NSNull()
        }
        return nil
    }

    /// The wrapped value of an optional, or nil when it is absent.
    private static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrap($0.value) } ?? nil
    }
}
