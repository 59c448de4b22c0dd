import BenchmarkModel

/// Why a comparison got its verdict: which rule of `VerdictRule` (or of a method that decides
/// itself) fired, with the numbers it used. Reports turn it into words (BenchmarkReports'
/// `ReasonText`); equal reasons are equal values, so reports group rows that share one.
public enum VerdictReason: Sendable, Hashable {
    /// The benchmark is in one label only.
    case onlyIn(side: ComparisonSide, label: String)
    /// One sample (or no spread) per side and no history: no noise estimate.
    case noNoiseEstimate(baseCount: Int, headCount: Int)
    /// Every sample identical on both sides.
    case identical
    /// Exact counts differing by at least the threshold; `judgedByHistory` when a history showed
    /// no build noise (else there was none to judge it).
    case exactBeyondThreshold(thresholdPercent: Double, judgedByHistory: Bool)
    /// Exact counts differing by less than the threshold.
    case exactWithinThreshold(thresholdPercent: Double)
    /// Constant counts on each side, from or to zero (values in the unit's base unit). Boxed
    /// (`indirect`): the only case with a unit, which would otherwise make every reason 64 bytes.
    indirect case exactCountsChanged(base: Double, head: Double, unit: MeasurementUnit)
    /// Zeros among varying samples: no ratio can be estimated.
    case zeroAmongVaryingSamples
    /// A noise estimate but no test (for example a degenerate interval).
    case noTestPossible
    /// Significant (adjusted p < α) and beyond the threshold; `historySigmaPercent` when the history
    /// noise was the noise model.
    case significant(changePercent: Double, p: Double, thresholdPercent: Double, historySigmaPercent: Double?)
    /// Significant but within the threshold: real, too small to matter.
    case significantWithinThreshold(changePercent: Double, p: Double, thresholdPercent: Double)
    /// Not significant and equivalence shown: the interval at `level` (1 − 2α) lies inside
    /// ±threshold (TOST); `historySigmaPercent` when history noise was the noise model.
    case equivalent(p: Double, thresholdPercent: Double, level: Double, historySigmaPercent: Double?)
    /// Not significant and the interval crosses the threshold: `needed` observations per side (runs
    /// or samples) would settle it, when the power analysis can say.
    case undecided(p: Double, thresholdPercent: Double, needed: Int?, unit: ObservationUnit)
}

/// Which side of a comparison.
public enum ComparisonSide: String, Sendable, Hashable {
    /// The baseline label.
    case base
    /// The label compared against it.
    case head
}

/// What one observation of a comparison is: a sample, or a run's centre.
public enum ObservationUnit: String, Sendable, Hashable {
    /// Each sample is an observation.
    case samples
    /// Each run (its centre) is an observation.
    case runs
}

/// A verdict with its reason and, for an inconclusive verdict, the observations per side that
/// would settle it (nil otherwise, or when the power analysis cannot say).
public struct Decision: Sendable, Hashable {
    /// The verdict.
    public let verdict: Verdict
    /// The rule that fired.
    public let reason: VerdictReason
    /// Observations per side that would settle an inconclusive comparison.
    public var samplesNeeded: Int? { packedSamplesNeeded == Self.noCount ? nil : packedSamplesNeeded }
    /// `samplesNeeded` in 8 bytes, `noCount` for nil (an `Int?` takes 16 in this struct).
    private let packedSamplesNeeded: Int
    private static let noCount = Int.min

    /// Creates a decision. A count is ≥ 0; one of `Int.min` is held as `Int.min + 1`.
    public init(verdict: Verdict, reason: VerdictReason, samplesNeeded: Int? = nil) {
        self.verdict = verdict
        self.reason = reason
        self.packedSamplesNeeded = samplesNeeded.map { max($0, Self.noCount + 1) } ?? Self.noCount
    }
}
