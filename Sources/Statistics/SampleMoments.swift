/// Count, extremes, mean and variance of one sample, without sorting: the part of
/// `DescriptiveStatistics` that needs only O(n) work.
///
/// The mean is GSL's running mean (`gsl_stats_mean`) and the variance GSL's two-pass unbiased
/// variance about it (`gsl_stats_variance_m`, divisor n − 1) — the same calls, in the same order,
/// as `DescriptiveStatistics`, which is built on this type, so both give identical bits. A
/// constant sample has mean = its value and variance exactly 0, whatever rounding the two passes
/// would pick up.
public struct SampleMoments: Sendable, Equatable {
    /// The number of values.
    public let count: Int
    /// The arithmetic mean.
    public let mean: Double
    /// The unbiased sample variance (divisor n − 1); `nil` for n < 2.
    public let variance: Double?
    /// √variance; `nil` for n < 2.
    public let standardDeviation: Double?
    /// The smallest value.
    public let minimum: Double
    /// The largest value.
    public let maximum: Double

    /// Whether all values are equal (then the variance is exactly 0).
    public var isConstant: Bool { minimum == maximum }

    /// Summarises `values`.
    /// - Throws: `.emptySample` for no values, `.nonFinite(index:)` for NaN/±Inf,
    ///   `.numericalFailure` if the mean or variance overflows.
    public init(_ values: [Double]) throws(StatisticsError) {
        guard var low = values.first else { throw .emptySample }
        var high = low
        for (index, value) in values.enumerated() {
            guard value.isFinite else { throw .nonFinite(index: index) }
            if value < low { low = value }
            if value > high { high = value }
        }
        try self.init(values, minimum: low, maximum: high)
    }

    /// Summarises `values` whose extremes are already known (finite, checked by the caller).
    init(_ values: [Double], minimum: Double, maximum: Double) throws(StatisticsError) {
        count = values.count
        self.minimum = minimum
        self.maximum = maximum
        if minimum == maximum {
            mean = minimum
            variance = values.count >= 2 ? 0 : nil
            standardDeviation = variance
            return
        }
        let mean = try viaGSL { () throws(GSLError) in try GSL.mean(values) }
        self.mean = mean
        guard values.count >= 2 else {
            variance = nil
            standardDeviation = nil
            return
        }
        let variance = try viaGSL { () throws(GSLError) in try GSL.variance(values, mean: mean) }
        try requireFinite(mean, variance, what: "the mean or variance")
        self.variance = variance
        standardDeviation = variance.squareRoot()
    }
}
