import BenchmarkModel

/// State shared by every loader during one `DatasetLoader` call: the options and the warnings
/// collected so far (carried to the edge, never printed here).
///
/// Labels may be loaded concurrently, each into its own context; `merge(_:)` then joins the
/// contexts in label order so that the warnings are those one context would have collected
/// loading the labels one after the other.
struct IngestContext: Sendable {
    let options: LoadOptions
    /// The buffer size of the line-based loaders (`LineReader`); tests make it tiny.
    let chunkSize: Int
    private(set) var warnings: [InputWarning] = []
    /// For each of `warnings`: the unit it is the once-per-dataset "unknown unit" warning of, or
    /// nil for any other warning.
    private var warningUnits: [String?] = []
    private var warnedUnits: Set<String> = []
    /// The files whose Google Benchmark aggregate rows were skipped, and how many rows each: said
    /// once per dataset by `finish()`, not once per file.
    private var skippedAggregates: [(path: String, rows: Int)] = []
    private var skippedCounters: [(path: String, names: [String])] = []

    init(options: LoadOptions, chunkSize: Int = LineReader.defaultChunkSize) {
        self.options = options
        self.chunkSize = chunkSize
    }

    /// A fresh context with the same options, for loading one label on its own.
    func emptyCopy() -> IngestContext {
        IngestContext(options: options, chunkSize: chunkSize)
    }

    mutating func warn(_ location: SourceLocation, _ message: String) {
        warnings.append(InputWarning(location: location, message: message))
        warningUnits.append(nil)
    }

    /// Appends the warnings of `later`, a context that loaded the next labels on its own, as if
    /// they had been met by this context: an "unknown unit" warning for a unit this context
    /// already warned about is dropped (it is given once per dataset).
    mutating func merge(_ later: IngestContext) {
        skippedAggregates += later.skippedAggregates
        skippedCounters += later.skippedCounters
        for (warning, unit) in zip(later.warnings, later.warningUnits) {
            if let unit {
                guard warnedUnits.insert(unit).inserted else { continue }
            }
            warnings.append(warning)
            warningUnits.append(unit)
        }
    }

    /// Notes that `rows` Google Benchmark aggregate rows of `path` were skipped.
    mutating func noteSkippedAggregates(_ rows: Int, in path: String) {
        skippedAggregates.append((path, rows))
    }

    /// Notes that Google Benchmark user counters `names` of `path` were not loaded.
    mutating func noteSkippedCounters(_ names: [String], in path: String) {
        skippedCounters.append((path, names))
    }

    /// Turns what is said once per dataset into warnings: the skipped aggregate rows and the user
    /// counters not loaded, each as one warning at the first such file naming how many files had
    /// them. Call once, after the last file (and merge) of a dataset.
    mutating func finish() {
        if let first = skippedCounters.first {
            var seen = Set<String>()
            let names = skippedCounters.flatMap(\.names).filter { seen.insert($0).inserted }
            let files = skippedCounters.count
            let where_ = files == 1 ? "" : " (in \(files) files: this one and \(files - 1) more)"
            warn(
                SourceLocation(file: first.path),
                "user counters not loaded (their unit is not in the JSON)\(where_): \(names.joined(separator: ", "))")
            skippedCounters = []
        }
        guard let first = skippedAggregates.first else { return }
        let rows = skippedAggregates.reduce(0) { $0 + $1.rows }
        let files = skippedAggregates.count
        let where_ = files == 1 ? "" : " in \(files) files (this one and \(files - 1) more)"
        warn(
            SourceLocation(file: first.path),
            "skipped \(rows) aggregate rows (mean, median, stddev, cv)\(where_); the per-repetition rows are the samples"
        )
        skippedAggregates = []
    }

    /// The mode of a sample: the explicit one, else the unit's implied mode, else walltime with
    /// one warning per unknown unit (walltime is the cautious choice: it trusts within-run
    /// variance as noise instead of declaring the measurement exact).
    mutating func resolveMode(
        explicit: MeasurementMode?, unit: MeasurementUnit, at location: @autoclosure () -> SourceLocation
    ) -> MeasurementMode {
        if let explicit { return explicit }
        if let implied = unit.impliedMode { return implied }
        if warnedUnits.insert(unit.written).inserted {
            warnings.append(
                InputWarning(
                    location: location(),
                    message: "unit \"\(unit.written)\" is not a known unit; its samples are treated as walltime, "
                        + "lower is better (give a \"mode\" to say otherwise)"))
            warningUnits.append(unit.written)
        }
        return .walltime
    }
}
