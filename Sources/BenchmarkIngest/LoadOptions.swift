/// Choices a loader cannot make from the input alone.
public struct LoadOptions: Sendable, Hashable {
    /// Which Google Benchmark time field becomes the sample (Google Benchmark user guide, "Output
    /// Formats"): wall-clock `real_time` (the default) or `cpu_time`.
    public enum GoogleBenchmarkTime: String, Sendable, Hashable, CaseIterable {
        /// `real_time`: elapsed wall-clock time per iteration.
        case realTime = "real_time"
        /// `cpu_time`: CPU time of the main thread per iteration.
        case cpuTime = "cpu_time"
    }

    /// The valgrind event read from callgrind/cachegrind `summary:`/`totals:` lines. Default `Ir`
    /// (instructions executed); any name of the file's `events:` header may be chosen (`Dr`,
    /// `D1mr`, …).
    public var callgrindEvent: String
    /// The criterion.rs baseline directory read under each benchmark: `new` (the latest run, the
    /// default), `base` (criterion's previous run), or a name given to `--save-baseline`.
    public var criterionBaseline: String
    /// The Google Benchmark time field to read.
    public var googleBenchmarkTime: GoogleBenchmarkTime

    /// Creates options; every parameter has the documented default.
    public init(
        callgrindEvent: String = "Ir", criterionBaseline: String = "new",
        googleBenchmarkTime: GoogleBenchmarkTime = .realTime
    ) {
        self.callgrindEvent = callgrindEvent
        self.criterionBaseline = criterionBaseline
        self.googleBenchmarkTime = googleBenchmarkTime
    }
}
