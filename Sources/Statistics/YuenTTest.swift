/// Yuen's two-sample test for a difference in trimmed means (Yuen 1974, "The two-sample trimmed t
/// for unequal population variances", Biometrika 61(1), 165–170; Wilcox 2012, *Introduction to
/// Robust Estimation and Hypothesis Testing*, §5.3).
///
/// Each sample of n values is sorted and g = ⌊γ·n⌋ values are trimmed from each end, leaving
/// h = n − 2g. With x̄_t the mean of the h retained values and s²_w the winsorized variance (the g
/// lowest values replaced by the (g+1)-th smallest, the g highest by the (g+1)-th largest, then the
/// sample variance with divisor n − 1):
///
///     d = (n − 1)·s²_w / (h·(h − 1)),   t = (ȳ_t − x̄_t) / √(d_x + d_y),
///     ν = (d_x + d_y)² / (d_x²/(h_x − 1) + d_y²/(h_y − 1))
///
/// and the two-sided p-value 2·P(T > |t|) and the interval (ȳ_t − x̄_t) ± t_{1−α/2,ν}·√(d_x + d_y)
/// come from Student's t with ν degrees of freedom (`GSL.tSurvival`, `StudentTQuantile`). With γ = 0
/// this is exactly Welch's test (`TTest.twoSample`).
///
/// Sign convention: the difference is trimmed mean(head) − trimmed mean(base), so `t`, `pValue`,
/// `degreesOfFreedom` and the interval equal scipy's `ttest_ind(head, base, equal_var=False,
/// trim=γ)` (checked in the tests; g is computed as scipy's `int(n * trim)`).
public enum YuenTTest {
    /// Compares the γ-trimmed means of `head` and `base`.
    ///
    /// - Parameters:
    ///   - trim: the proportion γ trimmed from *each* end, in [0, 0.5); default 0.2 (Wilcox's
    ///     recommendation).
    ///   - confidence: the level of the interval for the difference, in (0, 1).
    /// - Returns: a result whose optional fields are `nil`, with `degeneracy` set, when the test
    ///   is undefined: fewer than 2 values retained on a side (h < 2), or both winsorized variances
    ///   0 (no noise estimate; no p-value is invented).
    /// - Throws: `.emptySample`, `.nonFinite(index:)`, `.invalidArgument` (trim, confidence),
    ///   `.numericalFailure` (overflow).
    public static func twoSample(
        base: [Double], head: [Double], trim: Double = 0.2, confidence: Double = 0.95
    ) throws(StatisticsError) -> YuenTTestResult {
        guard trim >= 0, trim < 0.5 else {
            throw .invalidArgument("the trimming proportion must lie in [0, 0.5) (got \(trim))")
        }
        try validateConfidence(confidence)
        try validateFinite(base)
        try validateFinite(head)
        let baseSide = trimmedSide(base, trim: trim)
        let headSide = trimmedSide(head, trim: trim)
        let difference = headSide.trimmedMean - baseSide.trimmedMean
        try requireFinite(difference, what: "the difference of the trimmed means")

        func degenerate(_ reason: YuenTTestResult.Degeneracy) -> YuenTTestResult {
            YuenTTestResult(
                trimmedMeanDifference: difference, baseTrimmedMean: baseSide.trimmedMean,
                headTrimmedMean: headSide.trimmedMean, baseRetained: baseSide.retained,
                headRetained: headSide.retained, trim: trim, standardError: nil, t: nil,
                degreesOfFreedom: nil, pValue: nil, confidenceInterval: nil, degeneracy: reason)
        }

        guard let dBase = baseSide.squaredStandardError, let dHead = headSide.squaredStandardError else {
            return degenerate(.tooFewRetainedValues)
        }
        let total = dBase + dHead
        if total == 0 {
            return degenerate(difference == 0 ? .identicalWinsorizedSamples : .zeroWinsorizedVariance)
        }
        let hb = Double(baseSide.retained)
        let hh = Double(headSide.retained)
        // Welch–Satterthwaite on the trimmed sides; with one side of zero winsorized variance this
        // reduces to h − 1 of the other.
        let degreesOfFreedom = total * total / (dBase * dBase / (hb - 1) + dHead * dHead / (hh - 1))
        let standardError = total.squareRoot()
        try requireFinite(standardError, degreesOfFreedom, what: "the standard error")
        let t = difference / standardError
        try requireFinite(t, what: "the t statistic")
        let pValue = try TTest.twoSidedP(t: t, df: degreesOfFreedom)
        let critical = try viaGSL { () throws(GSLError) in
            try StudentTQuantile.value(1 - (1 - confidence) / 2, df: degreesOfFreedom)
        }
        return YuenTTestResult(
            trimmedMeanDifference: difference, baseTrimmedMean: baseSide.trimmedMean,
            headTrimmedMean: headSide.trimmedMean, baseRetained: baseSide.retained,
            headRetained: headSide.retained, trim: trim, standardError: standardError, t: t,
            degreesOfFreedom: degreesOfFreedom, pValue: pValue,
            confidenceInterval: ConfidenceInterval(
                lower: difference - critical * standardError, upper: difference + critical * standardError,
                level: confidence),
            degeneracy: nil)
    }

