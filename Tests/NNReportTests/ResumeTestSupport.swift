import Foundation
import Metrics
import Testing
import TestSupport

/// What the resume tests share: killing a real run once its checkpoint holds a given epoch, and
/// comparing two report folders file by file.
enum ResumeTestSupport {
    typealias Running = SignalTests.Running

    static var environment: [String: String] { ["NNREPORT_DATA": TestData.dataRoot.path] }

    /// The `.NAME.partial-*` staging folders in `folder` (a killed run's), oldest name first.
    static func stagingFolders(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { $0.hasPrefix(".") && $0.contains(".partial-") }
            .map { folder.appendingPathComponent($0) }
    }

    /// The epochs done that the checkpoint in `folder` says, read from its safetensors header
    /// (`__metadata__.summary`), or nil when there is none yet.
    static func checkpointEpochs(in folder: URL) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: folder.appendingPathComponent("checkpoint.safetensors").path)
        else { return nil }
        defer { try? handle.close() }
        guard let prefix = try? handle.read(upToCount: 8), prefix.count == 8 else { return nil }
        let length = prefix.enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard let header = try? handle.read(upToCount: length), header.count == length,
            let json = try? JSONParser.parse([UInt8](header)),
            let summary = json["__metadata__"]?["summary"]?.stringValue,
            let epochs = (try? JSONParser.parse(summary))?["epochs_done"]?.intValue
        else { return nil }
        return epochs
    }

    /// Starts `arguments` in `root` and SIGKILLs it once a checkpoint of a staging folder under
    /// `root` (or `root/<inside>`) holds at least `epochs` epochs; returns that staging folder.
    static func killAfter(epochs: Int, _ arguments: [String], in root: URL, inside: String? = nil) throws -> URL {
        let run = try Running(arguments, in: root)
        let parent = inside.map { root.appendingPathComponent($0) } ?? root
        var killed: URL?
        _ = run.wait(seconds: 300) {
            guard let folder = stagingFolders(in: parent).first(where: { (checkpointEpochs(in: $0) ?? 0) >= epochs })
            else { return false }
            kill(run.process.processIdentifier, SIGKILL)
            killed = folder
            return true
        }
        run.process.waitUntilExit()
        #expect(run.process.terminationReason == .uncaughtSignal, "the run ended before it was killed: \(run.stderr)")
        return try #require(killed, "no checkpoint of \(epochs) epochs appeared: \(run.stderr)")
    }

    /// metrics.jsonl's events without their time fields, and the `resume` events apart.
    static func events(_ folder: URL) throws -> (events: [JSONValue], resumes: Int) {
        let text = try String(contentsOf: folder.appendingPathComponent("metrics.jsonl"), encoding: .utf8)
        var events: [JSONValue] = []
        var resumes = 0
        for line in text.split(separator: "\n") {
            let json = try JSONParser.parse(String(line))
            if json["event"] == "resume" {
                resumes += 1
                continue
            }
            events.append(.object((json.objectValue ?? []).filter { !MetricEvent.timeFields.contains($0.key) }))
        }
        return (events, resumes)
    }

    /// summary.json without its wall-clock fields.
    static func summaryFigures(_ folder: URL) throws -> JSONValue {
        let json = try JSONParser.parse([UInt8](Data(contentsOf: folder.appendingPathComponent("summary.json"))))
        let timeFields: Set<String> = ["train_seconds", "wall_seconds", "samples_per_second", "started", "finished"]
        return .object((json.objectValue ?? []).filter { !timeFields.contains($0.key) })
    }

    /// Checks that the run folder `resumed` holds `whole`'s results: every PNG, CSV and
    /// model.safetensors byte for byte, summary.json's figures, and metrics.jsonl apart from time
    /// fields and exactly `resumes` `resume` events.
    static func expectSameResults(_ resumed: URL, as whole: URL, resumes: Int = 1) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: whole.path).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: resumed.path).sorted() == names)
        for name in names where name.hasSuffix(".png") || name.hasSuffix(".csv") || name == "model.safetensors" {
            // A Bool, not `a == b` in #expect: a failing comparison of Data would be diffed byte by byte.
            let same =
                try Data(contentsOf: whole.appendingPathComponent(name))
                == Data(contentsOf: resumed.appendingPathComponent(name))
            #expect(same, "\(name) differs from the uninterrupted run's")
        }
        let sameSummary = try summaryFigures(resumed) == summaryFigures(whole)
        #expect(sameSummary, "summary.json's figures differ")
        let (mine, count) = try events(resumed)
        let (theirs, none) = try events(whole)
        #expect(none == 0 && count == resumes)
        let sameEvents = mine == theirs
        #expect(sameEvents, "metrics.jsonl differs apart from time fields and the resume event")
    }
}
