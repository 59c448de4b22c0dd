import BenchmarkModel
import Foundation

/// The history store over any `SQLConnection`: the schema, its migrations, and every read and write.
///
/// What is kept per recorded run and series (schema version 2):
/// - `runs`: commit, branch, machine, time, when recorded, counts;
/// - `run_files` and `run_environment`: each input file's path, format and `key: value` metadata;
/// - `series`: one row per (benchmark, base unit), shared by all runs (names are stored once);
/// - `measurements`: per run and series, the sample count, centre (geometric mean), mean and standard
///   deviation of the logs — what `show`, `changes` and `analyze --history` read, clustered by run;
/// - `samples`: every sample as a little-endian array of doubles, with the names and sizes of the
///   run's sub-runs (files), keyed by run × 2³² + series (no index beyond the key) — what `export`
///   and `labels(for:)` read;
/// - `run_centres` (version 2): per run, the series ids (delta-coded), centres and mean logs of
///   `measurements` as three packed arrays in one row — what `analyze --history` reads: 30 rows instead of 600,000 for
///   the last 30 runs of 20,000 benchmarks. A run recorded by version 1 has none; it is read from
///   `measurements`.
final class SQLHistoryStore: HistoryStore {
    /// The newest schema version this binary knows.
    static let schemaVersion = 2

    private let connection: any SQLConnection
    var displayName: String { connection.displayName }

    /// Opens the store on `connection`. A reader (`migrate == false`) writes nothing and needs a
    /// benchstat history of a known version; a writer accepts an empty database too, and only once
    /// it has checked that the database is its own (or empty) does it write: write-ahead logging,
    /// then the schema, created or upgraded in a transaction.
    init(connection: any SQLConnection, migrate: Bool) throws(HistoryError) {
        self.connection = connection
        let version = try currentVersion()
        try checkKnown(version)
        if version == 0 {
            if !migrate {
                throw HistoryError(
                    .notADatabase, store: displayName,
                    "is not a benchstat history (no schema_version table; `benchstat history record` creates one)")
            }
            try refuseForeignTables()
        }
        if migrate {
            try connection.prepareForWriting()
            try connection.inWriteTransaction { () throws(HistoryError) in try self.migrate() }
        }
    }

