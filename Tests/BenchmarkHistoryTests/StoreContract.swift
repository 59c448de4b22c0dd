import BenchmarkModel
import BenchstatTestSupport
import Dispatch
import Foundation
import Testing

@testable import BenchmarkHistory

/// The behaviour both backends must have; SQLiteStoreTests and PostgresStoreTests run every check.
enum StoreContract {
    /// Samples, sub-runs, units, modes and file metadata come back exactly as recorded.
    static func roundTrip(_ backend: Backend) throws {
        let fixture = try StoreFixture(backend)
        let store = try fixture.open()
        #expect(try store.schemaVersion() == SQLHistoryStore.schemaVersion)
        let first = StoreFixture.label("c1", metadata: [KeyValue("cpu", "Xeon"), KeyValue("goos", "linux")])
        let second = StoreFixture.label("c2", scale: 1.1)
        _ = try store.record(StoreFixture.info("c1", time: 100), label: first, replace: false)
        let stored = try store.record(StoreFixture.info("c2", time: 200), label: second, replace: false)
        #expect(stored.seriesCount == 3 && stored.sampleCount == 15)
        let runs = try store.runs(RunFilter())
        #expect(runs.map(\.info.commit) == ["c1", "c2"])
        let labels = try store.labels(for: runs)
        #expect(labels.map(\.label) == ["c1", "c2"])
        for (loaded, original) in zip(labels, [first, second]) {
            #expect(loaded.series.map(\.benchmark.name) == original.series.map(\.benchmark.name))
            #expect(loaded.series.map(\.unit.baseUnit) == original.series.map(\.unit.baseUnit))
            #expect(loaded.series.map(\.mode) == original.series.map(\.mode))
            #expect(loaded.series.map { $0.runs.map(\.id) } == original.series.map { $0.runs.map(\.id) })
            #expect(loaded.series.map { $0.runs.map(\.values) } == original.series.map { $0.runs.map(\.values) })
        }
        #expect(labels[0].files.first?.value(for: "cpu") == "Xeon")
        #expect(labels[0].files.first?.entries.count == 2)
        // A second open of an existing store reads the same (no migration on read).
        let reopened = try fixture.open(create: false)
        #expect(try reopened.runs(RunFilter()).count == 2)
    }

    /// Series whose sub-runs differ from the run's usual ones, or that have one sub-run, come back too.
    static func subRunLayouts(_ backend: Backend) throws {
        let fixture = try StoreFixture(backend)
        let store = try fixture.open()
        let series = [
            DatasetBuilder.series("a", runs: [[1, 2], [3]], runIDs: ["f1", "f2"]),
            DatasetBuilder.series("b", runs: [[4, 5, 6]], runIDs: ["f1"]),
            DatasetBuilder.series("c", runs: [[7], [8]], runIDs: ["f1", "f2"]),
            DatasetBuilder.series("d", runs: [[9], [10], [11]], runIDs: ["g1", "g2", "g3"]),
        ]
        let label = DatasetBuilder.label("c1", series)
        _ = try store.record(StoreFixture.info("c1", time: 1), label: label, replace: false)
        let loaded = try store.labels(for: try store.runs(RunFilter()))
        #expect(loaded[0].series.map { $0.runs.map(\.id) } == series.map { $0.runs.map(\.id) })
        #expect(loaded[0].series.map { $0.runs.map(\.values) } == series.map { $0.runs.map(\.values) })
    }

    /// Filters by branch, machine, time and count; points in run order with centres.
    static func filtersAndPoints(_ backend: Backend) throws {
        let fixture = try StoreFixture(backend)
        let store = try fixture.open()
        for (index, (branch, machine)) in [("main", "m1"), ("main", "m2"), ("pr", "m1"), ("main", "m1")].enumerated() {
            _ = try store.record(
                StoreFixture.info("c\(index)", time: Double(index), branch: branch, machine: machine),
                label: StoreFixture.label("c\(index)", scale: Double(index + 1)), replace: false)
        }
        #expect(try store.runs(RunFilter(branch: "main")).map(\.info.commit) == ["c0", "c1", "c3"])
        #expect(try store.runs(RunFilter(branch: "main", machine: "m1")).map(\.info.commit) == ["c0", "c3"])
        #expect(try store.runs(RunFilter(last: 2)).map(\.info.commit) == ["c2", "c3"])
        #expect(try store.runs(RunFilter(since: 2)).map(\.info.commit) == ["c2", "c3"])
        let runs = try store.runs(RunFilter(branch: "main", machine: "m1"))
        let series = try store.series()
        #expect(series.count == 3)
        let points = try store.points(seriesIDs: nil, runIDs: runs.map(\.id))
        let first = try #require(points[series[0].id])
        #expect(first.map(\.runID) == runs.map(\.id))
        // Centre: the geometric mean of the five samples.
        let values = [100.0, 101, 99, 102, 98].map { $0 * 1e-9 }
        let geometric = exp(values.map { log($0) }.reduce(0, +) / 5)
        #expect(abs(first[0].centre - geometric) <= 1e-12 * geometric)
        #expect(abs(first[1].centre - 4 * geometric) <= 1e-12 * geometric)
        #expect(first[0].count == 5 && first[0].logSpread != nil)
    }

