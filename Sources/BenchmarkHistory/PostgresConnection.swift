internal import CPostgreSQL
import Foundation

/// A connection to a PostgreSQL server through libpq, loaded on first use (the only file that imports
/// CPostgreSQL).
///
/// Results are read in libpq's binary format (no text parsing of doubles or byte strings), bulk
/// inserts go through `COPY … FROM STDIN`, and every wait for a lock is bounded by `lock_timeout`.
final class PostgresConnection: SQLConnection {
    let displayName: String
    let dialect = SQLDialect.postgres
    private let connection: OpaquePointer
    private let secret: String?

    /// Connects to `url` (`postgresql://` or `postgres://`), waiting at most `connectTimeout` seconds.
    init(url: String, connectTimeout: Int = 10, lockTimeout: Int = 10) throws(HistoryError) {
        displayName = ConnectionURL.redacted(url)
        secret = ConnectionURL.password(in: url)
        var reason = [CChar](repeating: 0, count: 256)
        guard benchstat_pq_load(&reason, reason.count) == 1 else {
            let text = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw HistoryError(.cannotConnect, store: displayName, "cannot connect: \(text)")
        }
        let keywords = ["dbname", "connect_timeout", "application_name"]
        let values = [url, String(connectTimeout), "benchstat"]
        var keywordPointers = keywords.map { strdup($0) }
        var valuePointers = values.map { strdup($0) }
        defer {
            keywordPointers.forEach { free($0) }
            valuePointers.forEach { free($0) }
        }
        keywordPointers.append(nil)
        valuePointers.append(nil)
        let pointer = keywordPointers.withUnsafeBufferPointer { keys in
            valuePointers.withUnsafeBufferPointer { vals in
                keys.baseAddress.flatMap { keyBase in
                    vals.baseAddress.flatMap { valueBase in
                        keyBase.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: keys.count) { k in
                            valueBase.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: vals.count) { v in
                                benchstat_PQconnectdbParams(k, v, 1)
                            }
                        }
                    }
                }
            }
        }
        guard let pointer else {
            throw HistoryError(.cannotConnect, store: displayName, "cannot connect: libpq is out of memory")
        }
        guard benchstat_PQstatus(pointer) == BENCHSTAT_CONNECTION_OK else {
            let message = Self.scrub(String(cString: benchstat_PQerrorMessage(pointer)), secret: secret)
            benchstat_PQfinish(pointer)
            throw HistoryError(.cannotConnect, store: displayName, "cannot connect: \(message)")
        }
        connection = pointer
        try execute("SET lock_timeout = '\(lockTimeout)s'; SET client_min_messages = warning")
    }

    deinit { benchstat_PQfinish(connection) }

    private static func scrub(_ message: String, secret: String?) -> String {
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
        if let secret, !secret.isEmpty { text = text.replacingOccurrences(of: secret, with: "***") }
        return text
    }

    private func failure(_ result: OpaquePointer?, _ what: String) -> HistoryError {
        let raw = result.map { String(cString: benchstat_PQresultErrorMessage($0)) } ?? ""
        let message = Self.scrub(
            raw.isEmpty ? String(cString: benchstat_PQerrorMessage(connection)) : raw, secret: secret)
        let state = result.flatMap { benchstat_PQresultErrorField($0, BENCHSTAT_PG_DIAG_SQLSTATE) }.map {
            String(cString: $0)
        }
        if benchstat_PQstatus(connection) != BENCHSTAT_CONNECTION_OK {
            return HistoryError(.cannotConnect, store: displayName, "the connection was lost (\(what)): \(message)")
        }
        switch state {
        case "55P03", "40P01":  // lock_not_available, deadlock_detected
            return HistoryError(.locked, store: displayName, "a lock was not granted in time (\(what)): \(message)")
        default:
            return HistoryError(.engine, store: displayName, "\(what): \(message)")
        }
    }

    func execute(_ sql: String) throws(HistoryError) {
        let result = benchstat_PQexec(connection, sql)
        defer { benchstat_PQclear(result) }
        let status = benchstat_PQresultStatus(result)
        guard status == BENCHSTAT_PGRES_COMMAND_OK || status == BENCHSTAT_PGRES_TUPLES_OK else {
            throw failure(result, String(sql.prefix(40)))
        }
    }

    /// `?` placeholders numbered `$1`, `$2`, … (the store's SQL has no `?` inside literals).
    static func numbered(_ sql: String) -> String {
        var out = ""
        var number = 0
        for character in sql {
            if character == "?" {
                number += 1
                out += "$\(number)"
            } else {
                out.append(character)
            }
        }
        return out
    }

    func query(_ sql: String, _ parameters: [SQLValue], row: (any SQLRow) throws(HistoryError) -> Void)
        throws(HistoryError)
    {
        var buffers: [[UInt8]] = []
        var formats: [Int32] = []
        var present: [Bool] = []
        for parameter in parameters {
            switch parameter {
            case .null:
                buffers.append([])
                formats.append(0)
                present.append(false)
            case .integer(let value):
                buffers.append(Array(String(value).utf8) + [0])
                formats.append(0)
                present.append(true)
            case .real(let value):
                buffers.append(Array(Self.text(value).utf8) + [0])
                formats.append(0)
                present.append(true)
            case .text(let value):
                buffers.append(Array(value.utf8) + [0])
                formats.append(0)
                present.append(true)
            case .blob(let bytes):
                buffers.append(bytes)
                formats.append(1)
                present.append(true)
            }
        }
        let lengths = buffers.map { Int32($0.count) }
        let result: OpaquePointer? = Self.withPointers(buffers, present: present) { pointers in
            benchstat_PQexecParams(
                connection, Self.numbered(sql), Int32(parameters.count), nil, pointers, lengths, formats, 1)
        }
        defer { benchstat_PQclear(result) }
        let status = benchstat_PQresultStatus(result)
        guard status == BENCHSTAT_PGRES_COMMAND_OK || status == BENCHSTAT_PGRES_TUPLES_OK, let result else {
            throw failure(result, String(sql.prefix(40)))
        }
        let count = benchstat_PQntuples(result)
        let reader = PostgresRow(result: result)
        for index in 0..<count {
            reader.row = index
            try row(reader)
        }
    }

    private static func withPointers<T>(
        _ buffers: [[UInt8]], present: [Bool], _ body: ([UnsafePointer<CChar>?]) -> T
    ) -> T {
        var copies: [UnsafeMutablePointer<CChar>?] = []
        defer { copies.forEach { $0?.deallocate() } }
        for (buffer, isPresent) in zip(buffers, present) {
            guard isPresent else {
                copies.append(nil)
                continue
            }
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: max(buffer.count, 1))
            buffer.withUnsafeBytes { raw in
                if let base = raw.baseAddress {
                    UnsafeMutableRawPointer(copy).copyMemory(from: base, byteCount: raw.count)
                }
            }
            copies.append(copy)
        }
        return body(copies.map { $0.map { UnsafePointer($0) } })
    }

    static func text(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "Infinity" : "-Infinity" }
        return "\(value)"
    }

    func insertRows(table: String, columns: [String], rows: [[SQLValue]]) throws(HistoryError) {
        guard !rows.isEmpty else { return }
        let start = benchstat_PQexec(connection, "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN")
        let startStatus = benchstat_PQresultStatus(start)
        guard startStatus == BENCHSTAT_PGRES_COPY_IN else {
            let error = failure(start, "COPY \(table)")
            benchstat_PQclear(start)
            throw error
        }
        benchstat_PQclear(start)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        let hex = Array("0123456789abcdef".utf8)
        var sendFailed = false
        func flush() {
            guard !buffer.isEmpty else { return }
            let status = buffer.withUnsafeBufferPointer { bytes in
                bytes.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        benchstat_PQputCopyData(connection, $0, Int32(bytes.count))
                    }
                } ?? 1
            }
            if status != 1 { sendFailed = true }
            buffer.removeAll(keepingCapacity: true)
        }
        for values in rows {
            for (offset, value) in values.enumerated() {
                if offset > 0 { buffer.append(UInt8(ascii: "\t")) }
                switch value {
                case .null: buffer.append(contentsOf: Array("\\N".utf8))
                case .integer(let integer): buffer.append(contentsOf: Array(String(integer).utf8))
                case .real(let real): buffer.append(contentsOf: Array(Self.text(real).utf8))
                case .text(let text):
                    for byte in text.utf8 {
                        switch byte {
                        case UInt8(ascii: "\\"): buffer.append(contentsOf: [92, 92])
                        case UInt8(ascii: "\n"): buffer.append(contentsOf: [92, UInt8(ascii: "n")])
                        case UInt8(ascii: "\r"): buffer.append(contentsOf: [92, UInt8(ascii: "r")])
                        case UInt8(ascii: "\t"): buffer.append(contentsOf: [92, UInt8(ascii: "t")])
                        default: buffer.append(byte)
                        }
                    }
                case .blob(let bytes):
                    buffer.append(contentsOf: [92, 92, UInt8(ascii: "x")])
                    for byte in bytes {
                        buffer.append(hex[Int(byte >> 4)])
                        buffer.append(hex[Int(byte & 0xf)])
                    }
                }
            }
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count > 1 << 20 { flush() }
        }
        flush()
        _ = benchstat_PQputCopyEnd(connection, sendFailed ? "benchstat could not send the rows" : nil)
        var firstError: HistoryError?
        while let result = benchstat_PQgetResult(connection) {
            if benchstat_PQresultStatus(result) != BENCHSTAT_PGRES_COMMAND_OK, firstError == nil {
                firstError = failure(result, "COPY \(table)")
            }
            benchstat_PQclear(result)
        }
        if let firstError { throw firstError }
    }

    func prepareForWriting() throws(HistoryError) {}
    func beginWrite() throws(HistoryError) { try execute("BEGIN") }
    func commit() throws(HistoryError) { try execute("COMMIT") }
    func rollback() { benchstat_PQclear(benchstat_PQexec(connection, "ROLLBACK")) }
}

