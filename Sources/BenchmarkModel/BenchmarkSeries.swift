/// All the samples of one benchmark in one unit under one label, grouped by run.
///
/// A *run* is one process or build: samples within it share that run's code layout and machine
/// state, so the analysis treats between-run variation as part of the noise.
public struct BenchmarkSeries: Sendable, Hashable {
    /// Which benchmark.
    public let benchmark: BenchmarkIdentity
    /// The unit every value is in (values are already scaled to `unit.baseUnit`).
    public let unit: MeasurementUnit
    /// The mode: from an explicit field, else implied by the unit.
    public let mode: MeasurementMode
    /// The runs, in the order they were first seen (made for the call when the series is one
    /// sample: read `sampleCount`, `allValues`, `runCount` or `storedRuns` where that matters).
    public var runs: [BenchmarkRun] {
        get { storedRuns.array }
        set { storedRuns = SeriesRuns(newValue) }
    }
    /// The runs as held (`SeriesRuns`: one sample inline).
    public private(set) var storedRuns: SeriesRuns

    /// Creates a series.
    public init(benchmark: BenchmarkIdentity, unit: MeasurementUnit, mode: MeasurementMode, runs: [BenchmarkRun]) {
        self.init(benchmark: benchmark, unit: unit, mode: mode, storedRuns: SeriesRuns(runs))
    }

    /// Creates a series of the runs `storedRuns`.
    public init(benchmark: BenchmarkIdentity, unit: MeasurementUnit, mode: MeasurementMode, storedRuns: SeriesRuns) {
        self.benchmark = benchmark
        self.unit = unit
        self.mode = mode
        self.storedRuns = storedRuns
    }

    /// Every sample of every run, in run order.
    public var allValues: [Double] { storedRuns.allValues }

    /// The number of samples over all runs.
    public var sampleCount: Int { storedRuns.sampleCount }

    /// The number of runs.
    public var runCount: Int { storedRuns.count }
}

/// The samples of one run (one process or build) of a benchmark, in the unit's base unit.
public struct BenchmarkRun: Sendable, Hashable {
    /// The run's name: an explicit `run` field, else the file it came from.
    public let id: String
    /// The samples, in file order.
    public var values: [Double]
    /// Where the run's first sample was read, for messages.
    public let source: SourceLocation
    /// The round of each sample (the canonical `iteration` field, ≥ 0), parallel to `values`; nil
    /// when the file gives none. `benchstat measure` writes the round of its interleaved A B A B
    /// order here, so `analyze --paired` can pair a base sample with the head sample of the same
    /// round.
    public var iterations: [Int]?

    /// Creates a run.
    public init(id: String, values: [Double], source: SourceLocation, iterations: [Int]? = nil) {
        self.id = id
        self.values = values
        self.source = source
        self.iterations = iterations
    }
}
