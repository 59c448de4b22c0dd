import BenchmarkModel

/// The relative change of a benchmark's centre: head / base − 1, in percent (positive = head uses
/// more of the unit), with its confidence interval.
public struct RelativeChange: Sendable, Equatable {
    /// The point estimate in percent.
    public let percent: Double
    /// The confidence interval in percent, or nil when no noise estimate exists.
    public let interval: ClosedRange<Double>?

    /// Creates a change.
    public init(percent: Double, interval: ClosedRange<Double>?) {
        self.percent = percent
        self.interval = interval
    }
}

/// One benchmark compared between a base label and a head label.
public struct Comparison: Sendable {
    /// The benchmark.
    public let benchmark: BenchmarkIdentity
    /// Its mode.
    public let mode: MeasurementMode
    /// Its unit (values in `unit.baseUnit`).
    public let unit: MeasurementUnit
    /// The head label this comparison is for.
    public let headLabel: String
    /// The base side, or nil when the benchmark is missing there.
    public let base: SideSummary?
    /// The head side, or nil when the benchmark is missing there.
    public let head: SideSummary?
    /// The change, or nil when a side is missing.
    public let change: RelativeChange?
    /// The raw p-value, or nil when no test was possible.
    public let pValue: Double?
    /// The p-value adjusted for multiple comparisons, or nil.
    public var pAdjusted: Double?
    /// The test used, for example `welch-log` or `mann-whitney`.
    public let test: String
    /// Which noise source set the uncertainty.
    public let noise: NoiseModel
    /// The noise level in percent that the decision used (for example the history σ), or nil.
    public let noisePercent: Double?
    /// The practical threshold applied, in percent.
    public let thresholdPercent: Double
    /// Samples per side that would settle an inconclusive comparison (power analysis), or nil.
    public var samplesNeeded: Int?
    /// The verdict.
    public var verdict: Verdict
    /// One line naming the rule that fired.
    public var reason: String
    /// Footnote-worthy remarks (outliers, few samples, …).
    public var notes: [String]
    /// Whether this is the benchmark's primary metric: the first unit its base file reported (Go's
    /// `sec/op` before `B/op`). The suite geometric mean uses primary metrics only.
    public var isPrimaryMetric: Bool = true
    /// σ of one run's centre from `--history` for this benchmark, in percent, when history covered it.
    public var historyPercent: Double?
    /// σ of one observation on the log scale, kept for the power analysis that fills
    /// `samplesNeeded` once the verdict is known to be inconclusive.
    var observationSigma: Double?

    /// What the power analysis needs to fill `samplesNeeded` (asked only for an inconclusive
    /// verdict: the answer is not kept for any other).
    var sampleSizeQuestion: SampleSizeQuestion {
        SampleSizeQuestion(
            observationSigma: observationSigma, thresholdPercent: thresholdPercent,
            rankTestObservations: test == "mann-whitney" ? min(base?.count ?? 0, head?.count ?? 0) : nil)
    }

    /// Creates a comparison. The analysis fills in `pAdjusted`, `verdict` and `reason` once all
    /// p-values of the run are known.
    public init(
        benchmark: BenchmarkIdentity, mode: MeasurementMode, unit: MeasurementUnit, headLabel: String,
        base: SideSummary?, head: SideSummary?, change: RelativeChange?, pValue: Double?, pAdjusted: Double?,
        test: String, noise: NoiseModel, noisePercent: Double?, thresholdPercent: Double, samplesNeeded: Int?,
        verdict: Verdict, reason: String, notes: [String]
    ) {
        self.benchmark = benchmark
        self.mode = mode
        self.unit = unit
        self.headLabel = headLabel
        self.base = base
        self.head = head
        self.change = change
        self.pValue = pValue
        self.pAdjusted = pAdjusted
        self.test = test
        self.noise = noise
        self.noisePercent = noisePercent
        self.thresholdPercent = thresholdPercent
        self.samplesNeeded = samplesNeeded
        self.verdict = verdict
        self.reason = reason
        self.notes = notes
    }
}
