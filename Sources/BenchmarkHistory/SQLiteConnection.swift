internal import CSQLite
import Foundation

/// A connection to one SQLite file through the SQLite C API, loaded on first use (the only file that
/// imports CSQLite).
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
        var reason = [CChar](repeating: 0, count: 256)
        guard benchstat_sqlite_load(&reason, reason.count) == 1 else {
            let text = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw HistoryError(.cannotConnect, store: path, "cannot open: \(text)")
        }
        var pointer: OpaquePointer?
        let flags =
            BENCHSTAT_SQLITE_OPEN_READWRITE | (create ? BENCHSTAT_SQLITE_OPEN_CREATE : 0)
            | BENCHSTAT_SQLITE_OPEN_NOMUTEX
        let status = benchstat_sqlite3_open_v2(path, &pointer, flags, nil)
        guard status == BENCHSTAT_SQLITE_OK, let pointer else {
            let message = pointer.map { String(cString: benchstat_sqlite3_errmsg($0)) } ?? "out of memory"
            if let pointer { benchstat_sqlite3_close_v2(pointer) }
            throw HistoryError(.cannotConnect, store: path, "cannot open: \(message)")
        }
        handle = pointer
        // SQLite takes an Int32 of milliseconds (about 24 days): a longer wait is clamped, not
        // multiplied past Int64.
        let seconds = min(max(busyTimeout.components.seconds, 0), Int64(Int32.max / 1000))
        let milliseconds = seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
        benchstat_sqlite3_busy_timeout(handle, Int32(clamping: milliseconds))
        // Reading the header tells a non-database file apart; nothing is written on opening (a
        // reader must leave the file as it found it: write-ahead logging is a writer's choice,
        // `prepareForWriting()`).
        try execute("PRAGMA foreign_keys = ON")
        try run("SELECT count(*) FROM sqlite_master")
    }

    func prepareForWriting() throws(HistoryError) {
        try run("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
    }

    deinit { benchstat_sqlite3_close_v2(handle) }

    private func error(_ status: Int32, _ what: String) -> HistoryError {
        let message = String(cString: benchstat_sqlite3_errmsg(handle))
        switch status & 0xff {
        case BENCHSTAT_SQLITE_NOTADB:
            return HistoryError(.notADatabase, store: displayName, "is not a SQLite database (\(message))")
        case BENCHSTAT_SQLITE_BUSY, BENCHSTAT_SQLITE_LOCKED:
            return HistoryError(
                .locked, store: displayName,
                "the database is locked by another process; waited \(busyTimeout) (\(what))")
        case BENCHSTAT_SQLITE_CORRUPT:
            return HistoryError(.notADatabase, store: displayName, "the database file is damaged (\(message))")
        default:
            return HistoryError(.engine, store: displayName, "\(what): \(message)")
        }
    }

    func execute(_ sql: String) throws(HistoryError) {
        let status = benchstat_sqlite3_exec(handle, sql)
        guard status == BENCHSTAT_SQLITE_OK else { throw error(status, sql.prefix(40).description) }
    }

    private func prepare(_ sql: String) throws(HistoryError) -> OpaquePointer {
        var statement: OpaquePointer?
        let status = benchstat_sqlite3_prepare_v2(handle, sql, -1, &statement)
        guard status == BENCHSTAT_SQLITE_OK, let statement else { throw error(status, "prepare") }
        return statement
    }

    private func bind(_ values: [SQLValue], to statement: OpaquePointer) throws(HistoryError) {
        for (offset, value) in values.enumerated() {
            let position = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = benchstat_sqlite3_bind_null(statement, position)
            case .integer(let integer): status = benchstat_sqlite3_bind_int64(statement, position, integer)
            case .real(let real): status = benchstat_sqlite3_bind_double(statement, position, real)
            case .text(let text):
                status = benchstat_sqlite3_bind_text(statement, position, text)
            case .blob(let bytes):
                status = bytes.withUnsafeBytes { buffer in
                    benchstat_sqlite3_bind_blob(statement, position, buffer.baseAddress, Int32(buffer.count))
                }
            }
            guard status == BENCHSTAT_SQLITE_OK else { throw error(status, "bind") }
        }
    }

    func query(_ sql: String, _ parameters: [SQLValue], row: (any SQLRow) throws(HistoryError) -> Void)
        throws(HistoryError)
    {
        let statement = try prepare(sql)
        defer { benchstat_sqlite3_finalize(statement) }
        try bind(parameters, to: statement)
        let reader = SQLiteRow(statement: statement)
        while true {
            let status = benchstat_sqlite3_step(statement)
            if status == BENCHSTAT_SQLITE_DONE { return }
            guard status == BENCHSTAT_SQLITE_ROW else { throw error(status, sql.prefix(40).description) }
            try row(reader)
        }
    }

    func insertRows(table: String, columns: [String], rows: [[SQLValue]]) throws(HistoryError) {
        guard !rows.isEmpty else { return }
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let statement = try prepare(
            "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))")
        defer { benchstat_sqlite3_finalize(statement) }
        for values in rows {
            try bind(values, to: statement)
            let status = benchstat_sqlite3_step(statement)
            guard status == BENCHSTAT_SQLITE_DONE else { throw error(status, "insert into \(table)") }
            benchstat_sqlite3_reset(statement)
        }
    }

    func beginWrite() throws(HistoryError) { try execute("BEGIN IMMEDIATE") }
    func commit() throws(HistoryError) { try execute("COMMIT") }
    func rollback() { _ = benchstat_sqlite3_exec(handle, "ROLLBACK") }
}

private struct SQLiteRow: SQLRow {
    let statement: OpaquePointer

    func integer(_ column: Int) -> Int64 { benchstat_sqlite3_column_int64(statement, Int32(column)) }
    func real(_ column: Int) -> Double? {
        isNull(column) ? nil : benchstat_sqlite3_column_double(statement, Int32(column))
    }
    func text(_ column: Int) -> String {
        guard let pointer = benchstat_sqlite3_column_text(statement, Int32(column)) else { return "" }
        return String(cString: pointer)
    }
    func blob(_ column: Int) -> [UInt8] {
        withBlob(column) { Array($0) }
    }
    func withBlob<Result>(_ column: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        // sqlite3_column_blob before sqlite3_column_bytes, as SQLite asks: the pointer stays valid
        // until the row is stepped past.
        let pointer = benchstat_sqlite3_column_blob(statement, Int32(column))
        let count = Int(benchstat_sqlite3_column_bytes(statement, Int32(column)))
        guard count > 0, let pointer else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return body(UnsafeRawBufferPointer(start: pointer, count: count))
    }
    func isNull(_ column: Int) -> Bool {
        benchstat_sqlite3_column_type(statement, Int32(column)) == BENCHSTAT_SQLITE_NULL
    }
}
