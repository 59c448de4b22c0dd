/// Two-sample t-tests for a difference in means: Welch's unequal-variance test (Welch 1947, with
/// the Welch–Satterthwaite degrees of freedom, Satterthwaite 1946) and Student's pooled test
/// (Student 1908).
///
/// Sign convention: the difference is mean(head) − mean(base), so `t`, `pValue` and the interval
/// equal scipy's `ttest_ind(head, base, equal_var=...)`. The two-sided p-value is
/// 2·P(T > |t|) from GSL's upper tail `gsl_cdf_tdist_Q`, accurate for tiny p (no 1 − CDF
/// cancellation).
public enum TTest {
    /// Compares the means of `head` and `base`.
    ///
    /// - Parameters:
    ///   - equalVariances: `false` (default) for Welch's test, `true` for Student's pooled test.
    ///   - confidence: the level of the interval for the difference, in (0, 1).
    /// - Returns: a result whose optional fields are `nil`, with `degeneracy` set, when the test
    ///   is undefined: Welch needs n ≥ 2 on each side (Student: n ≥ 1 each and n₁ + n₂ ≥ 3); if
    ///   both samples are constant there is no noise estimate, so no p and no interval.
    /// - Throws: `.emptySample`, `.nonFinite(index:)`, `.invalidArgument` (confidence),
    ///   `.numericalFailure` (overflow).
    public static func twoSample(
        base: [Double], head: [Double], equalVariances: Bool = false, confidence: Double = 0.95
    ) throws(StatisticsError) -> TTestResult {
        try validateConfidence(confidence)
        let baseStats = try DescriptiveStatistics(base)
        let headStats = try DescriptiveStatistics(head)
        let difference = headStats.mean - baseStats.mean
        try requireFinite(difference, what: "the difference of the means")
        let nb = Double(baseStats.count)
        let nh = Double(headStats.count)

        func degenerate(_ reason: TTestResult.Degeneracy) -> TTestResult {
            TTestResult(
                meanDifference: difference, standardError: nil, t: nil, degreesOfFreedom: nil, pValue: nil,
                confidenceInterval: nil, equalVariances: equalVariances, degeneracy: reason)
        }

        let standardError: Double
        let degreesOfFreedom: Double
        if equalVariances {
            guard baseStats.count + headStats.count >= 3 else { return degenerate(.tooFewSamples) }
            let pooled =
                ((nb - 1) * (baseStats.variance ?? 0) + (nh - 1) * (headStats.variance ?? 0)) / (nb + nh - 2)
            standardError = (pooled * (1 / nb + 1 / nh)).squareRoot()
            degreesOfFreedom = nb + nh - 2
        } else {
            guard let vb = baseStats.variance, let vh = headStats.variance else {
                return degenerate(.tooFewSamples)
            }
            let sb = vb / nb
            let sh = vh / nh
            standardError = (sb + sh).squareRoot()
            // Welch–Satterthwaite; when one side is constant this reduces to n − 1 of the other.
            degreesOfFreedom = (sb + sh) * (sb + sh) / (sb * sb / (nb - 1) + sh * sh / (nh - 1))
        }
        if standardError == 0 {
            return degenerate(difference == 0 ? .identicalConstantSamples : .zeroVariance)
        }
        try requireFinite(standardError, degreesOfFreedom, what: "the standard error")
        return try result(
            difference: difference, standardError: standardError, degreesOfFreedom: degreesOfFreedom,
            confidence: confidence, equalVariances: equalVariances)
    }

    /// The t statistic, its two-sided p-value and the Student-t interval of a difference with a
    /// finite, positive standard error (shared by the two-sample and the paired test).
    static func result(
        difference: Double, standardError: Double, degreesOfFreedom: Double, confidence: Double,
        equalVariances: Bool
    ) throws(StatisticsError) -> TTestResult {
        let t = difference / standardError
        try requireFinite(t, what: "the t statistic")
        let pValue = try twoSidedP(t: t, df: degreesOfFreedom)
        let critical = try viaGSL { () throws(GSLError) in
            try StudentTQuantile.value(1 - (1 - confidence) / 2, df: degreesOfFreedom)
        }
        let interval = ConfidenceInterval(
            lower: difference - critical * standardError, upper: difference + critical * standardError,
            level: confidence)
        return TTestResult(
            meanDifference: difference, standardError: standardError, t: t, degreesOfFreedom: degreesOfFreedom,
            pValue: pValue, confidenceInterval: interval, equalVariances: equalVariances, degeneracy: nil)
    }

    /// 2·P(T > |t|) for Student's t with `df` degrees of freedom, clipped to 1.
    static func twoSidedP(t: Double, df: Double) throws(StatisticsError) -> Double {
        let tail = try viaGSL { () throws(GSLError) in try GSL.tSurvival(abs(t), df: df) }
        return min(1, 2 * tail)
    }
}

/// The result of `TTest.twoSample`: the difference mean(head) − mean(base), its standard error,
/// t, degrees of freedom, two-sided p-value and confidence interval.
public struct TTestResult: Sendable, Equatable {
    /// Why a t-test has no p-value or interval.
    public enum Degeneracy: Sendable, Equatable, Hashable {
        /// Too few values for a variance: Welch needs n ≥ 2 per side, Student n₁ + n₂ ≥ 3.
        case tooFewSamples
        /// Both samples are constant but differ: the difference is exact, there is no noise
        /// estimate to test it against (it is not "infinitely significant").
        case zeroVariance
        /// Both samples are constant and equal: the difference is exactly 0.
        case identicalConstantSamples
    }

    /// mean(head) − mean(base).
    public let meanDifference: Double
    /// The standard error of the difference; `nil` when degenerate.
    public let standardError: Double?
    /// The t statistic `meanDifference / standardError`; `nil` when degenerate.
    public let t: Double?
    /// Degrees of freedom: Welch–Satterthwaite (fractional) or n₁ + n₂ − 2; `nil` when degenerate.
    public let degreesOfFreedom: Double?
    /// The two-sided p-value; `nil` when degenerate.
    public let pValue: Double?
    /// The interval for the difference at the requested level; `nil` when degenerate.
    public let confidenceInterval: ConfidenceInterval?
    /// Whether Student's pooled-variance test was used (otherwise Welch's).
    public let equalVariances: Bool
    /// Why `t`, `pValue` and the interval are missing, or `nil` when the test was performed.
    public let degeneracy: Degeneracy?
}
