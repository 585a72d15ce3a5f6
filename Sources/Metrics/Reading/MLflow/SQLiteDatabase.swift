import CSQLite
import Foundation

/// A SQLite database opened read-only through the system's libsqlite3: the only file that
/// imports CSQLite. Every status is checked and thrown with SQLite's own message.
final class SQLiteDatabase {
    /// A failed SQLite call: what was being done and SQLite's message.
    struct Failure: Error, CustomStringConvertible {
        var operation: String
        var message: String
        var description: String { "\(operation): \(message)" }
    }

    /// One result row of a query, valid only inside the row callback.
    struct Row {
        fileprivate let statement: OpaquePointer

        func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
        func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
        func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

        /// The column as text (numbers converted as SQLite does), nil for NULL.
        func text(_ column: Int32) -> String? {
            guard let bytes = sqlite3_column_text(statement, column) else { return nil }
            let count = Int(sqlite3_column_bytes(statement, column))
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }

        /// The column's text bytes without copying, for comparing keys in a hot loop.
        func withTextBytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
            let bytes = sqlite3_column_text(statement, column)
            let count = Int(sqlite3_column_bytes(statement, column))
            return body(UnsafeBufferPointer(start: bytes, count: bytes == nil ? 0 : count))
        }
    }

    private let handle: OpaquePointer
    let path: String

    /// Opens `path` read-only; a file that is not a SQLite database fails on the first query.
    init(readOnly path: String) throws(Failure) {
        var db: OpaquePointer?
        let status = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            if let db { sqlite3_close(db) }
            throw Failure(operation: "opening \(path)", message: message)
        }
        handle = db
        self.path = path
        // A live tracking server may hold a write lock for a moment: wait rather than fail.
        sqlite3_busy_timeout(db, 2000)
    }

    deinit { sqlite3_close(handle) }

    /// The names of the database's tables.
    func tableNames() throws(Failure) -> Set<String> {
        var names = Set<String>()
        try query("SELECT name FROM sqlite_master WHERE type = 'table'") { row in
            if let name = row.text(0) { names.insert(name) }
        }
        return names
    }

    /// The column names of `table`.
    func columns(of table: String) throws(Failure) -> [String] {
        var names: [String] = []
        try query("SELECT name FROM pragma_table_info(?)", bind: [table]) { row in
            if let name = row.text(0) { names.append(name) }
        }
        return names
    }

    /// Runs `sql` with text parameters bound in order, calling `body` for each row.
    func query(_ sql: String, bind parameters: [String] = [], _ body: (Row) throws(Failure) -> Void) throws(Failure) {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw Failure(operation: "reading \(path)", message: String(cString: sqlite3_errmsg(handle)))
        }
        defer { sqlite3_finalize(statement) }
        for (index, parameter) in parameters.enumerated() {
            guard sqlite3_bind_text(statement, Int32(index + 1), parameter, -1, CSQLite_transient()) == SQLITE_OK else {
                throw Failure(operation: "reading \(path)", message: String(cString: sqlite3_errmsg(handle)))
            }
        }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else {
                throw Failure(operation: "reading \(path)", message: String(cString: sqlite3_errmsg(handle)))
            }
            try body(Row(statement: statement))
        }
    }

    /// True when `bytes` start with SQLite's file header.
    static func hasHeader(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: Array("SQLite format 3\0".utf8))
    }
}
