/// One hyperparameter of a run: a dotted name for nested settings (`optimizer.lr`) and its value.
public struct Hyperparameter: Sendable, Equatable {
    public var name: String
    public var value: JSONValue

    public init(name: String, value: JSONValue) {
        self.name = name
        self.value = value
    }
}

extension Hyperparameter {
    /// Flattens a settings document into hyperparameters: objects become dotted names
    /// (`{"optimizer": {"lr": 0.1}}` gives `optimizer.lr`); arrays and scalars stay values.
    public static func flatten(_ value: JSONValue, prefix: String = "") -> [Hyperparameter] {
        guard case .object(let members) = value else {
            return prefix.isEmpty ? [] : [Hyperparameter(name: prefix, value: value)]
        }
        if members.isEmpty, !prefix.isEmpty { return [Hyperparameter(name: prefix, value: value)] }
        return members.flatMap { member in
            flatten(member.value, prefix: prefix.isEmpty ? member.key : prefix + "." + member.key)
        }
    }
}
