import Foundation
import SwiftProtobuf

/// Reads TensorBoard event files (`events.out.tfevents.*`): TFRecord framing checked with
/// CRC-32C (see ``TFRecordScanner`` for how incomplete and damaged records are handled), each
/// record an `Event` protobuf whose `Summary` values are scalars (`simple_value`, or a one-element
/// `tensor` in `tensor_content`, `float_val`, `double_val`, ...), hyperparameters (the hparams
/// plugin's session start info, as `add_hparams`, tensorboardX and Lightning write it) or text
/// (Hugging Face's `args`, the Trainer's arguments as JSON). Images, histograms, audio, other
/// text and other plugin data are skipped and counted.
///
/// A run folder's subfolders are read as the writers lay them out (see ``TensorBoardSource``):
/// Keras's `train/` and `validation/`, PyTorch's `add_scalars` folders (`Accuracy_train/`),
/// tensorboardX's (`grouped/a/`), and `add_hparams`' timestamp folder, whose values are final
/// figures and whose session info gives the hyperparameters. See ``TensorBoardRunAssembler``
/// for how steps become epochs.
enum TensorBoardReader {
    /// An event file and where in its run it lies.
    struct EventFile {
        var url: URL
        /// The folder below the run folder that holds the file (`validation`, `Accuracy_train`,
        /// `grouped/a`), or empty for the run folder itself.
        var subfolder: String

        init(url: URL, subfolder: String = "") {
            self.url = url
            self.subfolder = subfolder
        }
    }

    /// True for file names TensorBoard writes.
    static func isEventFileName(_ name: String) -> Bool {
        name.hasPrefix("events.out.tfevents")
    }

    static func mismatch(_ bytes: [UInt8], fileName: String) -> String? {
        if TFRecordScanner.startsWithRecord(bytes) { return nil }
        if bytes.isEmpty, isEventFileName(fileName) { return nil }
        return "it does not start with a TFRecord header (8-byte length and its masked CRC-32C)"
    }

    /// One event file read on its own; `subfolder` as for a file of a run's subfolder.
    static func parse(_ input: ByteSource, source: URL, subfolder: String = "") throws(MetricLogError) -> MetricLog {
        var contents = TensorBoardContents()
        try scan(input, file: EventFile(url: source, subfolder: subfolder), into: &contents)
        return try TensorBoardRunAssembler(contents: contents, source: source).build()
    }

    /// Several event files of one run, read in order (later files win for repeated steps).
    static func read(_ files: [EventFile], source: URL, settingsFile: URL? = nil) throws(MetricLogError) -> MetricLog {
        var contents = TensorBoardContents()
        for file in files {
            try scan(try ByteSource(file: file.url), file: file, into: &contents)
        }
        var assembler = TensorBoardRunAssembler(contents: contents, source: source)
        assembler.settingsFile = settingsFile
        return try assembler.build()
    }

    static func scan(_ input: ByteSource, file: EventFile, into contents: inout TensorBoardContents)
        throws(MetricLogError)
    {
        var scanner = TFRecordScanner(source: input)
        let name = file.url.lastPathComponent
        let fileIndex = contents.files.count
        contents.files.append(file)
        while let record = try scanner.next() {
            contents.records += 1
            if let fast = record.data.withUnsafeBytes(ScalarEventDecoder.decode) {
                for scalar in fast.scalars {
                    contents.add(tag: scalar.tag, file: fileIndex, step: Int(fast.step), value: Double(scalar.value))
                }
                continue
            }
            let event: Tensorboard_Event
            do {
                event = try Tensorboard_Event(serializedBytes: record.data)
            } catch {
                contents.tally.add("records that are not TensorBoard Event protobufs skipped")
                continue
            }
            guard case .summary(let summary)? = event.what else { continue }
            for value in summary.value {
                if let hparams = hyperparameters(of: value) {
                    contents.hyperparameters.append(contentsOf: hparams)
                    contents.hparamsFiles.insert(fileIndex)
                    continue
                }
                if let text = text(of: value) {
                    contents.texts.append((tag: value.tag, text: text))
                    continue
                }
                guard let number = scalar(of: value, tally: &contents.tally) else { continue }
                contents.add(tag: value.tag, file: fileIndex, step: Int(event.step), value: number)
            }
        }
        if let first = scanner.corruptRecords.first {
            contents.tally.add(
                "records with a bad data CRC skipped (first: record \(first.index) at byte \(first.offset) of \(name))",
                count: scanner.corruptRecords.count)
        }
        if scanner.incompleteTail > 0 {
            contents.tally.note(
                "\(name): the last \(scanner.incompleteTail) bytes are an incomplete record (the file may still be written): ignored"
            )
        }
    }
}

/// What the event files of one run held, before it is assembled into a ``MetricLog``.
struct TensorBoardContents {
    /// The values of one tag of one file, in file order.
    struct TagValues {
        var tag: String
        var file: Int
        var steps: [Int] = []
        var values: [Double] = []
    }

    var files: [TensorBoardReader.EventFile] = []
    var tags: [TagValues] = []
    /// Slots by file and tag; a run has few tags, so the last slot used is tried first.
    private var index: [Int: [String: Int]] = [:]
    private var lastSlot = -1
    var hyperparameters: [Hyperparameter] = []
    /// Files that held hparams plugin data: their scalars are `add_hparams` metrics.
    var hparamsFiles: Set<Int> = []
    /// Text summaries (tag, text).
    var texts: [(tag: String, text: String)] = []
    var records = 0
    var scalars = 0
    var tally = WarningTally()

    mutating func add(tag: String, file: Int, step: Int, value: Double) {
        scalars += 1
        // Tags repeat in the same order step after step: the slot after the last one is usually next.
        var slot: Int?
        for candidate in [lastSlot + 1, lastSlot] where tags.indices.contains(candidate) {
            if tags[candidate].file == file, tags[candidate].tag == tag {
                slot = candidate
                break
            }
        }
        if slot == nil { slot = index[file]?[tag] }
        if let slot {
            tags[slot].steps.append(step)
            tags[slot].values.append(value)
            lastSlot = slot
        } else {
            index[file, default: [:]][tag] = tags.count
            lastSlot = tags.count
            tags.append(TagValues(tag: tag, file: file, steps: [step], values: [value]))
        }
    }
}
