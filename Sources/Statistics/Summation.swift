/// Sums, means and variances with the textbook formulas, in index order.
///
/// `SampleMoments` and `DescriptiveStatistics` use GSL's running mean (`gsl_stats_mean`), which is
/// the better-conditioned algorithm for one sample of many values. The analysis also needs small
/// means — of a run's logarithms, of a few run centres, of two variances — whose published outputs
/// (the golden reports) were fixed with the plain formula Σxᵢ / n; those go through this type so
/// that every mean is computed in one place and the last bits never depend on who wrote the loop.
///
/// - Complexity: O(n), one pass (two for `variance`).
public enum Summation {
    /// Σxᵢ in index order (0 for no values).
    public static func sum(_ values: [Double]) -> Double {
        var total = 0.0
        for value in values { total += value }
        return total
    }

    /// Σxᵢ of a part of an array, in index order (the same sum as of an array of those values).
    public static func sum(_ values: ArraySlice<Double>) -> Double {
        var total = 0.0
        for value in values { total += value }
        return total
    }

    /// Σxᵢ / n, in index order.
    /// - Throws: `.emptySample` for no values.
    public static func mean(_ values: [Double]) throws(StatisticsError) -> Double {
        guard !values.isEmpty else { throw .emptySample }
        return sum(values) / Double(values.count)
    }

    /// The unbiased sample variance Σ(xᵢ − x̄)² / (n − 1) about the plain mean `mean(values)`, or
    /// nil for fewer than two values (the two-pass textbook formula; Chan, Golub & LeVeque 1983
    /// discuss its accuracy).
    public static func variance(_ values: [Double]) -> Double? {
        guard values.count >= 2 else { return nil }
        let centre = sum(values) / Double(values.count)
        var squares = 0.0
        for value in values { squares += (value - centre) * (value - centre) }
        return squares / Double(values.count - 1)
    }
}
