import Statistics

/// The statistical test that estimates each change.
public enum ComparisonTest: String, Sendable, CaseIterable {
    /// Welch's t-test on the logarithms of the samples: the change is the ratio of geometric means,
    /// with a Student-t interval (Welch 1947). The default.
    case welch
    /// The Mann–Whitney U test (Mann & Whitney 1947) with medians as centres and the
    /// Hodges–Lehmann shift of the logarithms, with Moses's distribution-free interval, as the change
    /// (Hodges & Lehmann 1963), in the manner of Go's benchstat.
    case mannWhitney = "mann-whitney"
    /// Yuen's test on the logarithms (Yuen 1974): 20%-trimmed means, robust to heavy tails.
    case yuen
}

/// How the p-values of one analysis are adjusted for testing many benchmarks at once.
public enum CorrectionMethod: String, Sendable, CaseIterable {
    /// Benjamini–Hochberg false-discovery-rate control (Benjamini & Hochberg 1995). The default.
    case bh
    /// Holm's step-down family-wise error control (Holm 1979).
    case holm
    /// No adjustment: every benchmark is tested at `alpha` on its own.
    case none

    /// The Statistics module's adjustment.
    var adjustment: PValueAdjustment {
        switch self {
        case .bh: .benjaminiHochberg
        case .holm: .holm
        case .none: .none
        }
    }
}

/// Everything that shapes one analysis besides the data. Defaults are those of DESIGN.md and the README.
public struct AnalysisOptions: Sendable {
    /// The significance level applied to adjusted p-values (default 0.05).
    public var alpha: Double
    /// The confidence level of every interval (default 0.95).
    public var confidence: Double
    /// The test (default Welch on logs).
    public var test: ComparisonTest
    /// The multiple-comparison correction (default Benjamini–Hochberg).
    public var correction: CorrectionMethod
    /// Practical thresholds and per-benchmark overrides.
    public var thresholds: ThresholdPolicy
    /// Whether `inconclusive` also fails the gate.
    public var strict: Bool
    /// The power used when saying how many samples would settle an inconclusive comparison.
    public var power: Double
    /// `--paired`: when samples carry iterations (interleaved rounds from `benchstat measure`), pair
    /// base and head samples and use the paired t-test on log ratios (default false).
    public var paired: Bool
    /// Whether comparisons with runs as the unit on both sides borrow between-run variance across
    /// the suite (`ModerationStep`, Smyth 2004); default true, `--no-moderation` turns it off.
    public var moderatedVariance: Bool = true
    /// Whether side summaries keep the raw samples (`SideSummary.samplesByRun`) for reports that
    /// draw them (HTML, `--plot`); default true. The command line turns it off for the other
    /// reports, so that a large suite's samples are freed once analysed.
    public var keepsSamples: Bool = true
    /// `--filter`: only the series (runs) this expression matches are analysed (`FilterStep`); nil
    /// keeps everything.
    public var filter: FilterExpression?
    /// `--row`: the keys that group the report into sections (`RowGrouping`); nil for none.
    public var rows: Projection?
    /// `--sort`: the order of rows within each table (`ComparisonSort`); empty keeps the report order.
    public var sort: [SortKey] = []

    /// The method the analysis compares with: the paired t-test under `--paired` (comparisons without
    /// iterations fall back to `test`), else `test`'s method. Reports name it in their footers.
    public var method: MethodIdentifier { paired ? PairedTLogMethod.identifier : MethodRegistry.identifier(for: test) }

    /// Creates options; every argument has the documented default.
    public init(
        alpha: Double = 0.05, confidence: Double = 0.95, test: ComparisonTest = .welch,
        correction: CorrectionMethod = .bh, thresholds: ThresholdPolicy = ThresholdPolicy(),
        strict: Bool = false, power: Double = 0.8, paired: Bool = false
    ) {
        self.alpha = alpha
        self.confidence = confidence
        self.test = test
        self.correction = correction
        self.thresholds = thresholds
        self.strict = strict
        self.power = power
        self.paired = paired
    }
}