    /// Each run's centres (`runCentres`, what `analyze --history` reads) are the points' centres and
    /// mean logs, bit for bit, in the order asked for; a replaced run's centres are replaced.
    static func runCentres(_ backend: Backend) throws {
        let fixture = try StoreFixture(backend)
        let store = try fixture.open()
        for index in 0..<3 {
            _ = try store.record(
                StoreFixture.info("c\(index)", time: Double(index)),
                label: StoreFixture.label("c\(index)", scale: Double(index + 1), benchmarks: 4), replace: false)
        }
        try checkCentresMatchPoints(store)
        _ = try store.record(
            StoreFixture.info("c1", time: 1), label: StoreFixture.label("c1", scale: 7, benchmarks: 2), replace: true)
        try checkCentresMatchPoints(store)
        let runs = try store.runs(RunFilter())
        #expect(try store.runCentres(runIDs: runs.map(\.id)).map(\.seriesIDs.count) == [4, 2, 4])
    }

    /// A store written by schema version 1 (no `run_centres`): read from `measurements`, the same
    /// centres; the next `record` migrates it to version 2 and both kinds of run read alike.
    static func versionOneStore(_ backend: Backend) throws {
        let fixture = try StoreFixture(backend)
        let store = try fixture.open()
        for index in 0..<2 {
            _ = try store.record(
                StoreFixture.info("c\(index)", time: Double(index)),
                label: StoreFixture.label("c\(index)", scale: Double(index + 1)), replace: false)
        }
        let raw = try fixture.rawConnection()
        try raw.execute("DROP TABLE run_centres")
        try raw.run("DELETE FROM schema_version WHERE version = ?", [.integer(2)])
        let old = try fixture.open(create: false)
        #expect(try old.schemaVersion() == 1)
        try checkCentresMatchPoints(old)
        let migrated = try fixture.open()
        #expect(try migrated.schemaVersion() == 2)
        _ = try migrated.record(
            StoreFixture.info("c2", time: 2), label: StoreFixture.label("c2", scale: 3), replace: false)
        try checkCentresMatchPoints(migrated)
    }

