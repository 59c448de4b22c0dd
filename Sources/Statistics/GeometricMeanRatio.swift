internal import Foundation

/// The ratio of geometric means head/base with a confidence interval, from a t-test on natural
/// logarithms (the standard analysis of log-normal data; Welch 1947 on the log scale, as
/// criterion and pyperf compare timings by ratios).
///
/// `ratio = exp(mean(log head) − mean(log base))` = geomean(head) / geomean(base), and the
/// interval is the exponential of the t interval of the log difference.
public enum GeometricMeanRatio {
    /// Compares `head` to `base` by the ratio of their geometric means.
    /// - Throws: `.nonPositive(index:)` for a value ≤ 0 (no logarithm), and the errors of
    ///   `TTest.twoSample`.
    public static func compare(
        base: [Double], head: [Double], equalVariances: Bool = false, confidence: Double = 0.95
    ) throws(StatisticsError) -> GeometricMeanRatioResult {
        let logBase = try validatedLogs(base)
        let logHead = try validatedLogs(head)
        let test = try TTest.twoSample(
            base: logBase, head: logHead, equalVariances: equalVariances, confidence: confidence)
        let ratio = exp(test.meanDifference)
        try requireFinite(ratio, what: "the ratio of geometric means")
        let interval = test.confidenceInterval.map {
            ConfidenceInterval(lower: exp($0.lower), upper: exp($0.upper), level: $0.level)
        }
        if let interval { try requireFinite(interval.lower, interval.upper, what: "the ratio interval") }
        return GeometricMeanRatioResult(ratio: ratio, confidenceInterval: interval, logScaleTest: test)
    }
}

/// The result of `GeometricMeanRatio.compare`.
public struct GeometricMeanRatioResult: Sendable, Equatable {
    /// geomean(head) / geomean(base).
    public let ratio: Double
    /// exp of the log-scale interval; `nil` when the log-scale test is degenerate.
    public let confidenceInterval: ConfidenceInterval?
    /// The t-test on the logarithms (its `meanDifference` is log(ratio)).
    public let logScaleTest: TTestResult

    /// The two-sided p-value of the log-scale test; `nil` when degenerate.
    public var pValue: Double? { logScaleTest.pValue }
    /// Why there is no p-value or interval, if so.
    public var degeneracy: TTestResult.Degeneracy? { logScaleTest.degeneracy }
}
