import BenchmarkModel

/// Where and when a run was measured: what `history record` stores beside its samples.
public struct RunInfo: Sendable, Hashable {
    /// The commit (any string; usually a SHA).
    public var commit: String
    /// The branch the commit was built on.
    public var branch: String
    /// The machine key (hostname and CPU model by default).
    public var machine: String
    /// The commit or measurement time, seconds since 1970 (orders series for `changes`).
    public var time: Double

    /// Creates run information.
    public init(commit: String, branch: String, machine: String, time: Double) {
        self.commit = commit
        self.branch = branch
        self.machine = machine
        self.time = time
    }
}

/// A recorded run.
public struct StoredRun: Sendable, Hashable {
    /// The store's id of the run.
    public let id: Int64
    /// Commit, branch, machine and time.
    public let info: RunInfo
    /// When it was recorded, seconds since 1970.
    public let recordedAt: Double
    /// How many series it holds.
    public let seriesCount: Int
    /// How many samples it holds.
    public let sampleCount: Int
}

/// A stored series: one benchmark in one base unit (the same key as the analysis uses).
public struct StoredSeries: Sendable, Hashable {
    /// The store's id of the series.
    public let id: Int64
    /// The benchmark's full name.
    public let name: String
    /// The unit as first written by an input file (values are stored in `baseUnit`).
    public let unit: String
    /// The normalised unit of the stored values.
    public let baseUnit: String
    /// The measurement mode.
    public let mode: MeasurementMode

    /// The unit as the model knows it.
    public var measurementUnit: MeasurementUnit { MeasurementUnit.parse(unit) }
}

/// One run's summary of one series: what `show` and `changes` read.
public struct SeriesPoint: Sendable, Hashable {
    /// The run.
    public let runID: Int64
    /// The number of samples.
    public let count: Int
    /// The run's centre: the geometric mean of its samples (the arithmetic mean when a sample is ≤ 0).
    public let centre: Double
    /// The mean of the natural logarithms of the samples > 0 (nil when none is): what the analysis'
    /// history noise reads of each past run.
    public let logMean: Double?
    /// The standard deviation of the samples' natural logarithms (nil for one sample or a sample ≤ 0).
    public let logSpread: Double?
}

/// One run's summary of every series, column by column: what `analyze --history` reads of a past
/// run (the change points of each series on `centres`, its noise on `logMeans`).
public struct RunCentres: Sendable, Equatable {
    /// The run.
    public let runID: Int64
    /// The series, in the store's order.
    public let seriesIDs: [Int64]
    /// Each series' centre (`SeriesPoint.centre`), parallel to `seriesIDs`.
    public let centres: [Double]
    /// Each series' mean log (`SeriesPoint.logMean`; NaN where it has none), parallel to `seriesIDs`.
    public let logMeans: [Double]

    /// A run's summaries.
    public init(runID: Int64, seriesIDs: [Int64], centres: [Double], logMeans: [Double]) {
        self.runID = runID
        self.seriesIDs = seriesIDs
        self.centres = centres
        self.logMeans = logMeans
    }
}

/// Which runs to read.
public struct RunFilter: Sendable, Hashable {
    /// Only runs of this branch.
    public var branch: String?
    /// Only runs of this machine.
    public var machine: String?
    /// Only runs at or after this time (seconds since 1970).
    public var since: Double?
    /// Only the newest `last` runs (after the other filters).
    public var last: Int?

    /// Creates a filter; nil fields do not filter.
    public init(branch: String? = nil, machine: String? = nil, since: Double? = nil, last: Int? = nil) {
        self.branch = branch
        self.machine = machine
        self.since = since
        self.last = last
    }
}

/// A durable store of benchmark runs. SQLite (one file, the default) and PostgreSQL (shared)
/// implement it with the same schema and the same behaviour (`SQLHistoryStore`).
///
/// A run is recorded in one transaction: it lands whole or not at all.
public protocol HistoryStore: AnyObject {
    /// The store as shown to users (a path, or a URL with its password redacted).
    var displayName: String { get }
    /// Records runs (every series of each label) under their `RunInfo`, all in one transaction: all
    /// land or none. A commit already recorded for the same branch and machine is refused
    /// (`.duplicateRun`) unless `replace`.
    func record(_ batch: [(info: RunInfo, label: LabelData)], replace: Bool) throws(HistoryError) -> [StoredRun]
    /// The runs that pass `filter`, oldest first (by time, then id).
    func runs(_ filter: RunFilter) throws(HistoryError) -> [StoredRun]
    /// Every stored series, by id.
    func series() throws(HistoryError) -> [StoredSeries]
    /// The per-run summaries of the series in `seriesIDs` (every series when nil), limited to
    /// `runIDs`; each list in the order of `runIDs`.
    func points(seriesIDs: Set<Int64>?, runIDs: [Int64]) throws(HistoryError) -> [Int64: [SeriesPoint]]
    /// The series each run holds, one list per run in the order of `runIDs` (empty for a run with
    /// none), as `forEachRunCentres(runIDs:_:)` hands them over: the first of `analyze --history`'s
    /// two passes. Runs that hold the same series in the same order share one array.
    func runSeriesIDs(runIDs: [Int64]) throws(HistoryError) -> [[Int64]]
    /// Each run's centre and mean log of every series it holds, one `RunCentres` per run handed to
    /// `body` in the order of `runIDs` (a run with no series gives an empty one), one run read at a
    /// time: what `analyze --history` reads, without holding every run's columns at once.
    func forEachRunCentres(runIDs: [Int64], _ body: (RunCentres) throws(HistoryError) -> Void) throws(HistoryError)
    /// The runs with every sample: one `LabelData` per run (named by its commit), as
    /// `DatasetLoader.loadHistory` returns a directory of runs.
    func labels(for runs: [StoredRun]) throws(HistoryError) -> [LabelData]
    /// The schema version of the store.
    func schemaVersion() throws(HistoryError) -> Int
}

extension HistoryStore {
    /// Every run's `RunCentres` (`forEachRunCentres(runIDs:_:)`), in the order of `runIDs`.
    public func runCentres(runIDs: [Int64]) throws(HistoryError) -> [RunCentres] {
        var runs: [RunCentres] = []
        runs.reserveCapacity(runIDs.count)
        try forEachRunCentres(runIDs: runIDs) { run throws(HistoryError) in runs.append(run) }
        return runs
    }

    /// Records one run in its own transaction.
    public func record(_ info: RunInfo, label: LabelData, replace: Bool) throws(HistoryError) -> StoredRun {
        let stored = try record([(info, label)], replace: replace)
        guard let first = stored.first else {
            throw HistoryError(.engine, store: displayName, "the run was not recorded")
        }
        return first
    }
}

/// Opens stores by location.
public enum HistoryStores {
    /// The default SQLite file, relative to the working directory.
    public static let defaultLocation = ".benchstat/history.sqlite"

    /// Opens `location`: a `postgresql://` URL, else a SQLite file. `create` makes a missing SQLite
    /// file and migrates the schema (what `record` and `import` need); reading commands pass false.
    /// `lockTimeout` bounds every wait for another writer.
    public static func open(
        _ location: String, create: Bool, lockTimeout: Duration = .seconds(10)
    ) throws(HistoryError) -> any HistoryStore {
        let connection: any SQLConnection
        if ConnectionURL.isPostgres(location) {
            connection = try PostgresConnection(url: location, lockTimeout: Int(lockTimeout.components.seconds))
        } else {
            connection = try SQLiteConnection(path: location, create: create, busyTimeout: lockTimeout)
        }
        return try SQLHistoryStore(connection: connection, migrate: create)
    }
}
