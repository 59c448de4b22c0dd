/// The equally weighted pooled variance of several samples: the mean of their sample variances,
/// over the samples with at least two values. For two samples of equal size it is the pooled
/// variance of Student's two-sample t-test, s²_p = (s²_x + s²_y) / 2 (Student 1908); the analysis
/// uses it as σ² of one observation in the power analysis (Cohen 1988), where the sizes to come are
/// equal by construction.
public enum PooledVariance {
    /// The mean of `variances`, or nil when there are none.
    public static func ofVariances(_ variances: [Double]) -> Double? {
        guard !variances.isEmpty else { return nil }
        return Summation.sum(variances) / Double(variances.count)
    }

    /// The mean of the sample variances (`Summation.variance`) of the samples with ≥ 2 values, or
    /// nil when no sample has two.
    public static func ofSamples(_ samples: [[Double]]) -> Double? {
        ofVariances(samples.compactMap { Summation.variance($0) })
    }
}
