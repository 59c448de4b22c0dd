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

/// What is compared: one benchmark in one unit, for one head label, with its threshold.
public struct ComparisonSubject: Sendable {
    /// The benchmark.
    public let benchmark: BenchmarkIdentity
    /// Its mode (the base's, when the labels disagree).
    public let mode: MeasurementMode
    /// Its unit (values in `unit.baseUnit`).
    public let unit: MeasurementUnit
    /// The head label this comparison is for.
    public let headLabel: String
    /// The practical threshold applied, in percent.
    public let thresholdPercent: Double
    /// σ of one run's centre from `--history` for this benchmark, in percent, when history covered it.
    public var historyPercent: Double? { packedHistoryPercent.value }
    private let packedHistoryPercent: PackedOptionalDouble

    init(
        benchmark: BenchmarkIdentity, mode: MeasurementMode, unit: MeasurementUnit, headLabel: String,
        thresholdPercent: Double, historyPercent: Double?
    ) {
        self.benchmark = benchmark
        self.mode = mode
        self.unit = unit
        self.headLabel = headLabel
        self.thresholdPercent = thresholdPercent
        self.packedHistoryPercent = PackedOptionalDouble(historyPercent)
    }
}

/// One benchmark compared between a base label and a head label: the sides, the estimate of the
/// method that compared them, the adjusted p-value and the decision.
///
/// Its stored properties are ordered so that the one-byte ones share the padding after the
/// subject: a suite holds one comparison per benchmark, so its size is the analysis' memory.
public struct Comparison: Sendable {
    /// What is compared.
    public let subject: ComparisonSubject
    /// The method that estimated the change (for a missing benchmark, the analysis' test).
    public let method: MethodIdentifier
    /// Which noise source set the uncertainty.
    public let noise: NoiseModel
    /// Under `--strict`: whether non-inferiority was shown (the one-sided, corrected upper bound of
    /// the change in the regression direction lies below +threshold); nil without `--strict`.
    public internal(set) var nonInferiorityShown: Bool?
    /// Whether this is the benchmark's primary metric: the first unit its base file reported (Go's
    /// `sec/op` before `B/op`). The suite geometric mean uses primary metrics only.
    public internal(set) var isPrimaryMetric: Bool = true
    /// The base side, or nil when the benchmark is missing there.
    public internal(set) var base: SideSummary?
    /// The head side, or nil when the benchmark is missing there.
    public internal(set) var head: SideSummary?
    /// The change, or nil when a side is missing or no ratio exists.
    public internal(set) var change: RelativeChange? {
        get { packedChange.percent.value.map { RelativeChange(percent: $0, interval: packedChange.interval.value) } }
        set { packedChange = PackedChange(newValue) }
    }
    /// `change` in 24 bytes instead of 25 (the next field then starts 8 bytes earlier).
    private var packedChange = PackedChange(nil)
    /// The raw p-value, or nil when no test was possible.
    public internal(set) var pValue: Double? {
        get { packed.pValue.value }
        set { packed.pValue.value = newValue }
    }
    /// The noise level in percent that the decision used (for example the history σ), or nil.
    public internal(set) var noisePercent: Double? {
        get { packed.noisePercent.value }
        set { packed.noisePercent.value = newValue }
    }
    /// The prior degrees of freedom d0 of the between-run variance borrowed across the suite
    /// (`ModerationStep`, Smyth 2004), or nil when the comparison's variances were its own.
    public internal(set) var priorDegreesOfFreedom: Double? {
        get { packed.priorDegreesOfFreedom.value }
        set { packed.priorDegreesOfFreedom.value = newValue }
    }
    /// The distribution of the log change that equivalence and non-inferiority are judged from,
    /// or nil without a test.
    public internal(set) var evidence: ChangeEvidence?
    /// Footnote-worthy remarks (outliers, pairing, …).
    public internal(set) var notes: [ComparisonNote]
    /// The p-value adjusted for multiple comparisons, or nil (set by the correction step): twice the
    /// adjusted one-sided p-value in the direction of the change, within that direction's family
    /// (regressions and improvements are separate families), so that it compares with α.
    public internal(set) var pAdjusted: Double? {
        get { packed.pAdjusted.value }
        set { packed.pAdjusted.value = newValue }
    }
    /// The decision, or nil until the decision step (a missing benchmark and exact counts are
    /// decided when compared).
    public internal(set) var decision: Decision?
    /// The values of the `--row` projection's keys for this benchmark (`RowGrouping`), in the
    /// projection's order; empty without `--row`.
    public internal(set) var group: [KeyValue] = []
    /// σ of one observation on the log scale, for the power analysis that fills `samplesNeeded`
    /// once the verdict is known to be inconclusive.
    var observationSigma: Double? {
        get { packed.observationSigma.value }
        set { packed.observationSigma.value = newValue }
    }
    /// What `ModerationStep` needs, for Welch comparisons of runs on both sides.
    let moderation: ModerationInput?
    /// The optional numbers above, 8 bytes each instead of 16 (`PackedOptionalDouble`).
    private var packed = PackedNumbers()

