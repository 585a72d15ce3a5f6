// Fails when a target imports a module of this package (or a package product) that its
// Package.swift entry does not declare. SwiftPM 6.3's own
// `--explicit-target-dependency-import-check error` reports nothing on Linux (checked with a
// three-target package), so the module graph is checked here instead.
//
//     swift scripts/check-imports.swift            # from the package root; exit 1 on a finding
import Foundation

struct Manifest: Decodable {
    struct Target: Decodable {
        var name: String
        var type: String
        var path: String?
        var dependencies: [[String: [Value]]]
    }
    /// A dependency entry's array holds the name first, then other details.
    enum Value: Decodable {
        case text(String)
        case other
        init(from decoder: any Decoder) throws {
            let single = try decoder.singleValueContainer()
            self = (try? single.decode(String.self)).map(Value.text) ?? .other
        }
    }
    var targets: [Target]
}

let dump = Process()
dump.executableURL = URL(fileURLWithPath: "/usr/bin/env")
dump.arguments = ["swift", "package", "dump-package"]
let pipe = Pipe()
dump.standardOutput = pipe
try dump.run()
let data = pipe.fileHandleForReading.readDataToEndOfFile()
dump.waitUntilExit()
guard dump.terminationStatus == 0 else { fatalError("swift package dump-package failed") }
let manifest = try JSONDecoder().decode(Manifest.self, from: data)

let local = Set(manifest.targets.map(\.name))
let products = ["ArgumentParser", "Mustache", "SwiftProtobuf", "Yams"]
var findings: [String] = []
for target in manifest.targets {
    var declared = Set<String>()
    for dependency in target.dependencies {
        for case .text(let name)? in dependency.values.map(\.first) { declared.insert(name) }
    }
    let folder = target.path ?? ((target.type == "test" ? "Tests/" : "Sources/") + target.name)
    var imported = Set<String>()
    let files = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
    for file in files where file.hasSuffix(".swift") {
        let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init).filter { !$0.hasPrefix("@") }
            guard words.count >= 2, words[0] == "import" else { continue }
            imported.insert(words[1])
        }
    }
    let missing = imported.filter { ($0 != target.name) && (local.contains($0) || products.contains($0)) }
        .subtracting(declared)
    if !missing.isEmpty {
        findings.append("\(target.name) imports \(missing.sorted().joined(separator: ", ")) without declaring it")
    }
}
if findings.isEmpty {
    print("check-imports: every target declares the modules it imports")
} else {
    for finding in findings { print("check-imports: \(finding)") }
    exit(1)
}
