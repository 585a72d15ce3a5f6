import Engine
import Foundation
import Metrics
import Report

/// `checkpoint.safetensors`: a training run's state at the end of its last completed epoch, in
/// the folder being written (and kept in a report that a signal interrupted), so that running
/// the same command again continues the run instead of starting it over.
///
/// The file is a safetensors archive (``TensorArchive``): the tensors of the
/// ``TrainingCheckpoint`` (model, best epoch's copy, optimizer state, shuffled order), and in
/// `__metadata__`, as JSON strings: `run` (``RunIdentity``, what must match to continue),
/// `summary` (``CheckpointSummary``), `training` (``TrainingProgress``: counters, the
/// schedule's position, the generators' states, early stopping) and `events` (the metric
/// recorder's events so far, numbers exact). `safetensors.numpy.load_file` reads the tensors,
/// `safe_open(path, "np").metadata()` the rest.
struct RunCheckpoint: Sendable {
    static let fileName = "checkpoint.safetensors"
    static let format = "nnreport-checkpoint"
    static let formatVersion = "1"

    var identity: RunIdentity
    var summary: CheckpointSummary
    var events: [MetricEvent]
    var training: TrainingCheckpoint

    /// The file's bytes, in parts: the header, then each tensor's bytes (written one after the
    /// other, they need no second copy of the tensors).
    func encodedParts() -> [[UInt8]] {
        [header()] + training.tensors.map(\.bytes)
    }

    private func header() -> [UInt8] {
        TensorArchive.header(
            for: training.tensors,
            metadata: [
                ("format", Self.format), ("format_version", Self.formatVersion), ("nnreport", identity.version),
                ("run", JSONWriter.compact(identity.json)), ("summary", JSONWriter.compact(summary.json)),
                ("training", JSONWriter.compact(training.progress.json)),
                ("events", JSONWriter.compact(.array(events.map(\.exactJSON)))),
            ])
    }

    init(identity: RunIdentity, summary: CheckpointSummary, events: [MetricEvent], training: TrainingCheckpoint) {
        self.identity = identity
        self.summary = summary
        self.events = events
        self.training = training
    }

    /// Parses the file's bytes.
    init(bytes: [UInt8]) throws(CheckpointError) {
        let (tensors, metadata) = try TensorArchive.decode(bytes)
        let (identity, summary) = try Self.header(metadata)
        guard let progressText = metadata["training"], let eventsText = metadata["events"] else {
            throw .malformed(reason: "its metadata lacks \"training\" or \"events\"")
        }
        let progress = try TrainingProgress(json: try Self.json(progressText, "training"))
        guard let events = try Self.json(eventsText, "events").arrayValue else {
            throw .malformed(reason: "its \"events\" are not a list")
        }
        self.init(
            identity: identity, summary: summary,
            events: try events.map { json throws(CheckpointError) in try MetricEvent(exactJSON: json) },
            training: TrainingCheckpoint(progress: progress, tensors: tensors))
    }

    /// Reads the checkpoint at `url`.
    ///
    /// - Throws: ``ResumeError/unreadableCheckpoint(path:reason:)``.
    static func read(at url: URL) throws(ResumeError) -> RunCheckpoint {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .unreadableCheckpoint(path: url.path, reason: "it cannot be read")
        }
        do {
            return try RunCheckpoint(bytes: [UInt8](data))
        } catch {
            throw .unreadableCheckpoint(path: url.path, reason: error.description)
        }
    }

    /// The run's identity and summary from the file's header alone, without reading its tensors.
    static func readHeader(at url: URL) throws(ResumeError) -> (identity: RunIdentity, summary: CheckpointSummary) {
        func fail(_ reason: String) -> ResumeError { .unreadableCheckpoint(path: url.path, reason: reason) }
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw fail("it cannot be opened") }
        defer { try? handle.close() }
        do {
            let prefix = [UInt8]((try handle.read(upToCount: 8)) ?? Data())
            let length = try TensorArchive.headerLength(prefix[...])
            let header = [UInt8]((try handle.read(upToCount: length)) ?? Data())
            guard header.count == length else {
                throw CheckpointError.malformed(reason: "the file ends inside its header")
            }
            return try Self.header(try TensorArchive.metadata(header: header[...]))
        } catch let error as CheckpointError {
            throw fail(error.description)
        } catch {
            throw fail("\(error)")
        }
    }

    private static func header(_ metadata: [String: String]) throws(CheckpointError) -> (RunIdentity, CheckpointSummary)
    {
        guard metadata["format"] == format else {
            throw .malformed(reason: "its metadata does not say format \(format)")
        }
        guard metadata["format_version"] == formatVersion else {
            throw .malformed(
                reason:
                    "it has format version \(metadata["format_version"] ?? "none"); this nnreport reads \(formatVersion)"
            )
        }
        guard let run = metadata["run"], let summary = metadata["summary"] else {
            throw .malformed(reason: "its metadata lacks \"run\" or \"summary\"")
        }
        return (try RunIdentity(json: try json(run, "run")), try CheckpointSummary(json: try json(summary, "summary")))
    }

    private static func json(_ text: String, _ key: String) throws(CheckpointError) -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch {
            throw .malformed(reason: "its \"\(key)\" metadata is not JSON (\(error))")
        }
    }
}
