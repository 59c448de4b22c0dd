/// Quantiles of the standard normal distribution, Φ⁻¹(p) (GSL's `gsl_cdf_ugaussian_Pinv`), for
/// callers outside this module, which do not call GSL themselves.
public enum NormalQuantile {
    /// Φ⁻¹(p).
    /// - Throws: `.gsl` for p outside (0, 1).
    public static func value(_ p: Double) throws(StatisticsError) -> Double {
        do { return try GSL.normalQuantile(p) } catch { throw .gsl(error) }
    }
}
