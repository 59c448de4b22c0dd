/// A value bound to a statement's `?` placeholder.
enum SQLValue: Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// One result row, read by column position.
protocol SQLRow {
    func integer(_ column: Int) -> Int64
    func real(_ column: Int) -> Double?
    func text(_ column: Int) -> String
    func blob(_ column: Int) -> [UInt8]
    /// `body` applied to the column's bytes, read where the engine holds them when it can (a run's
    /// centres are ~160 KB a column: no copy into an array first).
    func withBlob<Result>(_ column: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result
    func isNull(_ column: Int) -> Bool
}

extension SQLRow {
    func withBlob<Result>(_ column: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        blob(column).withUnsafeBytes(body)
    }
}

/// The SQL dialects the store speaks.
enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// The primary-key column type of a surrogate id.
    var serialKey: String { self == .sqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY" }
    /// The type of a byte string.
    var blob: String { self == .sqlite ? "BLOB" : "BYTEA" }
    /// The type of a double.
    var double: String { self == .sqlite ? "REAL" : "DOUBLE PRECISION" }
    /// The type of an integer.
    var integer: String { self == .sqlite ? "INTEGER" : "BIGINT" }
    /// A 64-bit primary key given by the writer (SQLite's rowid itself).
    var dialect64Key: String { self == .sqlite ? "INTEGER PRIMARY KEY" : "BIGINT PRIMARY KEY" }
    /// `WITHOUT ROWID` for SQLite's clustered tables; nothing for PostgreSQL.
    var clustered: String { self == .sqlite ? " WITHOUT ROWID" : "" }
}

/// The small part of a SQL database the history store needs; SQLite and PostgreSQL implement it.
/// Statements use `?` placeholders (PostgreSQL's connection numbers them).
protocol SQLConnection: AnyObject {
    /// The store as shown to users (no password).
    var displayName: String { get }
    var dialect: SQLDialect { get }
    /// Runs statements without parameters and results (DDL, BEGIN, COMMIT).
    func execute(_ sql: String) throws(HistoryError)
    /// Runs one statement with parameters, calling `row` for every result row.
    func query(_ sql: String, _ parameters: [SQLValue], row: (any SQLRow) throws(HistoryError) -> Void)
        throws(HistoryError)
    /// Inserts many rows into `table` (bulk: a prepared statement in SQLite, COPY in PostgreSQL).
    func insertRows(table: String, columns: [String], rows: [[SQLValue]]) throws(HistoryError)
    /// Starts a write transaction (SQLite: BEGIN IMMEDIATE, waiting for the lock with a bound).
    /// Called once by a store that will write, after it checked the database is its own or empty
    /// and before its first transaction (SQLite: write-ahead logging, which a reader never sets).
    func prepareForWriting() throws(HistoryError)
    func beginWrite() throws(HistoryError)
    func commit() throws(HistoryError)
    func rollback()
}

extension SQLConnection {
    /// Runs one statement with parameters, discarding any result.
    func run(_ sql: String, _ parameters: [SQLValue] = []) throws(HistoryError) {
        try query(sql, parameters) { _ throws(HistoryError) in }
    }

    /// The first column of the first row as an integer, or nil when there is no row.
    func scalarInteger(_ sql: String, _ parameters: [SQLValue] = []) throws(HistoryError) -> Int64? {
        var value: Int64?
        try query(sql, parameters) { row throws(HistoryError) in
            if value == nil, !row.isNull(0) { value = row.integer(0) }
        }
        return value
    }

    /// The first column of the first row as text, or nil when there is no row.
    func scalarText(_ sql: String, _ parameters: [SQLValue] = []) throws(HistoryError) -> String? {
        var value: String?
        try query(sql, parameters) { row throws(HistoryError) in
            if value == nil, !row.isNull(0) { value = row.text(0) }
        }
        return value
    }

    /// Runs `body` in a write transaction: committed when it returns, rolled back when it throws.
    func inWriteTransaction<T>(_ body: () throws(HistoryError) -> T) throws(HistoryError) -> T {
        try beginWrite()
        do {
            let value = try body()
            try commit()
            return value
        } catch {
            rollback()
            throw error
        }
    }
}
