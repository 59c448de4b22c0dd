/// What one side (base or head) of a comparison looks like, in the benchmark's base unit.
public struct SideSummary: Sendable, Equatable {
    /// The label (for example `base`).
    public let label: String
    /// The number of samples over all runs.
    public let count: Int
    /// The number of runs.
    public let runs: Int
    /// The centre: the geometric mean (Welch) or the median (Mann–Whitney), in the base unit.
    public let centre: Double
    /// The confidence interval of the centre, or nil when it cannot be estimated.
    public internal(set) var centreInterval: ClosedRange<Double>?
    /// The coefficient of variation of the samples in percent (the sample sd of the logs, as a
    /// percentage), or nil with fewer than two samples.
    public let spreadPercent: Double?
    /// How many samples fall outside Tukey's fences on the log scale (Tukey 1977).
    public let outliers: Int
    /// The smallest and largest sample.
    public let range: ClosedRange<Double>
    /// The raw samples in the base unit, one array per run in run order, for reports that plot them
    /// (the HTML report). Not part of the JSON contract.
    public let samplesByRun: [[Double]]

    /// Creates a side summary.
    public init(
        label: String, count: Int, runs: Int, centre: Double, centreInterval: ClosedRange<Double>?,
        spreadPercent: Double?, outliers: Int, range: ClosedRange<Double>, samplesByRun: [[Double]] = []
    ) {
        self.label = label
        self.count = count
        self.runs = runs
        self.centre = centre
        self.centreInterval = centreInterval
        self.spreadPercent = spreadPercent
        self.outliers = outliers
        self.range = range
        self.samplesByRun = samplesByRun
    }
}
