import BenchmarkModel
import BenchstatTestSupport
import Foundation
import Testing

@testable import BenchmarkHistory

/// The backends the same store tests run against.
enum Backend: String, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// The throw-away cluster's URL (scripts/test-postgres.sh exports it), or nil.
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["BENCHSTAT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Why the PostgreSQL tests do not run, when they do not.
    static var postgresSkipReason: String {
        if let reason = ProcessInfo.processInfo.environment["BENCHSTAT_TEST_POSTGRES_SKIP"], !reason.isEmpty {
            return reason
        }
        return "BENCHSTAT_TEST_POSTGRES_URL is not set (run the tests under scripts/test-postgres.sh, as .ci/run does)"
    }
}

/// A fresh, empty store of one backend: a SQLite file in a temporary directory, or a new schema in
/// the test cluster (dropped at the end).
final class StoreFixture: @unchecked Sendable {
    let backend: Backend
    let location: String
    private let directory: TemporaryDirectory
    private let schema: String?

    init(_ backend: Backend) throws {
        self.backend = backend
        directory = try TemporaryDirectory()
        switch backend {
        case .sqlite:
            location = directory.url.appendingPathComponent("history.sqlite").path
            schema = nil
        case .postgres:
            let url = try #require(Backend.postgresURL)
            let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let admin = try PostgresConnection(url: url)
            try admin.execute("CREATE SCHEMA \(name)")
            schema = name
            location = url + (url.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(name)"
        }
    }

    deinit {
        if let schema, let url = Backend.postgresURL, let admin = try? PostgresConnection(url: url) {
            try? admin.execute("DROP SCHEMA \(schema) CASCADE")
        }
    }

    func open(create: Bool = true, lockTimeout: Duration = .seconds(10)) throws -> any HistoryStore {
        try HistoryStores.open(location, create: create, lockTimeout: lockTimeout)
    }

    /// A raw connection to the same store, for what the tests do behind the store's back.
    func rawConnection() throws -> any SQLConnection {
        switch backend {
        case .sqlite: try SQLiteConnection(path: location, create: false)
        case .postgres: try PostgresConnection(url: location)
        }
    }

    static func label(
        _ name: String, scale: Double = 1, unit: String = "ns", benchmarks: Int = 3, metadata: [KeyValue] = []
    ) -> LabelData {
        let series = (0..<benchmarks).map { index in
            DatasetBuilder.series(
                "bench/\(index)", unit: unit,
                runs: [[100, 101, 99].map { $0 * scale * Double(index + 1) }, [102, 98].map { $0 * scale }],
                runIDs: ["\(name)-a.json", "\(name)-b.json"])
        }
        return DatasetBuilder.label(name, series, metadata: metadata)
    }

    static func info(_ commit: String, time: Double, branch: String = "main", machine: String = "m1") -> RunInfo {
        RunInfo(commit: commit, branch: branch, machine: machine, time: time)
    }
}