    /// A damaged `run_centres` row is an error that names the store, not wrong numbers.
    static func damagedCentres(_ backend: Backend) throws {
        let fixture = try StoreFixture(backend)
        let store = try fixture.open()
        let run = try store.record(StoreFixture.info("c0", time: 0), label: StoreFixture.label("c0"), replace: false)
        try fixture.rawConnection().run(
            "UPDATE run_centres SET centres = ? WHERE run_id = ?", [.blob([1, 2, 3]), .integer(run.id)])
        #expect {
            _ = try store.runCentres(runIDs: [run.id])
        } throws: { error in
            guard let error = error as? HistoryError else { return false }
            return error.description.contains(store.displayName) && error.description.contains("damaged")
        }
        // Series ids that do not decode (a varint cut short): both passes refuse them.
        try fixture.rawConnection().run(
            "UPDATE run_centres SET series_ids = ? WHERE run_id = ?", [.blob([0x80]), .integer(run.id)])
        for read in [
            { () throws -> Void in _ = try store.runSeriesIDs(runIDs: [run.id]) },
            { () throws -> Void in _ = try store.runCentres(runIDs: [run.id]) },
        ] {
            #expect {
                try read()
            } throws: { error in
                guard let error = error as? HistoryError else { return false }
                return error.description.contains(store.displayName) && error.description.contains("damaged")
                    && error.description.contains("run \(run.id)")
            }
        }
    }

    private static func checkCentresMatchPoints(_ store: any HistoryStore) throws {
        let runs = try store.runs(RunFilter())
        let ids = Array(runs.map(\.id).reversed())
        let points = try store.points(seriesIDs: nil, runIDs: ids)
        let columns = try store.runCentres(runIDs: ids)
        #expect(columns.map(\.runID) == ids)
        // The first pass of `analyze --history` gives the same series, run by run.
        #expect(try store.runSeriesIDs(runIDs: ids) == columns.map(\.seriesIDs))
        var seen = 0
        for column in columns {
            #expect(column.seriesIDs == column.seriesIDs.sorted())
            for (offset, seriesID) in column.seriesIDs.enumerated() {
                let point = try #require(points[seriesID]?.first { $0.runID == column.runID })
                #expect(column.centres[offset].bitPattern == point.centre.bitPattern)
                #expect(column.logMeans[offset].bitPattern == (point.logMean ?? .nan).bitPattern)
                seen += 1
            }
        }
        #expect(seen == points.values.reduce(0) { $0 + $1.count })
        #expect(seen > 0)
    }

    /// A commit recorded twice is refused with the store's name; --replace replaces it.
    static func duplicateCommit(_ backend: Backend) throws {
        let fixture = try StoreFixture(backend)
        let store = try fixture.open()
        _ = try store.record(StoreFixture.info("c1", time: 1), label: StoreFixture.label("c1"), replace: false)
        #expect {
            _ = try store.record(
                StoreFixture.info("c1", time: 2), label: StoreFixture.label("c1", scale: 2), replace: false)
        } throws: { error in
            guard let error = error as? HistoryError else { return false }
            return error.kind == .duplicateRun && error.description.contains("c1")
                && error.description.contains(store.displayName) && !error.description.contains("secret")
        }
        _ = try store.record(StoreFixture.info("c1", time: 3), label: StoreFixture.label("c1", scale: 2), replace: true)
        let runs = try store.runs(RunFilter())
        #expect(runs.count == 1 && runs[0].info.time == 3)
        let labels = try store.labels(for: runs)
        #expect(labels[0].series[0].runs[0].values[0] == 100 * 2 * 1e-9)
    }

    /// A benchmark recorded in seconds and then only in instructions is refused; nothing is written.
    static func unitMismatch(_ backend: Backend) throws {
        let fixture = try StoreFixture(backend)
        let store = try fixture.open()
        _ = try store.record(StoreFixture.info("c1", time: 1), label: StoreFixture.label("c1"), replace: false)
        #expect {
            _ = try store.record(
                StoreFixture.info("c2", time: 2), label: StoreFixture.label("c2", unit: "instructions"), replace: false)
        } throws: { error in
            guard let error = error as? HistoryError else { return false }
            return error.kind == .unitMismatch && error.description.contains("bench/0")
                && error.description.contains(store.displayName)
        }
        #expect(try store.runs(RunFilter()).map(\.info.commit) == ["c1"])
        #expect(try store.series().count == 3)
    }

    /// A batch is one transaction: a bad run in it leaves none of the batch behind.
    static func batchIsAtomic(_ backend: Backend) throws {
        let fixture = try StoreFixture(backend)
        let store = try fixture.open()
        let batch: [(info: RunInfo, label: LabelData)] = [
            (StoreFixture.info("a", time: 1), StoreFixture.label("a")),
            (StoreFixture.info("b", time: 2), StoreFixture.label("b", benchmarks: 5)),
            (StoreFixture.info("c", time: 3), StoreFixture.label("c", unit: "instructions")),
        ]
        #expect(throws: HistoryError.self) { _ = try store.record(batch, replace: false) }
        #expect(try store.runs(RunFilter()).isEmpty)
        #expect(try store.series().isEmpty)
    }

    /// Writers at once (each its own connection) all land.
    static func concurrentRecords(_ backend: Backend) throws {
        let fixture = try StoreFixture(backend)
        _ = try fixture.open()  // the schema
        let writers = 4
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: writers) { index in
            do {
                let store = try fixture.open()
                // New benchmarks in every writer: they race to create the same series rows too.
                _ = try store.record(
                    StoreFixture.info("w\(index)", time: Double(index)),
                    label: StoreFixture.label("w\(index)", benchmarks: 50),
                    replace: false)
            } catch {
                errors.add("\(error)")
            }
        }
        #expect(errors.all.isEmpty)
        let store = try fixture.open()
        #expect(try store.runs(RunFilter()).count == writers)
        #expect(try store.series().count == 50)
        let runs = try store.runs(RunFilter())
        #expect(try store.labels(for: runs).allSatisfy { $0.series.count == 50 })
    }

    /// A store whose schema is newer than this binary is refused, for reading and writing.
    static func newerSchema(_ backend: Backend) throws {
        let fixture = try StoreFixture(backend)
        _ = try fixture.open()
        try fixture.rawConnection().run("INSERT INTO schema_version (version) VALUES (?)", [.integer(99)])
        for create in [false, true] {
            #expect {
                _ = try fixture.open(create: create)
            } throws: { error in
                guard let error = error as? HistoryError else { return false }
                return error.kind == .newerSchema && error.description.contains("99")
            }
        }
    }

    /// An empty store (nothing recorded yet) is not silently created by a read.
    static func readWithoutSchema(_ backend: Backend) throws {
        let fixture = try StoreFixture(backend)
        #expect {
            _ = try fixture.open(create: false)
        } throws: { error in
            guard let error = error as? HistoryError else { return false }
            return error.kind == .missing || error.kind == .notADatabase
        }
    }
}

