internal import CSQLite
import Foundation

/// A connection to one SQLite file through the SQLite C API (the only file that imports CSQLite).
///
/// Write-ahead logging lets readers run beside a writer; writers take the lock at `BEGIN IMMEDIATE`
/// and wait for it up to `busyTimeout` (SQLite's busy handler), then fail with `.locked`.
final class SQLiteConnection: SQLConnection {
    let displayName: String
    let dialect = SQLDialect.sqlite
    private let handle: OpaquePointer
    private let busyTimeout: Duration

    /// Opens `path`. `create` makes the file (and its directory) when missing; otherwise a missing
    /// file is `.missing`. A file that is not SQLite fails here with `.notADatabase`.
    init(path: String, create: Bool, busyTimeout: Duration = .seconds(10)) throws(HistoryError) {
        displayName = path
        self.busyTimeout = busyTimeout
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw HistoryError(.notADatabase, store: path, "is a directory, not a history database")
            }
        } else if !create {
            throw HistoryError(
                .missing, store: path, "no history database here (`benchstat history record` creates it)")
        } else {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                do {
                    try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw HistoryError(.engine, store: path, "cannot create the directory \(directory)")
                }
            }
        }
        var pointer: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &pointer, flags, nil)
        guard status == SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let pointer { sqlite3_close_v2(pointer) }
            throw HistoryError(.cannotConnect, store: path, "cannot open: \(message)")
        }
        handle = pointer
        let milliseconds =
            busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
        sqlite3_busy_timeout(handle, Int32(clamping: milliseconds))
        // Reading the header tells a non-database file apart before anything is written.
        try execute("PRAGMA foreign_keys = ON")
        try run("SELECT count(*) FROM sqlite_master")
        try run("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
    }

    deinit { sqlite3_close_v2(handle) }

    private func error(_ status: Int32, _ what: String) -> HistoryError {
        let message = String(cString: sqlite3_errmsg(handle))
        switch status & 0xff {
        case SQLITE_NOTADB:
            return HistoryError(.notADatabase, store: displayName, "is not a SQLite database (\(message))")
        case SQLITE_BUSY, SQLITE_LOCKED:
            return HistoryError(
                .locked, store: displayName,
                "the database is locked by another process; waited \(busyTimeout) (\(what))")
        case SQLITE_CORRUPT:
            return HistoryError(.notADatabase, store: displayName, "the database file is damaged (\(message))")
        default:
            return HistoryError(.engine, store: displayName, "\(what): \(message)")
        }
    }

    func execute(_ sql: String) throws(HistoryError) {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        sqlite3_free(message)
        guard status == SQLITE_OK else { throw error(status, sql.prefix(40).description) }
    }

    private func prepare(_ sql: String) throws(HistoryError) -> OpaquePointer {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status, "prepare") }
        return statement
    }

    private func bind(_ values: [SQLValue], to statement: OpaquePointer) throws(HistoryError) {
        for (offset, value) in values.enumerated() {
            let position = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(statement, position)
            case .integer(let integer): status = sqlite3_bind_int64(statement, position, integer)
            case .real(let real): status = sqlite3_bind_double(statement, position, real)
            case .text(let text):
                status = sqlite3_bind_text(statement, position, text, -1, benchstat_sqlite_transient())
            case .blob(let bytes):
                status = bytes.withUnsafeBytes { buffer in
                    sqlite3_bind_blob(
                        statement, position, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(buffer.count),
                        benchstat_sqlite_transient())
                }
            }
            guard status == SQLITE_OK else { throw error(status, "bind") }
        }
    }

    func query(_ sql: String, _ parameters: [SQLValue], row: (any SQLRow) throws(HistoryError) -> Void)
        throws(HistoryError)
    {
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        try bind(parameters, to: statement)
        let reader = SQLiteRow(statement: statement)
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw error(status, sql.prefix(40).description) }
            try row(reader)
        }
    }

    func insertRows(table: String, columns: [String], rows: [[SQLValue]]) throws(HistoryError) {
        guard !rows.isEmpty else { return }
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let statement = try prepare(
            "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))")
        defer { sqlite3_finalize(statement) }
        for values in rows {
            try bind(values, to: statement)
            let status = sqlite3_step(statement)
            guard status == SQLITE_DONE else { throw error(status, "insert into \(table)") }
            sqlite3_reset(statement)
        }
    }

    func beginWrite() throws(HistoryError) { try execute("BEGIN IMMEDIATE") }
    func commit() throws(HistoryError) { try execute("COMMIT") }
    func rollback() { sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
}

private struct SQLiteRow: SQLRow {
    let statement: OpaquePointer

    func integer(_ column: Int) -> Int64 { sqlite3_column_int64(statement, Int32(column)) }
    func real(_ column: Int) -> Double? {
        isNull(column) ? nil : sqlite3_column_double(statement, Int32(column))
    }
    func text(_ column: Int) -> String {
        guard let pointer = sqlite3_column_text(statement, Int32(column)) else { return "" }
        return String(cString: pointer)
    }
    func blob(_ column: Int) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(statement, Int32(column)))
        guard count > 0, let pointer = sqlite3_column_blob(statement, Int32(column)) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
    func isNull(_ column: Int) -> Bool { sqlite3_column_type(statement, Int32(column)) == SQLITE_NULL }
}
