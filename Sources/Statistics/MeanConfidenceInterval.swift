/// Student's t confidence interval of a population mean from a sample's mean, standard deviation
/// and size (Student 1908):
///
///     x̄ ± t₁₋α/₂,ₙ₋₁ · s / √n
///
/// scipy's `stats.t.interval(confidence, n − 1, loc=x̄, scale=s/√n)` (checked in the tests). The
/// quantile is GSL's (`StudentTQuantile`).
public enum MeanConfidenceInterval {
    /// The interval, or nil when it does not exist (n < 2 or s = 0).
    /// - Throws: `.invalidArgument` for a confidence outside (0, 1) or a negative or non-finite
    ///   standard deviation; `.gsl` if the quantile fails.
    public static func studentT(
        mean: Double, standardDeviation: Double, count: Int, confidence: Double
    ) throws(StatisticsError) -> ConfidenceInterval? {
        guard confidence > 0, confidence < 1 else {
            throw .invalidArgument("confidence must lie in (0, 1), got \(confidence)")
        }
        guard standardDeviation >= 0, standardDeviation.isFinite, mean.isFinite else {
            throw .invalidArgument("the mean must be finite and the standard deviation finite and ≥ 0")
        }
        guard count >= 2, standardDeviation > 0 else { return nil }
        let critical: Double
        do {
            critical = try StudentTQuantile.value(0.5 + confidence / 2, df: Double(count - 1))
        } catch {
            throw .gsl(error)
        }
        let half = critical * standardDeviation / Double(count).squareRoot()
        return ConfidenceInterval(lower: mean - half, upper: mean + half, level: confidence)
    }
}
