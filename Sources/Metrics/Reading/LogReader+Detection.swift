extension LogReader {
    /// The format of a log file from its content (and name, for event files), or the
    /// ``MetricLogError/unrecognised(path:attempts:)`` error listing every format tried and why
    /// it did not fit. Tried in order: TensorBoard, nnreport JSONL, Hugging Face
    /// trainer_state.json, JSON lines, Lightning CSV, Ultralytics CSV, Keras CSV, DVCLive TSV,
    /// plain table. (An MLflow database is recognised by its SQLite header before this.)
    ///
    /// - Parameter wholeFile: false when `bytes` are only the start of the file (the first MiB).
    public static func detect(_ bytes: [UInt8], fileName: String, wholeFile: Bool = true) -> Result<
        LogFormat, MetricLogError
    > {
        if bytes.isEmpty && !TensorBoardReader.isEventFileName(fileName) {
            return .failure(
                .unrecognised(
                    path: fileName,
                    attempts: LogFormat.allCases.map {
                        FormatAttempt(format: $0, reason: "the file is empty")
                    }))
        }
        var attempts: [FormatAttempt] = []
        if let reason = TensorBoardReader.mismatch(bytes, fileName: fileName) {
            attempts.append(FormatAttempt(format: .tensorBoard, reason: reason))
        } else {
            return .success(.tensorBoard)
        }
        if SQLiteDatabase.hasHeader(bytes) { return .success(.mlflow) }
        attempts.append(
            FormatAttempt(
                format: .mlflow, reason: "it is not a SQLite database (an MLflow store is a folder or mlflow.db)"))
        if let reason = jsonlMismatch(bytes) {
            attempts.append(FormatAttempt(format: .nnreport, reason: reason))
        } else {
            return .success(.nnreport)
        }
        if let reason = trainerStateMismatch(bytes, wholeFile: wholeFile) {
            attempts.append(FormatAttempt(format: .huggingFace, reason: reason))
        } else {
            return .success(.huggingFace)
        }
        if let reason = JSONLinesReader.mismatch(bytes) {
            attempts.append(FormatAttempt(format: .jsonLines, reason: reason))
        } else {
            return .success(.jsonLines)
        }
        let delimiter = CSVTable.guessDelimiter(bytes)
        let header = CSVTable.header(of: bytes, delimiter: delimiter ?? UInt8(ascii: ","))
        let candidates: [(LogFormat, String?)] = [
            (.lightningCSV, LightningCSVReader.mismatch(header: header)),
            (.ultralytics, UltralyticsCSVReader.mismatch(header: header)),
            (
                .kerasCSV,
                KerasCSVReader.mismatch(
                    header: header,
                    firstEpoch: CSVTable.firstField(of: bytes, delimiter: delimiter ?? UInt8(ascii: ",")))
            ),
            (.dvclive, DVCLiveReader.mismatch(header: header, delimiter: delimiter)),
            (.table, TableReader.mismatch(header: header, delimiterFound: delimiter != nil)),
        ]
        for (format, reason) in candidates {
            guard let reason else { return .success(format) }
            attempts.append(FormatAttempt(format: format, reason: reason))
        }
        return .failure(.unrecognised(path: fileName, attempts: attempts))
    }

    /// Nil when the first non-blank line is a JSON object with a string "event" member.
    static func jsonlMismatch(_ bytes: [UInt8]) -> String? {
        guard let line = JSONLinesReader.firstLine(bytes), line.first == UInt8(ascii: "{") else {
            return "the first line does not start with '{'"
        }
        do {
            let value = try JSONParser.parse(line, allowsNonFinite: true)
            guard value["event"]?.stringValue != nil else {
                return "the first line's object has no string \"event\" member"
            }
            return nil
        } catch {
            return "the first line is not valid JSON (\(error.description))"
        }
    }

    /// Nil when the file is one JSON object with a `log_history` list (a Trainer state).
    static func trainerStateMismatch(_ bytes: [UInt8], wholeFile: Bool = true) -> String? {
        guard let line = JSONLinesReader.firstLine(bytes), line.first == UInt8(ascii: "{") else {
            return "it does not start with '{'"
        }
        // A Trainer state names its log_history near the top (its keys are sorted).
        guard containsASCII(bytes, "\"log_history\"") else {
            return "it has no \"log_history\" member"
        }
        // Of a large file only the start was looked at: one object over many lines it is.
        if !wholeFile { return (try? JSONParser.parse(line, allowsNonFinite: true)) == nil ? nil : "it is JSON lines" }
        do {
            return TrainerStateReader.mismatch(try JSONParser.parse(bytes, allowsNonFinite: true))
        } catch {
            return "it is not one JSON document (\(error.description))"
        }
    }

    /// Whether `bytes` contain the ASCII `needle`.
    static func containsASCII(_ bytes: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, bytes.count >= pattern.count else { return false }
        var index = 0
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first, bytes[index..<index + pattern.count].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }
}

extension MetricLogError {
    /// The same error about `path` (detection works on bytes and does not know the path).
    func withPath(_ path: String) -> MetricLogError {
        if case .unrecognised(_, let attempts) = self { return .unrecognised(path: path, attempts: attempts) }
        return self
    }
}