    /// The γ-trimmed mean of `values`: the mean of what remains after ⌊γn⌋ values are dropped from
    /// each end (the location Yuen's test compares; scipy `trim_mean`).
    /// - Throws: `.emptySample`, `.nonFinite(index:)`, `.invalidArgument` for γ outside [0, 0.5).
    public static func trimmedMean(_ values: [Double], trim: Double = 0.2) throws(StatisticsError) -> Double {
        guard trim >= 0, trim < 0.5 else { throw .invalidArgument("trim must lie in [0, 0.5), got \(trim)") }
        try validateFinite(values)
        return keptMean(values.sorted(), trim: trim)
    }

    /// `trimmedMean(_:trim:)` of values already sorted ascending (a caller that sorted them for
    /// other statistics need not sort them again); the kept values are summed in that order.
    /// - Throws: as `trimmedMean(_:trim:)`.
    public static func trimmedMean(sorted: [Double], trim: Double = 0.2) throws(StatisticsError) -> Double {
        guard trim >= 0, trim < 0.5 else { throw .invalidArgument("trim must lie in [0, 0.5), got \(trim)") }
        try validateFinite(sorted)
        return keptMean(sorted, trim: trim)
    }

    /// The mean of the values left after ⌊γn⌋ are dropped from each end of `sorted` (non-empty).
    private static func keptMean(_ sorted: [Double], trim: Double) -> Double {
        let n = sorted.count
        let g = trimmedPerEnd(count: n, trim: trim)
        var keptSum = 0.0
        for value in sorted[g..<(n - g)] { keptSum += value }
        return keptSum / Double(n - 2 * g)
    }

    /// g, the number of values trimmed from each end of `count` values: scipy's int(n·γ), the floor
    /// for positive n·γ.
    public static func trimmedPerEnd(count: Int, trim: Double) -> Int {
        Int((trim * Double(count)).rounded(.down))
    }

    /// One side's trimmed mean, number of retained values h and d = (n − 1)·s²_w / (h·(h − 1))
    /// (nil for h < 2). Sums run in sorted order.
    private static func trimmedSide(
        _ values: [Double], trim: Double
    ) -> (trimmedMean: Double, retained: Int, squaredStandardError: Double?) {
        let sorted = values.sorted()
        let n = sorted.count
        let g = trimmedPerEnd(count: n, trim: trim)
        let retained = n - 2 * g
        let trimmedMean = keptMean(sorted, trim: trim)
        guard retained >= 2 else { return (trimmedMean, retained, nil) }
        let low = sorted[g]
        let high = sorted[n - g - 1]
        var winsorizedSum = 0.0
        for value in sorted { winsorizedSum += min(max(value, low), high) }
        let winsorizedMean = winsorizedSum / Double(n)
        var squares = 0.0
        for value in sorted {
            let deviation = min(max(value, low), high) - winsorizedMean
            squares += deviation * deviation
        }
        // (n − 1)·s²_w = Σ(w − w̄)², so d = Σ(w − w̄)² / (h·(h − 1)).
        let h = Double(retained)
        return (trimmedMean, retained, squares / (h * (h - 1)))
    }
}

/// The result of `YuenTTest.twoSample`: the difference of the trimmed means, trimmed mean(head) −
/// trimmed mean(base), its standard error, t, degrees of freedom, two-sided p-value and interval.
public struct YuenTTestResult: Sendable, Equatable {
    /// Why Yuen's test has no p-value or interval.
    public enum Degeneracy: Sendable, Equatable, Hashable {
        /// Fewer than two values remain on a side after trimming (h < 2): no winsorized variance.
        case tooFewRetainedValues
        /// Both winsorized variances are 0 but the trimmed means differ: the difference has no
        /// noise estimate to be tested against (it is not "infinitely significant").
        case zeroWinsorizedVariance
        /// Both winsorized variances are 0 and the trimmed means are equal: the difference is 0.
        case identicalWinsorizedSamples
    }

    /// trimmed mean(head) − trimmed mean(base).
    public let trimmedMeanDifference: Double
    /// The γ-trimmed mean of the base sample.
    public let baseTrimmedMean: Double
    /// The γ-trimmed mean of the head sample.
    public let headTrimmedMean: Double
    /// h = n − 2⌊γ·n⌋ for the base sample.
    public let baseRetained: Int
    /// h = n − 2⌊γ·n⌋ for the head sample.
    public let headRetained: Int
    /// The proportion γ trimmed from each end.
    public let trim: Double
    /// √(d_base + d_head); `nil` when degenerate.
    public let standardError: Double?
    /// `trimmedMeanDifference / standardError`; `nil` when degenerate.
    public let t: Double?
    /// The Welch–Satterthwaite degrees of freedom of the trimmed sides; `nil` when degenerate.
    public let degreesOfFreedom: Double?
    /// The two-sided p-value; `nil` when degenerate.
    public let pValue: Double?
    /// The interval for the difference of the trimmed means; `nil` when degenerate.
    public let confidenceInterval: ConfidenceInterval?
    /// Why `t`, `pValue` and the interval are missing, or `nil` when the test was performed.
    public let degeneracy: Degeneracy?
}