    /// Refuses a SQLite database that holds tables but no benchstat schema (another program's).
    private func refuseForeignTables() throws(HistoryError) {
        if connection.dialect == .sqlite,
            (try connection.scalarInteger("SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0) > 0
        {
            throw HistoryError(
                .notADatabase, store: displayName, "is a SQLite database of something else, not a benchstat history")
        }
    }

    // MARK: Schema

    /// Statements of each migration: index 0 takes an empty database to version 1.
    private func migrations() -> [[String]] {
        let d = connection.dialect
        return [
            [
                "CREATE TABLE schema_version (version \(d.integer) NOT NULL)",
                """
                CREATE TABLE runs (id \(d.serialKey), commit_sha TEXT NOT NULL, branch TEXT NOT NULL, \
                machine TEXT NOT NULL, run_time \(d.double) NOT NULL, recorded_at \(d.double) NOT NULL, \
                series_count \(d.integer) NOT NULL, sample_count \(d.integer) NOT NULL, sub_runs TEXT NOT NULL, \
                UNIQUE (commit_sha, branch, machine))
                """,
                "CREATE INDEX runs_by_branch_machine_time ON runs (branch, machine, run_time)",
                """
                CREATE TABLE run_files (run_id \(d.integer) NOT NULL REFERENCES runs (id), \
                position \(d.integer) NOT NULL, path TEXT NOT NULL, format TEXT NOT NULL, \
                PRIMARY KEY (run_id, position))\(d.clustered)
                """,
                """
                CREATE TABLE run_environment (run_id \(d.integer) NOT NULL REFERENCES runs (id), \
                file_position \(d.integer) NOT NULL, position \(d.integer) NOT NULL, key TEXT NOT NULL, \
                value TEXT NOT NULL, PRIMARY KEY (run_id, file_position, position))\(d.clustered)
                """,
                """
                CREATE TABLE series (id \(d.serialKey), name TEXT NOT NULL, base_unit TEXT NOT NULL, \
                unit TEXT NOT NULL, mode TEXT NOT NULL, UNIQUE (name, base_unit))
                """,
                """
                CREATE TABLE measurements (run_id \(d.integer) NOT NULL REFERENCES runs (id), \
                series_id \(d.integer) NOT NULL REFERENCES series (id), sample_count \(d.integer) NOT NULL, \
                centre \(d.double) NOT NULL, log_mean \(d.double), log_spread \(d.double), \
                PRIMARY KEY (run_id, series_id))\(d.clustered)
                """,
                """
                CREATE TABLE samples (key \(d.dialect64Key), run_names TEXT, run_sizes \(d.blob), \
                "values" \(d.blob) NOT NULL)
                """,
            ],
            [
                """
                CREATE TABLE run_centres (run_id \(d.integer) NOT NULL PRIMARY KEY REFERENCES runs (id), \
                series_ids \(d.blob) NOT NULL, centres \(d.blob) NOT NULL, log_means \(d.blob) NOT NULL)
                """
            ],
        ]
    }

    private func tableExists(_ name: String) throws(HistoryError) -> Bool {
        let sql =
            connection.dialect == .sqlite
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"
            : "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
        return (try connection.scalarInteger(sql, [.text(name)]) ?? 0) > 0
    }

    private func currentVersion() throws(HistoryError) -> Int {
        guard try tableExists("schema_version") else { return 0 }
        return Int(try connection.scalarInteger("SELECT max(version) FROM schema_version") ?? 0)
    }

    private func checkKnown(_ version: Int) throws(HistoryError) {
        if version > Self.schemaVersion {
            throw HistoryError(
                .newerSchema, store: displayName,
                "the history has schema version \(version), newer than this benchstat knows (\(Self.schemaVersion)); "
                    + "upgrade benchstat")
        }
    }

    private func migrate() throws(HistoryError) {
        if connection.dialect == .postgres {
            // Two first records at once: one creates the schema, the other waits and sees it.
            try connection.run("SELECT pg_advisory_xact_lock(7220141414)")
        }
        // Read again inside the transaction (and, on PostgreSQL, the lock): another writer may have
        // created or upgraded the schema since `init` looked.
        let version = try currentVersion()
        try checkKnown(version)
        if version == 0 { try refuseForeignTables() }
        guard version < Self.schemaVersion else { return }
        let steps = migrations()
        for next in (version + 1)...max(Self.schemaVersion, version + 1) where next <= Self.schemaVersion {
            for statement in steps[next - 1] { try connection.execute(statement) }
            try connection.run("INSERT INTO schema_version (version) VALUES (?)", [.integer(Int64(next))])
        }
    }

    func schemaVersion() throws(HistoryError) -> Int { try currentVersion() }

    // MARK: Recording

    func record(_ batch: [(info: RunInfo, label: LabelData)], replace: Bool) throws(HistoryError) -> [StoredRun] {
        for (info, label) in batch where label.series.isEmpty {
            throw HistoryError(
                .invalidInput, store: displayName, "the run of commit \(info.commit) holds no benchmark samples")
        }
        return try connection.inWriteTransaction { () throws(HistoryError) -> [StoredRun] in
            var stored: [StoredRun] = []
            for (info, label) in batch {
                stored.append(try recordInTransaction(info, label: label, replace: replace))
            }
            return stored
        }
    }

    private func recordInTransaction(_ info: RunInfo, label: LabelData, replace: Bool) throws(HistoryError)
        -> StoredRun
    {
        if let existing = try connection.scalarInteger(
            "SELECT id FROM runs WHERE commit_sha = ? AND branch = ? AND machine = ?",
            [.text(info.commit), .text(info.branch), .text(info.machine)])
        {
            guard replace else {
                throw HistoryError(
                    .duplicateRun, store: displayName,
                    "commit \(info.commit) is already recorded for branch \(info.branch) on machine \(info.machine) "
                        + "(pass --replace to replace it)")
            }
            try connection.run(
                "DELETE FROM samples WHERE key >= ? AND key < ?",
                [.integer(existing << 32), .integer((existing + 1) << 32)])
            for table in ["run_centres", "measurements", "run_environment", "run_files"] {
                try connection.run("DELETE FROM \(table) WHERE run_id = ?", [.integer(existing)])
            }
            try connection.run("DELETE FROM runs WHERE id = ?", [.integer(existing)])
        }
        var ids = try seriesIDs(for: label)
        let missing = label.series.filter { ids[Key($0)] == nil }
        if !missing.isEmpty {
            if connection.dialect == .postgres {
                // Concurrent records of new benchmarks: one inserts them, the other then sees them.
                try connection.execute("LOCK TABLE series IN SHARE ROW EXCLUSIVE MODE")
                ids = try seriesIDs(for: label)
            }
            var seen = Set<Key>()
            let rows: [[SQLValue]] = label.series.compactMap { series in
                let key = Key(series)
                guard ids[key] == nil, seen.insert(key).inserted else { return nil }
                return [
                    .text(series.benchmark.name), .text(series.unit.baseUnit), .text(series.unit.written),
                    .text(series.mode.rawValue),
                ]
            }
            try connection.insertRows(table: "series", columns: ["name", "base_unit", "unit", "mode"], rows: rows)
            ids = try seriesIDs(for: label)
        }
        let sampleCount = label.series.reduce(0) { $0 + $1.sampleCount }
        // The sub-run names most series share (usually all: one per input file) are stored once, with
        // the run; a series stores its own names only when they differ, and its sizes only when it has
        // more than one sub-run.
        var nameCounts: [String: Int] = [:]
        for series in label.series { nameCounts[SampleCodec.joinNames(series.runs.map(\.id)), default: 0] += 1 }
        let defaultSubRuns = nameCounts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
        var runID: Int64?
        try connection.query(
            """
            INSERT INTO runs (commit_sha, branch, machine, run_time, recorded_at, series_count, sample_count, \
            sub_runs) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """,
            [
                .text(info.commit), .text(info.branch), .text(info.machine), .real(info.time),
                .real(Date().timeIntervalSince1970), .integer(Int64(label.series.count)), .integer(Int64(sampleCount)),
                .text(defaultSubRuns),
            ]
        ) { row throws(HistoryError) in runID = row.integer(0) }
        guard let runID else { throw HistoryError(.engine, store: displayName, "the new run got no id") }
        if let pause = ProcessInfo.processInfo.environment["BENCHSTAT_HISTORY_TEST_PAUSE_MS"], let ms = Int(pause) {
            // Test hook: hold the transaction open so a test can kill `record` in the middle of it.
            Thread.sleep(forTimeInterval: Double(ms) / 1000)
        }
        var fileRows: [[SQLValue]] = []
        var environmentRows: [[SQLValue]] = []
        for (position, file) in label.files.enumerated() {
            fileRows.append([.integer(runID), .integer(Int64(position)), .text(file.path), .text(file.format)])
            for (entry, pair) in file.entries.enumerated() {
                environmentRows.append([
                    .integer(runID), .integer(Int64(position)), .integer(Int64(entry)), .text(pair.key),
                    .text(pair.value),
                ])
            }
        }
        try connection.insertRows(
            table: "run_files", columns: ["run_id", "position", "path", "format"], rows: fileRows)
        try connection.insertRows(
            table: "run_environment", columns: ["run_id", "file_position", "position", "key", "value"],
            rows: environmentRows)
        var measurementRows: [[SQLValue]] = []
        var sampleRows: [[SQLValue]] = []
        measurementRows.reserveCapacity(label.series.count)
        sampleRows.reserveCapacity(label.series.count)
        var written = Set<Int64>()
        var centres = (ids: [Int64](), centres: [Double](), logMeans: [Double]())
        for series in label.series {
            guard let seriesID = ids[Key(series)], written.insert(seriesID).inserted else { continue }
            let summary = RunSummary(series.allValues)
            centres.ids.append(seriesID)
            centres.centres.append(summary.centre)
            centres.logMeans.append(summary.logMean ?? .nan)
            measurementRows.append([
                .integer(runID), .integer(seriesID), .integer(Int64(summary.count)), .real(summary.centre),
                summary.logMean.map { .real($0) } ?? .null, summary.logSpread.map { .real($0) } ?? .null,
            ])
            sampleRows.append([
                .integer(runID << 32 | seriesID),
                SampleCodec.joinNames(series.runs.map(\.id)) == defaultSubRuns
                    ? .null : .text(SampleCodec.joinNames(series.runs.map(\.id))),
                series.runs.count == 1 ? .null : .blob(SampleCodec.encodeSizes(series.runs.map(\.values.count))),
                .blob(SampleCodec.encode(series.allValues)),
            ])
        }
        try connection.insertRows(
            table: "measurements",
            columns: ["run_id", "series_id", "sample_count", "centre", "log_mean", "log_spread"],
            rows: measurementRows)
        try connection.insertRows(
            table: "samples", columns: ["key", "run_names", "run_sizes", "\"values\""],
            rows: sampleRows)
        try connection.insertRows(
            table: "run_centres", columns: ["run_id", "series_ids", "centres", "log_means"],
            rows: [
                [
                    .integer(runID), .blob(SampleCodec.encodeIDs(centres.ids)),
                    .blob(SampleCodec.encode(centres.centres)),
                    .blob(SampleCodec.encode(centres.logMeans)),
                ]
            ])
        return StoredRun(
            id: runID, info: info, recordedAt: Date().timeIntervalSince1970, seriesCount: written.count,
            sampleCount: sampleCount)
    }

    private struct Key: Hashable {
        let name: String
        let baseUnit: String
        init(_ series: BenchmarkSeries) {
            name = series.benchmark.name
            baseUnit = series.unit.baseUnit
        }
        init(name: String, baseUnit: String) {
            self.name = name
            self.baseUnit = baseUnit
        }
    }

    /// The ids of the stored series of `label`, after checking that its units agree with the store:
    /// a benchmark stored in some units and recorded now only in others (instructions → seconds), or
    /// in the same unit with another mode, is refused.
    private func seriesIDs(for label: LabelData) throws(HistoryError) -> [Key: Int64] {
        var stored: [String: [(baseUnit: String, mode: String, id: Int64)]] = [:]
        let wanted = Set(label.series.map(\.benchmark.name))
        for series in try series() where wanted.contains(series.name) {
            stored[series.name, default: []].append((series.baseUnit, series.mode.rawValue, series.id))
        }
        var unitsByName: [String: [BenchmarkSeries]] = [:]
        var names: [String] = []  // first-seen order, so that the first offending benchmark is named
        for series in label.series {
            if unitsByName[series.benchmark.name] == nil { names.append(series.benchmark.name) }
            unitsByName[series.benchmark.name, default: []].append(series)
        }
        var ids: [Key: Int64] = [:]
        for name in names {
            guard let known = stored[name], let recorded = unitsByName[name] else { continue }
            let knownUnits = Set(known.map(\.baseUnit))
            if knownUnits.isDisjoint(with: recorded.map(\.unit.baseUnit)) {
                throw HistoryError(
                    .unitMismatch, store: displayName,
                    "benchmark \(name) is stored in \(knownUnits.sorted().joined(separator: ", ")), but this run "
                        + "has it in \(Set(recorded.map(\.unit.baseUnit)).sorted().joined(separator: ", ")); "
                        + "rename the benchmark or use another store")
            }
            for series in recorded {
                guard let match = known.first(where: { $0.baseUnit == series.unit.baseUnit }) else { continue }
                if match.mode != series.mode.rawValue {
                    throw HistoryError(
                        .unitMismatch, store: displayName,
                        "benchmark \(name) in \(series.unit.baseUnit) is stored as \(match.mode), but this run "
                            + "measures it as \(series.mode.rawValue)")
                }
                ids[Key(series)] = match.id
            }
        }
        return ids
    }

    // MARK: Reading

    func runs(_ filter: RunFilter) throws(HistoryError) -> [StoredRun] {
        var conditions: [String] = []
        var parameters: [SQLValue] = []
        if let branch = filter.branch {
            conditions.append("branch = ?")
            parameters.append(.text(branch))
        }
        if let machine = filter.machine {
            conditions.append("machine = ?")
            parameters.append(.text(machine))
        }
        if let since = filter.since {
            conditions.append("run_time >= ?")
            parameters.append(.real(since))
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        var sql = """
            SELECT id, commit_sha, branch, machine, run_time, recorded_at, series_count, sample_count FROM runs\
            \(whereClause) ORDER BY run_time DESC, id DESC
            """
        if let last = filter.last {
            sql += " LIMIT ?"
            parameters.append(.integer(Int64(max(0, last))))
        }
        var result: [StoredRun] = []
        try connection.query(sql, parameters) { row throws(HistoryError) in
            // A run's id is the high half of its samples' keys (`id << 32 | series`): one outside
            // 1 ..< 2³¹ was not written by benchstat, and would overflow those keys.
            guard row.integer(0) >= 0, row.integer(0) < 1 << 31 else {
                throw HistoryError(
                    .notADatabase, store: displayName,
                    "run id \(row.integer(0)) is out of range: the store is damaged or was not written by benchstat")
            }
            result.append(
                StoredRun(
                    id: row.integer(0),
                    info: RunInfo(
                        commit: row.text(1), branch: row.text(2), machine: row.text(3), time: row.real(4) ?? 0),
                    recordedAt: row.real(5) ?? 0, seriesCount: Int(row.integer(6)), sampleCount: Int(row.integer(7))))
        }
        return result.reversed()
    }

    func series() throws(HistoryError) -> [StoredSeries] {
        var result: [StoredSeries] = []
        try connection.query("SELECT id, name, unit, base_unit, mode FROM series ORDER BY id", []) {
            row throws(HistoryError) in
            result.append(
                StoredSeries(
                    id: row.integer(0), name: row.text(1), unit: row.text(2), baseUnit: row.text(3),
                    mode: MeasurementMode(rawValue: row.text(4)) ?? .walltime))
        }
        return result
    }

    func points(seriesIDs: Set<Int64>?, runIDs: [Int64]) throws(HistoryError) -> [Int64: [SeriesPoint]] {
        guard !runIDs.isEmpty else { return [:] }
        var order: [Int64: Int] = [:]
        for (position, id) in runIDs.enumerated() { order[id] = position }
        var slot: [Int64: Int] = [:]  // series id → index into `collected`
        var collected: [(id: Int64, positions: [Int], points: [SeriesPoint])] = []
        var sql = "SELECT series_id, run_id, sample_count, centre, log_mean, log_spread FROM measurements"
        var parameters: [SQLValue] = []
        var conditions: [String] = []
        // By run through the clustered key when the runs are a part of the store; a full scan otherwise.
        if runIDs.count <= 500 {
            conditions.append("run_id IN (" + Array(repeating: "?", count: runIDs.count).joined(separator: ", ") + ")")
            parameters += runIDs.map { .integer($0) }
        }
        if let seriesIDs, seriesIDs.count == 1, let only = seriesIDs.first {
            conditions.append("series_id = ?")
            parameters.append(.integer(only))
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        try connection.query(sql, parameters) { row throws(HistoryError) in
            let runID = row.integer(1)
            guard let position = order[runID] else { return }
            let seriesID = row.integer(0)
            if let seriesIDs, !seriesIDs.contains(seriesID) { return }
            let point = SeriesPoint(
                runID: runID, count: Int(row.integer(2)), centre: row.real(3) ?? .nan, logMean: row.real(4),
                logSpread: row.real(5))
            let index: Int
            if let known = slot[seriesID] {
                index = known
            } else {
                index = collected.count
                slot[seriesID] = index
                collected.append((seriesID, [], []))
            }
            collected[index].positions.append(position)
            collected[index].points.append(point)
        }
        var result: [Int64: [SeriesPoint]] = [:]
        result.reserveCapacity(collected.count)
        for entry in collected {
            // Rows come in run-id order, which is time order unless times were given out of order.
            if zip(entry.positions, entry.positions.dropFirst()).allSatisfy({ $0 < $1 }) {
                result[entry.id] = entry.points
            } else {
                result[entry.id] = zip(entry.positions, entry.points).sorted { $0.0 < $1.0 }.map(\.1)
            }
        }
        return result
    }

    func runSeriesIDs(runIDs: [Int64]) throws(HistoryError) -> [[Int64]] {
        guard !runIDs.isEmpty else { return [] }
        var found: [Int64: [Int64]] = [:]
        if try currentVersion() >= 2 {
            var decoder = SeriesIDsDecoder()
            try queryRunCentres("run_id, series_ids", runIDs: runIDs) { row throws(HistoryError) in
                let runID = row.integer(0)
                guard let seriesIDs = row.withBlob(1, { decoder.decode($0) }) else {
                    throw HistoryError(
                        .engine, store: displayName, "run \(runID)'s series ids are damaged (they do not decode)")
                }
                found[runID] = seriesIDs
            }
        }
        let older = runIDs.filter { found[$0] == nil }
        if !older.isEmpty {
            for (runID, run) in try olderRunCentres(runIDs: older) { found[runID] = run.seriesIDs }
        }
        return runIDs.map { found[$0] ?? [] }
    }

    func forEachRunCentres(
        runIDs: [Int64], _ body: (RunCentres) throws(HistoryError) -> Void
    ) throws(HistoryError) {
        guard !runIDs.isEmpty else { return }
        let readsCentres = try currentVersion() >= 2
        // Runs recorded by schema version 1 have no `run_centres` row: they are read from
        // `measurements`, all at once (old stores only).
        var withCentres = Set<Int64>()
        if readsCentres {
            try queryRunCentres("run_id", runIDs: runIDs) { row throws(HistoryError) in
                withCentres.insert(row.integer(0))
            }
        }
        let olderIDs = runIDs.filter { !withCentres.contains($0) }
        let older = olderIDs.isEmpty ? [:] : try olderRunCentres(runIDs: olderIDs)
        var decoder = SeriesIDsDecoder()
        let sql = "SELECT series_ids, centres, log_means FROM run_centres WHERE run_id = ?"
        for runID in runIDs {
            var read: RunCentres? = older[runID]
            if withCentres.contains(runID) {
                try connection.query(sql, [.integer(runID)]) { row throws(HistoryError) in
                    let centres = row.withBlob(1, SampleCodec.decode)
                    let logMeans = row.withBlob(2, SampleCodec.decode)
                    guard let seriesIDs = row.withBlob(0, { decoder.decode($0) }), centres.count == seriesIDs.count,
                        logMeans.count == seriesIDs.count
                    else {
                        throw HistoryError(
                            .engine, store: displayName,
                            "run \(runID)'s centres are damaged (\(centres.count) centres, \(logMeans.count) mean logs, "
                                + "series ids that do not decode to as many)")
                    }
                    read = RunCentres(runID: runID, seriesIDs: seriesIDs, centres: centres, logMeans: logMeans)
                }
            }
            try body(read ?? RunCentres(runID: runID, seriesIDs: [], centres: [], logMeans: []))
        }
    }

    /// `SELECT columns FROM run_centres` for the runs of `runIDs`, 500 at a time (a bound well
    /// below SQLite's on a statement's parameters), each row handed to `body`.
    private func queryRunCentres(
        _ columns: String, runIDs: [Int64], _ body: (any SQLRow) throws(HistoryError) -> Void
    ) throws(HistoryError) {
        for chunk in stride(from: 0, to: runIDs.count, by: 500) {
            let ids = runIDs[chunk..<min(chunk + 500, runIDs.count)]
            let sql =
                "SELECT \(columns) FROM run_centres WHERE run_id IN ("
                + Array(repeating: "?", count: ids.count).joined(separator: ", ") + ")"
            try connection.query(sql, ids.map { .integer($0) }, row: body)
        }
    }

    /// The centres of the runs among `runIDs` that have a `measurements` row (every run; those of
    /// schema version 2 are read from `run_centres` instead), built from `measurements`.
    private func olderRunCentres(runIDs: [Int64]) throws(HistoryError) -> [Int64: RunCentres] {
        var columns: [Int64: (ids: [Int64], centres: [Double], logMeans: [Double])] = [:]
        for (seriesID, points) in try self.points(seriesIDs: nil, runIDs: runIDs).sorted(by: { $0.key < $1.key }) {
            for point in points {
                columns[point.runID, default: ([], [], [])].ids.append(seriesID)
                columns[point.runID, default: ([], [], [])].centres.append(point.centre)
                columns[point.runID, default: ([], [], [])].logMeans.append(point.logMean ?? .nan)
            }
        }
        var found: [Int64: RunCentres] = [:]
        for (runID, column) in columns {
            found[runID] = RunCentres(
                runID: runID, seriesIDs: column.ids, centres: column.centres, logMeans: column.logMeans)
        }
        return found
    }

    func labels(for runs: [StoredRun]) throws(HistoryError) -> [LabelData] {
        guard !runs.isEmpty else { return [] }
        let allSeries = try series()
        var byID: [Int64: StoredSeries] = [:]
        for series in allSeries { byID[series.id] = series }
        var units: [Int64: MeasurementUnit] = [:]
        var labels: [Int64: [BenchmarkSeries]] = [:]
        let sql = """
            SELECT key, run_names, run_sizes, "values" FROM samples WHERE key >= ? AND key < ? ORDER BY key
            """
        let commits = Dictionary(runs.map { ($0.id, $0.info.commit) }, uniquingKeysWith: { first, _ in first })
        var decodeError: HistoryError?
        for run in runs {
            let defaultNames =
                try connection.scalarText("SELECT sub_runs FROM runs WHERE id = ?", [.integer(run.id)]) ?? ""
            try connection.query(sql, [.integer(run.id << 32), .integer((run.id + 1) << 32)]) {
                row throws(HistoryError) in
                let runID = row.integer(0) >> 32
                let seriesID = row.integer(0) & 0xFFFF_FFFF
                guard let stored = byID[seriesID] else { return }
                let unit = units[seriesID] ?? stored.measurementUnit
                units[seriesID] = unit
                let values = SampleCodec.decode(row.blob(3))
                let names = SampleCodec.splitNames(row.isNull(1) ? defaultNames : row.text(1))
                let sizes = row.isNull(2) ? [values.count] : SampleCodec.decodeSizes(row.blob(2))
                guard sizes.count == names.count, sizes.reduce(0, +) == values.count else {
                    decodeError = HistoryError(
                        .notADatabase, store: displayName, "the samples of \(stored.name) in run \(runID) are damaged")
                    return
                }
                let source = SourceLocation(file: "\(displayName)#\(commits[runID] ?? String(runID))")
                var offset = 0
                var benchmarkRuns: [BenchmarkRun] = []
                for (name, size) in zip(names, sizes) {
                    benchmarkRuns.append(
                        BenchmarkRun(id: name, values: Array(values[offset..<offset + size]), source: source))
                    offset += size
                }
                labels[runID, default: []].append(
                    BenchmarkSeries(
                        benchmark: BenchmarkIdentity(name: stored.name), unit: unit, mode: stored.mode,
                        runs: benchmarkRuns))
            }
        }
        if let decodeError { throw decodeError }
        let files = try fileMetadata(for: runs.map(\.id))
        return runs.map { run in
            LabelData(label: run.info.commit, series: labels[run.id] ?? [], files: files[run.id] ?? [])
        }
    }

    private func fileMetadata(for runIDs: [Int64]) throws(HistoryError) -> [Int64: [FileMetadata]] {
        guard !runIDs.isEmpty else { return [:] }
        let placeholders = Array(repeating: "?", count: runIDs.count).joined(separator: ", ")
        var entries: [Int64: [Int64: [KeyValue]]] = [:]
        try connection.query(
            "SELECT run_id, file_position, key, value FROM run_environment WHERE run_id IN (\(placeholders)) "
                + "ORDER BY run_id, file_position, position", runIDs.map { .integer($0) }
        ) { row throws(HistoryError) in
            entries[row.integer(0), default: [:]][row.integer(1), default: []].append(
                KeyValue(row.text(2), row.text(3)))
        }
        var files: [Int64: [FileMetadata]] = [:]
        try connection.query(
            "SELECT run_id, position, path, format FROM run_files WHERE run_id IN (\(placeholders)) "
                + "ORDER BY run_id, position", runIDs.map { .integer($0) }
        ) { row throws(HistoryError) in
            let runID = row.integer(0)
            files[runID, default: []].append(
                FileMetadata(
                    path: row.text(2), format: row.text(3), entries: entries[runID]?[row.integer(1)] ?? []))
        }
        return files
    }
}