    /// A `RelativeChange?`, packed: nil is a nil percent.
    private struct PackedChange: Sendable {
        var percent: PackedOptionalDouble
        var interval: PackedOptionalRange

        init(_ change: RelativeChange?) {
            percent = PackedOptionalDouble(change?.percent)
            interval = PackedOptionalRange(change?.interval)
        }
    }

    /// The optional numbers of a comparison, packed.
    private struct PackedNumbers: Sendable {
        var pValue = PackedOptionalDouble(nil)
        var noisePercent = PackedOptionalDouble(nil)
        var priorDegreesOfFreedom = PackedOptionalDouble(nil)
        var pAdjusted = PackedOptionalDouble(nil)
        var observationSigma = PackedOptionalDouble(nil)
    }

    /// A comparison as the estimation step makes it.
    init(
        subject: ComparisonSubject, base: SideSummary?, head: SideSummary?, method: MethodIdentifier,
        estimate: ChangeEstimate?, decision: Decision?, notes: [ComparisonNote]
    ) {
        self.subject = subject
        self.base = base
        self.head = head
        self.method = method
        self.noise = estimate?.noise ?? .none
        self.evidence = estimate?.evidence
        self.moderation = estimate?.moderation
        self.decision = decision
        self.notes = notes
        self.change = estimate?.change
        self.pValue = estimate?.pValue
        self.noisePercent = estimate?.noisePercent
        self.observationSigma = estimate?.observationSigma
    }

    /// The benchmark.
    public var benchmark: BenchmarkIdentity { subject.benchmark }
    /// Its mode.
    public var mode: MeasurementMode { subject.mode }
    /// Its unit.
    public var unit: MeasurementUnit { subject.unit }
    /// The head label this comparison is for.
    public var headLabel: String { subject.headLabel }
    /// The practical threshold applied, in percent.
    public var thresholdPercent: Double { subject.thresholdPercent }
    /// σ of one run's centre from `--history`, in percent, when history covered it.
    public var historyPercent: Double? { subject.historyPercent }
    /// The verdict (`inconclusive` before the decision step).
    public var verdict: Verdict { decision?.verdict ?? .inconclusive }
    /// The rule that decided the verdict, or nil before the decision step.
    public var reason: VerdictReason? { decision?.reason }
    /// Observations per side that would settle an inconclusive comparison, or nil.
    public var samplesNeeded: Int? { decision?.samplesNeeded }

    /// What the power analysis needs to fill `samplesNeeded` (asked only for an inconclusive
    /// verdict: the answer is not kept for any other).
    func sampleSizeQuestion(observationsAreRuns: Bool) -> SampleSizeQuestion {
        let current =
            observationsAreRuns
            ? min(base?.runs ?? 0, head?.runs ?? 0) : min(base?.count ?? 0, head?.count ?? 0)
        var sigmaDegreesOfFreedom: Double?
        if case .studentT(_, _, let df) = evidence { sigmaDegreesOfFreedom = df }
        return SampleSizeQuestion(
            observationSigma: observationSigma, sigmaDegreesOfFreedom: sigmaDegreesOfFreedom,
            thresholdPercent: thresholdPercent,
            rankTestObservations: method == .mannWhitney ? current : nil,
            currentObservations: current)
    }
}
