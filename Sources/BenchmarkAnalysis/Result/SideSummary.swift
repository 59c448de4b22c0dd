/// What one side (base or head) of a comparison looks like, in the benchmark's base unit.
public struct SideSummary: Sendable, Equatable {
    /// The label (for example `base`).
    public let label: String
    /// The number of samples over all runs.
    public var count: Int { Int(packedCount) }
    /// The number of runs.
    public var runs: Int { Int(packedRuns) }
    /// The centre: the geometric mean (Welch) or the median (Mann–Whitney), in the base unit.
    public let centre: Double
    /// The confidence interval of the centre, or nil when it cannot be estimated.
    public internal(set) var centreInterval: ClosedRange<Double>? {
        get { packedCentreInterval.value }
        set { packedCentreInterval.value = newValue }
    }
    /// The coefficient of variation of the samples in percent (the sample sd of the logs, as a
    /// percentage), or nil with fewer than two samples.
    public var spreadPercent: Double? { packedSpreadPercent.value }
    private var packedCentreInterval: PackedOptionalRange
    private let packedSpreadPercent: PackedOptionalDouble
    /// The counts in 4 bytes each: a side of 2³¹ samples would need 16 GiB for its values alone.
    private let packedCount: Int32
    private let packedRuns: Int32
    private let packedOutliers: Int32
    /// How many samples fall outside Tukey's fences on the log scale (Tukey 1977).
    public var outliers: Int { Int(packedOutliers) }
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
        self.packedCount = Int32(clamping: count)
        self.packedRuns = Int32(clamping: runs)
        self.centre = centre
        self.packedCentreInterval = PackedOptionalRange(centreInterval)
        self.packedSpreadPercent = PackedOptionalDouble(spreadPercent)
        self.packedOutliers = Int32(clamping: outliers)
        self.range = range
        self.samplesByRun = samplesByRun
    }
}
