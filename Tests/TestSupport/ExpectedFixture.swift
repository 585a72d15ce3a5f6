import Foundation

/// The `expected.json` beside a real-tool fixture (see Tests/Fixtures/FIXTURES.md): what the
/// tool's own reader (TensorBoard's EventAccumulator, MlflowClient, pandas, json) read back from
/// the files, written when the fixture was made. Parsed here with Foundation's JSONDecoder, so
/// that the tests compare nnreport's reading with a path that shares no code with it.
/// (JSONSerialization is not used: on Linux it reads 0.4047248363494873 as 0.40472483634948747.)
public struct ExpectedFixture {
    public struct Series {
        /// `step`, `epoch` or `iteration`, as the writer counts it.
        public var x: String
        public var points: [(x: Double, y: Double)]

        public var values: [Double] { points.map(\.y) }
        public var xs: [Double] { points.map(\.x) }
    }

    public struct Run {
        public var name: String
        public var path: String
        public var series: [String: Series]
        public var hyperparameters: [String: Any]
        /// Every member of the run's entry, for fixture-specific facts.
        public var raw: [String: Any]

        public func series(_ name: String) throws -> Series {
            guard let found = series[name] else {
                throw ExpectedFixtureError("expected.json of run \(self.name) has no series \(name)")
            }
            return found
        }
    }

    public var runs: [Run]

    /// Loads `Tests/Fixtures/<fixture>/expected.json`.
    public init(_ fixture: String) throws {
        let url = TestData.packageRoot.appendingPathComponent("Tests/Fixtures/\(fixture)/expected.json")
        let object = try JSONDecoder().decode(AnyJSON.self, from: Data(contentsOf: url)).value
        guard let top = object as? [String: Any], let runs = top["runs"] as? [[String: Any]] else {
            throw ExpectedFixtureError("\(url.path) has no runs list")
        }
        self.runs = try runs.map { entry in
            var series: [String: Series] = [:]
            for (name, value) in entry["series"] as? [String: Any] ?? [:] {
                guard let object = value as? [String: Any], let x = object["x"] as? String,
                    let points = object["points"] as? [[Any]]
                else { throw ExpectedFixtureError("series \(name) of \(url.path) is malformed") }
                series[name] = Series(
                    x: x, points: try points.map { pair in (try Self.number(pair[0]), try Self.number(pair[1])) })
            }
            return Run(
                name: entry["name"] as? String ?? "", path: entry["path"] as? String ?? "", series: series,
                hyperparameters: entry["hyperparameters"] as? [String: Any] ?? [:], raw: entry)
        }
    }

    /// The runs named `name` (several when one fixture holds two stores of the same run).
    public func runs(named name: String) -> [Run] { runs.filter { $0.name == name } }

    public func run(named name: String, path: String? = nil) throws -> Run {
        guard let found = runs.first(where: { $0.name == name && (path == nil || $0.path == path) }) else {
            throw ExpectedFixtureError("expected.json has no run \(name) \(path ?? "")")
        }
        return found
    }

    /// A number, or one of the strings "nan", "inf", "-inf".
    static func number(_ value: Any) throws -> Double {
        if let number = value as? Double { return number }
        switch value as? String {
        case "nan"?: return .nan
        case "inf"?: return .infinity
        case "-inf"?: return -.infinity
        default: throw ExpectedFixtureError("\(value) is not a number")
        }
    }
}

/// Any JSON value, decoded with JSONDecoder: objects as `[String: Any]`, arrays as `[Any]`,
/// numbers as `Double`, `null` as `NSNull`.
struct AnyJSON: Decodable {
    var value: Any

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [Any] = []
            while !array.isAtEnd { items.append(try array.decode(AnyJSON.self).value) }
            value = items
        } else if let object = try? decoder.container(keyedBy: Key.self) {
            var members: [String: Any] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(AnyJSON.self, forKey: key).value }
            value = members
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                value = NSNull()
            } else if let flag = try? single.decode(Bool.self) {
                value = flag
            } else if let number = try? single.decode(Double.self) {
                value = number
            } else {
                value = try single.decode(String.self)
            }
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

public struct ExpectedFixtureError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Element-wise equality of two value lists, NaN equal to NaN, within a relative tolerance.
public func sameValues(_ a: [Double], _ b: [Double], tolerance: Double = 1e-12) -> Bool {
    a.count == b.count
        && zip(a, b).allSatisfy { x, y in
            (x.isNaN && y.isNaN) || isClose(x, y, relative: tolerance)
        }
}
