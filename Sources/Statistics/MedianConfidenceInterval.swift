/// The distribution-free confidence interval of a median from order statistics (Thompson 1936;
/// Hollander & Wolfe §3.6), the kind of interval Go's benchstat reports for its
/// `AssumeNothing` summaries (`golang.org/x/perf/benchmath`); this implementation follows the
/// textbook rule below and is verified against a direct Python transcription of it, not against Go.
///
/// With x₍₁₎ ≤ … ≤ x₍ₙ₎, the interval [x₍ₖ₎, x₍ₙ₊₁₋ₖ₎] covers the population median with
/// probability 1 − 2·P(B ≤ k − 1), B ~ Binomial(n, ½) (GSL `gsl_cdf_binomial_P`), for any
/// continuous distribution. k is the largest order whose coverage is still ≥ `confidence`.
///
/// When n is too small for the level even with the full range (k = 1: coverage 1 − 2⁻⁽ⁿ⁻¹⁾,
/// so n ≤ 5 at 95%), the interval is the full range [min, max], `achievedConfidence` is its true
/// (lower) coverage and `levelReached == false` (Go's benchstat likewise warns that it needs more samples).
public enum MedianConfidenceInterval {
    /// The median of `values` with its distribution-free interval.
    /// - Throws: `.emptySample`, `.nonFinite(index:)`, `.invalidArgument` (confidence).
    public static func compute(_ values: [Double], confidence: Double = 0.95) throws(StatisticsError) -> MedianCIResult
    {
        try validateFinite(values)
        try validateConfidence(confidence)
        let sorted = GSL.sorted(values)
        let n = sorted.count
        let median = try viaGSL { () throws(GSLError) in try GSL.median(sorted: sorted) }
        let rule = try orders.value(for: SIMD2(UInt64(n), confidence.bitPattern)) { () throws(StatisticsError) in
            try Order(n: n, confidence: confidence)
        }
        return MedianCIResult(
            median: median,
            confidenceInterval: ConfidenceInterval(
                lower: sorted[rule.order - 1], upper: sorted[n - rule.order], level: rule.achieved),
            achievedConfidence: rule.achieved, requestedConfidence: confidence, levelReached: rule.levelReached,
            orderStatistic: rule.order)
    }

    /// The order k of the interval for n values and its coverage: the same for every sample of n
    /// values, so remembered per (n, confidence) — a suite asks for the same one for every side.
    private struct Order: Sendable {
        let order: Int
        let achieved: Double
        let levelReached: Bool

        init(n: Int, confidence: Double) throws(StatisticsError) {
            // Coverage of [x₍ₖ₎, x₍ₙ₊₁₋ₖ₎] for k ≥ 1.
            func coverage(_ k: Int) throws(StatisticsError) -> Double {
                let tail = try viaGSL { () throws(GSLError) in try GSL.binomialCDF(k - 1, p: 0.5, n: n) }
                return 1 - 2 * tail
            }
            // Coverage decreases as k grows; find the largest k ≤ ⌈n/2⌉ that still reaches the level.
            var k = 0
            while k + 1 <= (n + 1) / 2, try coverage(k + 1) >= confidence { k += 1 }
            order = max(1, k)
            achieved = try coverage(order)
            levelReached = k >= 1
        }
    }

    private static let orders = SharedMemo<SIMD2<UInt64>, Order>(capacity: 4_096)
}

/// The result of `MedianConfidenceInterval.compute`.
public struct MedianCIResult: Sendable, Equatable {
    /// The sample median.
    public let median: Double
    /// [x₍ₖ₎, x₍ₙ₊₁₋ₖ₎]; its `level` is `achievedConfidence`.
    public let confidenceInterval: ConfidenceInterval
    /// The exact coverage 1 − 2·P(B ≤ k − 1) of the interval.
    public let achievedConfidence: Double
    /// The confidence that was asked for.
    public let requestedConfidence: Double
    /// `false` when n is too small: the interval is the full range and covers less than requested.
    public let levelReached: Bool
    /// k, the (1-based) order statistic of the lower end.
    public let orderStatistic: Int
}
