import ArgumentParser
import BenchmarkHistory
import BenchmarkIngest
import Foundation

/// `benchstat history …`: a durable store of past runs and change-point detection over it.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Keep benchmark runs in a store (SQLite file or PostgreSQL) and find when benchmarks changed.",
        discussion: """
            Every CI run of the main branch records its results (`history record`); pull requests are then \
            analysed against that history (`benchstat analyze runs/ --history .benchstat/history.sqlite`), and \
            `history changes` finds the commits after which a benchmark got slower or faster (E-divisive means \
            with the significance test of Apache Otava/Hunter, Benjamini–Hochberg across series).

            The store is a SQLite file (default \(HistoryStores.defaultLocation), or --db PATH) or a shared \
            PostgreSQL database (--db postgresql://user@host/db; the password is never printed). Exit status: \
            0 success, 1 `changes` found a recent regression, 2 usage, input or database error.
            """,
        subcommands: [
            HistoryRecordCommand.self, HistoryListCommand.self, HistoryShowCommand.self,
            HistoryChangesCommand.self, HistoryImportCommand.self, HistoryExportCommand.self,
        ]
    )
}

/// The options every history subcommand shares: which store, how long to wait for a lock.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: "The store: a SQLite file (default \(HistoryStores.defaultLocation)) or a postgresql:// URL.")
    var location: String = HistoryStores.defaultLocation

    @Option(help: "Seconds to wait for another writer's lock before giving up (default 10).")
    var lockTimeout: Int = 10

    /// Refuses an `--output` that names this store or one of its SQLite files, before the store is
    /// opened: a report must never replace the store it reads.
    func refuse(output: String?) throws(CommandFailure) {
        guard let output else { return }
        let roles = OutputSafety.storeRoles(RawArguments.path(location), role: "the --db history store")
        try OutputSafety.check(output: RawArguments.path(output), against: roles)
    }

    func open(create: Bool) throws(CommandFailure) -> any HistoryStore {
        do {
            return try HistoryStores.open(location, create: create, lockTimeout: .seconds(max(0, lockTimeout)))
        } catch {
            throw CommandFailure(error.description)
        }
    }
}

/// Output formats of the reading subcommands.
enum HistoryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, html
}

/// Runs `body`, turning a store error into an exit-2 failure naming the store.
func withStore<T>(_ body: () throws(HistoryError) -> T) throws(CommandFailure) -> T {
    do {
        return try body()
    } catch {
        throw CommandFailure(error.description)
    }
}

/// Parses `--time`: seconds since 1970, or an ISO 8601 date-time (`2026-12-04T10:00:00Z`, with or
/// without fractional seconds or offset; a bare date is midnight UTC).
func parseTime(_ text: String) -> Double? {
    if let seconds = Double(text), seconds.isFinite { return seconds }
    let formatter = ISO8601DateFormatter()
    for options: ISO8601DateFormatter.Options in [
        [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds], [.withFullDate],
    ] {
        formatter.formatOptions = options
        if let date = formatter.date(from: text) { return date.timeIntervalSince1970 }
    }
    return nil
}

/// `2026-12-04 10:00:00Z` for a time in seconds since 1970.
func formatTime(_ seconds: Double) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: Date(timeIntervalSince1970: seconds))
}

/// The default machine key: the host name and the CPU model from /proc/cpuinfo, stable across runs
/// of one machine (`ci-runner-3/AMD EPYC 7763 64-Core Processor`).
enum MachineIdentity {
    static var current: String {
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "unknown-host"
        return "\(host)/\(cpuModel ?? "unknown-cpu")"
    }

    static var cpuModel: String? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}

/// A JSON string literal (`CanonicalRecordWriter.quoted`, the one JSON string escaper of the
/// canonical records).
func jsonString(_ text: String) -> String { CanonicalRecordWriter.quoted(text) }

/// A JSON number, or null when it does not exist.
func jsonNumber(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "null" }
    return "\(value)"
}

/// A CSV field, quoted when it needs to be (RFC 4180).
func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// Rows as an aligned text table (first column left-aligned, others right-aligned).
func alignedTable(_ rows: [[String]]) -> String {
    guard let first = rows.first else { return "" }
    var widths = [Int](repeating: 0, count: first.count)
    for row in rows { for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) } }
    return rows.map { row in
        row.enumerated().map { column, cell in
            let pad = String(repeating: " ", count: widths[column] - cell.count)
            return column == 0 ? cell + pad : pad + cell
        }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
}
