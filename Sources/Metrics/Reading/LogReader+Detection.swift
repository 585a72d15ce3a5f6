extension LogReader {
    /// The format of a log file from its content (and name, for event files), or the
    /// ``MetricLogError/unrecognised(path:attempts:)`` error listing every format tried and why
    /// it did not fit. Tried in order: TensorBoard, nnreport JSONL, Lightning CSV, Keras CSV,
    /// DVCLive TSV, plain table.
    public static func detect(_ bytes: [UInt8], fileName: String) -> Result<LogFormat, MetricLogError> {
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
        if let reason = jsonlMismatch(bytes) {
            attempts.append(FormatAttempt(format: .nnreport, reason: reason))
        } else {
            return .success(.nnreport)
        }
        let delimiter = CSVTable.guessDelimiter(bytes)
        let header = CSVTable.header(of: bytes, delimiter: delimiter ?? UInt8(ascii: ","))
        let candidates: [(LogFormat, String?)] = [
            (.lightningCSV, LightningCSVReader.mismatch(header: header)),
            (.kerasCSV, KerasCSVReader.mismatch(header: header)),
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
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else {
            return "the first line does not start with '{'"
        }
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        do {
            let value = try JSONParser.parse(bytes[start..<end])
            guard value["event"]?.stringValue != nil else {
                return "the first line's object has no string \"event\" member"
            }
            return nil
        } catch {
            return "the first line is not valid JSON (\(error.description))"
        }
    }
}

extension MetricLogError {
    /// The same error about `path` (detection works on bytes and does not know the path).
    func withPath(_ path: String) -> MetricLogError {
        if case .unrecognised(_, let attempts) = self { return .unrecognised(path: path, attempts: attempts) }
        return self
    }
}
