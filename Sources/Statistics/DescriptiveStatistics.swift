/// Summary statistics of one sample: location, spread, quantiles.
///
/// Mean and variance use GSL's numerically careful algorithms (`gsl_stats_mean`, a running
/// mean, and the two-pass `gsl_stats_variance_m`, through `SampleMoments`), which reproduce the
/// NIST StRD univariate certified values (see the tests); sorting and quantiles also come from GSL.
///
/// Degenerate but valid samples never produce NaN: with one value, `variance`,
/// `standardDeviation` and `coefficientOfVariation` are `nil`; a constant sample has
/// `isConstant == true`, variance 0 and MAD 0.
///
/// - Complexity: O(n log n) to create (one sort); `quantile(_:)` is O(1) afterwards.
public struct DescriptiveStatistics: Sendable, Equatable {
    /// The number of values.
    public let count: Int
    /// The arithmetic mean.
    public let mean: Double
    /// The unbiased sample variance (divisor n − 1); `nil` for n < 2.
    public let variance: Double?
    /// √variance; `nil` for n < 2.
    public let standardDeviation: Double?
    /// The median (average of the two middle values for even n).
    public let median: Double
    /// The smallest value.
    public let minimum: Double
    /// The largest value.
    public let maximum: Double
    /// The raw median absolute deviation median(|xᵢ − median|), unscaled (Hampel 1974).
    public let medianAbsoluteDeviation: Double
    /// The values sorted ascending.
    public let sortedValues: [Double]

    /// The factor that makes the MAD a consistent estimator of σ for normal data, as R's `mad`
    /// (≈ 1/Φ⁻¹(3/4) = 1.482602…; R and this module use the rounded 1.4826).
    public static let madNormalConsistency = 1.4826

    /// `medianAbsoluteDeviation × 1.4826`, a robust estimate of σ for normal data.
    public var scaledMAD: Double { medianAbsoluteDeviation * Self.madNormalConsistency }

    /// The coefficient of variation sd / |mean|; `nil` when n < 2 or the mean is 0.
    public var coefficientOfVariation: Double? {
        guard let standardDeviation, mean != 0 else { return nil }
        let cv = standardDeviation / abs(mean)
        return cv.isFinite ? cv : nil
    }

    /// Whether all values are equal (then variance and MAD are exactly 0).
    public var isConstant: Bool { minimum == maximum }

    /// Summarises `values`.
    /// - Throws: `.emptySample` for no values, `.nonFinite(index:)` for NaN/±Inf,
    ///   `.numericalFailure` if the variance overflows.
    public init(_ values: [Double]) throws(StatisticsError) {
        try validateFinite(values)
        let sorted = GSL.sorted(values)
        guard let first = sorted.first, let last = sorted.last else { throw .emptySample }
        let moments = try SampleMoments(values, minimum: first, maximum: last)
        count = values.count
        sortedValues = sorted
        minimum = first
        maximum = last
        mean = moments.mean
        variance = moments.variance
        standardDeviation = moments.standardDeviation
        median = try viaGSL { () throws(GSLError) in try GSL.median(sorted: sorted) }
        if first == last {
            medianAbsoluteDeviation = 0
            return
        }
        let median = self.median
        let deviations = GSL.sorted(values.map { abs($0 - median) })
        medianAbsoluteDeviation = try viaGSL { () throws(GSLError) in try GSL.median(sorted: deviations) }
    }

    /// The `p`-quantile by linear interpolation between order statistics: Hyndman & Fan (1996)
    /// type 7, the default of R and numpy (`method="linear"`).
    /// - Throws: `.invalidArgument` unless 0 ≤ p ≤ 1.
    public func quantile(_ p: Double) throws(StatisticsError) -> Double {
        guard p >= 0 && p <= 1 else { throw .invalidArgument("quantile level must lie in [0, 1] (got \(p))") }
        let sorted = sortedValues
        return try viaGSL { () throws(GSLError) in try GSL.quantile(sorted: sorted, p) }
    }
}