/// A row of a binary-format result, decoded by column type.
private final class PostgresRow: SQLRow {
    let result: OpaquePointer
    var row: Int32 = 0

    init(result: OpaquePointer) { self.result = result }

    private func bytes(_ column: Int) -> UnsafeRawBufferPointer {
        let length = Int(benchstat_PQgetlength(result, row, Int32(column)))
        guard let pointer = benchstat_PQgetvalue(result, row, Int32(column)) else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: pointer, count: length)
    }

    private func bigEndian(_ column: Int) -> UInt64 {
        var value: UInt64 = 0
        for byte in bytes(column) { value = value << 8 | UInt64(byte) }
        return value
    }

    func isNull(_ column: Int) -> Bool { benchstat_PQgetisnull(result, row, Int32(column)) == 1 }

    func integer(_ column: Int) -> Int64 {
        let raw = bigEndian(column)
        switch benchstat_PQftype(result, Int32(column)) {
        case 21: return Int64(Int16(truncatingIfNeeded: raw))
        case 23: return Int64(Int32(truncatingIfNeeded: raw))
        case 701: return Int64(Double(bitPattern: raw))
        default: return Int64(bitPattern: raw)
        }
    }

    func real(_ column: Int) -> Double? {
        guard !isNull(column) else { return nil }
        let raw = bigEndian(column)
        switch benchstat_PQftype(result, Int32(column)) {
        case 700: return Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw)))
        case 20, 21, 23: return Double(integer(column))
        default: return Double(bitPattern: raw)
        }
    }

    func text(_ column: Int) -> String { String(decoding: bytes(column), as: UTF8.self) }
    func blob(_ column: Int) -> [UInt8] { Array(bytes(column)) }
}
