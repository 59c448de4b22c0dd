/// The χ² distribution (GSL's `gsl_cdf_chisq_Pinv`), for callers outside this module.
public enum ChiSquaredDistribution {
    /// The quantile x with P(X ≤ x) = `p` on `df` degrees of freedom.
    /// - Throws: `.gsl` for p outside (0, 1) or degrees of freedom ≤ 0.
    public static func quantile(_ p: Double, df: Double) throws(StatisticsError) -> Double {
        do { return try GSL.chiSquaredQuantile(p, df: df) } catch { throw .gsl(error) }
    }
}