final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [String] = []
    func add(_ error: String) {
        lock.lock()
        errors.append(error)
        lock.unlock()
    }
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return errors
    }
}

@Suite("History store contract on SQLite")
struct SQLiteStoreTests {
    @Test func roundTrip() throws { try StoreContract.roundTrip(.sqlite) }
    @Test func subRunLayouts() throws { try StoreContract.subRunLayouts(.sqlite) }
    @Test func filtersAndPoints() throws { try StoreContract.filtersAndPoints(.sqlite) }
    @Test func duplicateCommit() throws { try StoreContract.duplicateCommit(.sqlite) }
    @Test func unitMismatch() throws { try StoreContract.unitMismatch(.sqlite) }
    @Test func batchIsAtomic() throws { try StoreContract.batchIsAtomic(.sqlite) }
    @Test func concurrentRecords() throws { try StoreContract.concurrentRecords(.sqlite) }
    @Test func newerSchema() throws { try StoreContract.newerSchema(.sqlite) }
    @Test func readWithoutSchema() throws { try StoreContract.readWithoutSchema(.sqlite) }
    @Test func runCentres() throws { try StoreContract.runCentres(.sqlite) }
    @Test func versionOneStore() throws { try StoreContract.versionOneStore(.sqlite) }
    @Test func damagedCentres() throws { try StoreContract.damagedCentres(.sqlite) }
}

@Suite(
    "History store contract on PostgreSQL",
    .enabled(if: Backend.postgresURL != nil, Comment(rawValue: "skipped: \(Backend.postgresSkipReason)")))
struct PostgresStoreTests {
    @Test func roundTrip() throws { try StoreContract.roundTrip(.postgres) }
    @Test func subRunLayouts() throws { try StoreContract.subRunLayouts(.postgres) }
    @Test func filtersAndPoints() throws { try StoreContract.filtersAndPoints(.postgres) }
    @Test func duplicateCommit() throws { try StoreContract.duplicateCommit(.postgres) }
    @Test func unitMismatch() throws { try StoreContract.unitMismatch(.postgres) }
    @Test func batchIsAtomic() throws { try StoreContract.batchIsAtomic(.postgres) }
    @Test func concurrentRecords() throws { try StoreContract.concurrentRecords(.postgres) }
    @Test func newerSchema() throws { try StoreContract.newerSchema(.postgres) }
    @Test func readWithoutSchema() throws { try StoreContract.readWithoutSchema(.postgres) }
    @Test func runCentres() throws { try StoreContract.runCentres(.postgres) }
    @Test func versionOneStore() throws { try StoreContract.versionOneStore(.postgres) }
    @Test func damagedCentres() throws { try StoreContract.damagedCentres(.postgres) }
}

@Suite("PostgreSQL availability")
struct PostgresAvailabilityTests {
    /// Makes a skip visible in the test log (and passes): the PostgreSQL suite above is then skipped
    /// with the same reason.
    @Test("the PostgreSQL store tests run, or the reason they are skipped is printed")
    func reportAvailability() {
        if let url = Backend.postgresURL {
            print("PostgreSQL store tests run against \(ConnectionURL.redacted(url))")
        } else {
            print("skipped: PostgreSQL store tests: \(Backend.postgresSkipReason)")
        }
    }
}
