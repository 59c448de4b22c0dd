/// The paired t-test (Student 1908, paired): a one-sample t-test on the differences
/// dᵢ = headᵢ − baseᵢ of matched observations, with n − 1 degrees of freedom.
///
/// Pairing cancels whatever the two members of a pair share — for interleaved benchmark samples,
/// the slow drift of the machine — so the noise is the spread of the differences, not of the
/// samples. Sign convention as `TTest`: the difference is head − base, so `t`, `pValue` and the
/// interval equal scipy's `ttest_rel(head, base)`. The two-sided p-value is 2·P(T > |t|) from GSL's
/// upper tail.
public enum PairedTTest {
    /// Tests whether the mean of `head[i] − base[i]` is zero.
    ///
    /// - Parameters:
    ///   - base: the first member of every pair.
    ///   - head: the second member, in the same order; as many values as `base`.
    ///   - confidence: the level of the interval for the mean difference, in (0, 1).
    /// - Returns: a result whose optional fields are nil, with `degeneracy` set, for fewer than two
    ///   pairs or differences that are all equal (no noise estimate).
    /// - Throws: `.emptySample`, `.nonFinite(index:)`, `.invalidArgument` (unequal lengths,
    ///   confidence), `.numericalFailure` (overflow).
    public static func test(
        base: [Double], head: [Double], confidence: Double = 0.95
    ) throws(StatisticsError) -> TTestResult {
        try validateConfidence(confidence)
        guard base.count == head.count else {
            throw .invalidArgument("paired samples differ in length (\(base.count) and \(head.count))")
        }
        try validateFinite(base)
        try validateFinite(head)
        let differences = zip(head, base).map { $0 - $1 }
        let stats = try DescriptiveStatistics(differences)
        let difference = stats.mean
        try requireFinite(difference, what: "the mean difference")

        func degenerate(_ reason: TTestResult.Degeneracy) -> TTestResult {
            TTestResult(
                meanDifference: difference, standardError: nil, t: nil, degreesOfFreedom: nil, pValue: nil,
                confidenceInterval: nil, equalVariances: false, degeneracy: reason)
        }

        guard let variance = stats.variance else { return degenerate(.tooFewSamples) }
        let n = Double(differences.count)
        let standardError = (variance / n).squareRoot()
        if standardError == 0 {
            return degenerate(difference == 0 ? .identicalConstantSamples : .zeroVariance)
        }
        try requireFinite(standardError, what: "the standard error")
        let degreesOfFreedom = n - 1
        return try TTest.result(
            difference: difference, standardError: standardError, degreesOfFreedom: degreesOfFreedom,
            confidence: confidence, equalVariances: false)
    }
}
